import { EventEmitter } from 'node:events';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Db } from '@/db/client';
import { processSingleton } from '../singleton';

const CHANNEL = 'pm_gateway_jobs';

/**
 * Wake-ups for long-polling gateways. Each database handle (one per web instance) has its own
 * emitter; on PostgreSQL a LISTEN connection feeds it the NOTIFYs of every other instance, so a
 * command queued anywhere reaches the gateway's poll wherever it waits. PGlite is one process, so
 * its emitter is the whole story.
 */
interface Hub {
  emitter: EventEmitter;
  listener: Promise<pg.Client | null> | null;
}

// Process-wide: Next.js loads the route handlers and instrumentation (where the demo's gateways
// wait) as separate module graphs, and a wake-up queued in one must reach a long-poll waiting in
// the other.
const { hubs, fallback } = processSingleton('wakeups', (): { hubs: WeakMap<object, Hub>; fallback: Hub } => ({
  hubs: new WeakMap(),
  fallback: { emitter: new EventEmitter(), listener: null },
}));

const clientOf = (db: Db): unknown => (db as { $client?: unknown }).$client;

function hubOf(db: Db): Hub {
  const client = clientOf(db);
  if (typeof client !== 'object' || client === null) return fallback;
  let hub = hubs.get(client);
  if (!hub) {
    const emitter = new EventEmitter();
    // Many gateways may wait on one instance; that is normal, not a leak.
    emitter.setMaxListeners(0);
    hub = { emitter, listener: null };
    hubs.set(client, hub);
  }
  return hub;
}

/** Starts the LISTEN connection for a PostgreSQL pool, once; a dropped one is replaced on next use. */
function listen(db: Db, hub: Hub): Promise<pg.Client | null> {
  const pool = clientOf(db);
  if (!(pool instanceof pg.Pool)) return Promise.resolve(null);
  hub.listener ??= (async () => {
    const client = new pg.Client(pool.options);
    const reset = () => {
      hub.listener = null;
      client.end().catch(() => undefined);
    };
    client.on('error', reset);
    client.on('notification', (message) => {
      if (message.channel === CHANNEL && message.payload) hub.emitter.emit(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      return client;
    } catch {
      reset();
      return null;
    }
  })();
  return hub.listener;
}

/** Tells every instance that a station has work. Inside a transaction NOTIFY waits for the commit. */
export async function wakeStation(db: Db, stationId: string): Promise<void> {
  await db.execute(sql`select pg_notify(${CHANNEL}, ${stationId})`);
  hubOf(db).emitter.emit(stationId);
}

export interface Waiter {
  /** Resolves when the station is woken, after `ms`, or when `signal` aborts, whichever comes first. */
  wait(ms: number, signal?: AbortSignal): Promise<void>;
  close(): void;
}

/**
 * Subscribes before the caller looks for work, so a job queued between that look and the wait
 * still wakes it.
 */
export async function watchStation(db: Db, stationId: string): Promise<Waiter> {
  const hub = hubOf(db);
  await listen(db, hub);
  let woken = false;
  let wake: (() => void) | null = null;
  const onWake = () => {
    woken = true;
    wake?.();
  };
  hub.emitter.on(stationId, onWake);
  return {
    wait: (ms, signal) =>
      new Promise<void>((resolve) => {
        if (woken || ms <= 0 || signal?.aborted) return resolve();
        const done = () => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', done);
          resolve();
        };
        const timer = setTimeout(done, ms);
        wake = done;
        signal?.addEventListener('abort', done, { once: true });
      }),
    close: () => {
      hub.emitter.off(stationId, onWake);
    },
  };
}

/** Closes the LISTEN connection of a database handle (shutdown, end of a test file). */
export async function stopWakeups(db: Db): Promise<void> {
  const client = clientOf(db);
  const hub = typeof client === 'object' && client !== null ? hubs.get(client) : undefined;
  const listener = await hub?.listener;
  if (hub) hub.listener = null;
  await listener?.end().catch(() => undefined);
}
