import { database } from './database';

/** What a web process does once at start: the database ready, and closed cleanly on the way out. */
export async function boot() {
  const { engine, close } = await database();
  console.log(`ParthelandMobil: database ready (${engine}).`);
  // An unclosed PGlite would keep the process alive after Ctrl-C, and could leave its files half-written.
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      void close().finally(() => process.exit(0));
    });
}
