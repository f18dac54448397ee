import { startScheduler } from './bookings/scheduler';
import { database } from './database';
import { launchDemo, stopDemo } from './demo/launch';
import { env } from './env';
import { mailContextFromEnv, mailerFromEnv, startNotificationWorker } from './notifications';
import { stopWakeups } from './telematics/wakeups';

/** A stuck shutdown must not keep the process (and the port) forever. */
const SHUTDOWN_LIMIT_MS = 10_000;

/**
 * What a web process does once at start: the database ready, and closed cleanly on the way out.
 * On the embedded database (the `npm start` demo) it also starts the demo's station gateways and
 * simulated cars — in the background, so the first page does not wait for them.
 */
export async function boot() {
  const { engine, db, close } = await database();
  console.log(`ParthelandMobil: database ready (${engine}).`);
  // Production runs real gateways at the stations; only the demo simulates them.
  if (engine === 'pglite') void launchDemo(db);
  // The app's own clockwork (no cron): no-shows, late returns, reminders, and the mail outbox.
  const stopScheduler = startScheduler(database);
  const mailer = mailerFromEnv(env());
  const mailWorker = startNotificationWorker(
    async () => (await database()).db,
    mailer,
    mailContextFromEnv(env()),
  );
  const shutdown = async () => {
    setTimeout(() => process.exit(1), SHUTDOWN_LIMIT_MS).unref();
    stopScheduler();
    await mailWorker.stop().catch(() => undefined);
    mailer.close();
    // Gateways first (they still talk to the database), then wake-ups, then the database.
    await stopDemo().catch(() => undefined);
    await stopWakeups(db).catch(() => undefined);
    // An unclosed PGlite would keep the process alive after Ctrl-C, and could leave its files half-written.
    await close();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      void shutdown().finally(() => process.exit(0));
    });
}
