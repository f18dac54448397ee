import { startScheduler } from './bookings/scheduler';
import { blockCarsNeverInspected } from './compliance/first-inspection';
import { database } from './database';
import { launchDemo, stopDemo } from './demo/launch';
import { assertSharedSecrets, env } from './env';
import { logger } from './logger';
import { licenceNoticeSettings } from './notifications/licence-notices';
import { mailContextFromEnv, mailerFromEnv } from './notifications/mailer';
import { startNotificationWorker } from './notifications/worker';
import { retentionSettings, startRetention } from './privacy/retention';
import { type Booted, OWN_SERVER_ENV, processState } from './process/state';
import { settings } from './settings';
import { startTripHealing } from './telematics/trips';
import { stopWakeups } from './telematics/wakeups';

/** Under `next dev` (no server of ours), a stuck shutdown must not keep the process forever. */
const DEV_SHUTDOWN_LIMIT_MS = 10_000;

const log = logger.child({ part: 'boot' });

/**
 * What a web process does once at start: the configuration checked (on PostgreSQL every instance
 * must hold the same keys), the database ready, the app's own clockwork (no-shows, late returns,
 * reminders, the daily retention of per-person detail) and the mail outbox running; and on the
 * embedded database (the `npm start` demo) the demo's station gateways and simulated cars, in the
 * background so the first page does not wait for them. Throws when the start cannot succeed: the process must end, not answer 500.
 */
async function boot(): Promise<Booted> {
  const config = env();
  assertSharedSecrets(config);
  const { engine, db, close } = await database();
  log.info({ engine }, 'database ready');
  // Production runs real gateways at the stations; only the demo simulates them.
  if (engine === 'pglite') void launchDemo(db);
  // UVV: cars never inspected are blocked from their first due date (the compliance area's step).
  const stopScheduler = startScheduler(database, licenceNoticeSettings(config), [
    (db, now) => blockCarsNeverInspected(db, now, config.TIME_ZONE),
  ]);
  const stopTripHealing = startTripHealing(database);
  const stopRetention = startRetention(database, retentionSettings(config));
  const mailer = mailerFromEnv(config);
  const mailWorker = startNotificationWorker(
    async () => (await database()).db,
    mailer,
    mailContextFromEnv(config, await settings()),
    { onError: (error) => log.error({ err: error }, 'notification worker failed') },
  );
  let running = true;

  let background: Promise<void> | undefined;
  // Gateways before wake-ups and the database: they still talk to it.
  const stopBackground = () => {
    background ??= stopDemo().catch((error: unknown) => log.error({ err: error }, 'demo stop failed'));
    return background;
  };
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      running = false;
      await stopScheduler();
      stopTripHealing();
      await stopRetention();
      await mailWorker.stop().catch((error: unknown) => log.error({ err: error }, 'mail worker stop failed'));
      mailer.close();
      await stopBackground();
      await stopWakeups(db).catch(() => undefined);
      // An unclosed PGlite would keep the process alive, and could leave its files half-written.
      await close();
    })();
    return stopping;
  };
  return {
    engine,
    db,
    workers: () => ({ scheduler: running, mail: running }),
    stopBackground,
    stop,
  };
}

/** Boots the process once (instrumentation.ts calls it; it is idempotent). */
export function bootProcess(): Promise<Booted> {
  const state = processState();
  if (!state.booted) {
    state.booted = boot();
    if (process.env[OWN_SERVER_ENV] !== '1') handleSignalsWithoutOwnServer(state.booted);
  }
  return state.booted;
}

/**
 * `next dev` has no server of ours to drain requests, so here the signal just stops the workers
 * and the database (the scripts set NEXT_MANUAL_SIG_HANDLE, so Next leaves the signals to us).
 */
function handleSignalsWithoutOwnServer(booted: Promise<Booted>) {
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      setTimeout(() => process.exit(1), DEV_SHUTDOWN_LIMIT_MS).unref();
      void booted
        .then((booted) => booted.stop())
        .then(() => log.info('stopped cleanly'))
        .finally(() => process.exit(0));
    });
}
