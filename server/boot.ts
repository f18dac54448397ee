import { startScheduler } from './bookings/scheduler';
import { database } from './database';
import { launchDemo, stopDemo } from './demo/launch';
import { env } from './env';
import { mailContextFromEnv, mailerFromEnv } from './notifications/mailer';
import { startNotificationWorker } from './notifications/worker';
import { settings } from './settings';
import { startTripHealing } from './telematics/trips';
import { stopWakeups } from './telematics/wakeups';

/** A stuck shutdown must not keep the process (and the port) forever. */
const SHUTDOWN_LIMIT_MS = 10_000;

/**
 * What a web process does once at start: the database ready; the app's own clockwork (no-shows,
 * late returns, reminders) and the mail outbox running; and on the embedded database (the
 * `npm start` demo) the demo's station gateways and simulated cars — in the background, so the
 * first page does not wait for them. On the way out everything stops in order and the database is
 * closed. The scripts set NEXT_MANUAL_SIG_HANDLE, so these handlers, not Next's, end the process.
 */
export async function boot() {
  const { engine, db, close } = await database();
  console.log(`ParthelandMobil: database ready (${engine}).`);
  // Production runs real gateways at the stations; only the demo simulates them.
  if (engine === 'pglite') void launchDemo(db);
  const stopScheduler = startScheduler(database);
  const stopTripHealing = startTripHealing(database);
  const mailer = mailerFromEnv(env());
  const mailWorker = startNotificationWorker(
    async () => (await database()).db,
    mailer,
    mailContextFromEnv(env(), await settings()),
  );

  let stopping: Promise<void> | null = null;
  const shutdown = () => {
    stopping ??= (async () => {
      setTimeout(() => process.exit(1), SHUTDOWN_LIMIT_MS).unref();
      stopScheduler();
      stopTripHealing();
      await mailWorker.stop().catch(() => undefined);
      mailer.close();
      // Gateways before wake-ups and the database: they still talk to it.
      await stopDemo().catch(() => undefined);
      await stopWakeups(db).catch(() => undefined);
      // An unclosed PGlite would keep the process alive, and could leave its files half-written.
      await close();
      console.log('ParthelandMobil: stopped cleanly.');
    })();
    return stopping;
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      void shutdown().finally(() => process.exit(0));
    });
}
