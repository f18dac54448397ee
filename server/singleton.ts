// On globalThis, not in module scope: Next.js loads instrumentation and the route handlers as
// separate module graphs (and reloads modules in development), and all of them must share one
// database, one auth instance, one demo and one wake-up hub per process.
const registry = globalThis as typeof globalThis & { parthelandSingletons?: Map<string, unknown> };

/** The process's one value under `key`, made by `create` on first use. */
export function processSingleton<T>(key: string, create: () => T): T {
  registry.parthelandSingletons ??= new Map();
  const all = registry.parthelandSingletons;
  if (!all.has(key)) all.set(key, create());
  // Each key is used by one call site with one type, so what is stored under it is a T.
  return all.get(key) as T;
}

/** Puts `value` under `key` until the returned restore runs: for tests that hand the app their own. */
export function overrideProcessSingleton<T>(key: string, value: T): () => void {
  registry.parthelandSingletons ??= new Map();
  const all = registry.parthelandSingletons;
  const had = all.has(key);
  const before = all.get(key);
  all.set(key, value);
  return () => (had ? all.set(key, before) : all.delete(key));
}
