import { database } from './database';
import { launchDemo, stopDemo } from './demo/launch';
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

  let stopping: Promise<void> | null = null;
  const shutdown = () => {
    stopping ??= (async () => {
      setTimeout(() => exit(1), SHUTDOWN_LIMIT_MS).unref();
      // Gateways first (they still talk to the database), then wake-ups, then the database.
      await stopDemo().catch(() => undefined);
      await stopWakeups(db).catch(() => undefined);
      // An unclosed PGlite would keep the process alive after Ctrl-C, and could leave its files half-written.
      await close();
      console.log('ParthelandMobil: stopped cleanly.');
    })();
    return stopping;
  };
  // `next start` has its own SIGINT/SIGTERM handler, which calls process.exit as soon as its HTTP
  // server is closed — often before the database is. Once our shutdown runs, an exit waits for it.
  const exit = process.exit.bind(process);
  process.exit = ((code?: number | string | null) => {
    if (!stopping) return exit(code);
    void stopping.finally(() => exit(code));
  }) as typeof process.exit;
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      void shutdown().finally(() => exit(0));
    });
}
