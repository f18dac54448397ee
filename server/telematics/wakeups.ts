import { EventEmitter } from 'node:events';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Db } from '@/db/client';
import { logger } from '../logger';
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
  /** The pool the LISTEN connection is made like (PostgreSQL only). */
  pool: pg.Pool | null;
  /** Failed attempts since the last good LISTEN: the back-off grows with them. */
  attempts: number;
  retry: NodeJS.Timeout | null;
  /** Set by stopWakeups: a closed connection is then not replaced until the hub is used again. */
  stopped: boolean;
}

/** Emitted to every waiter once LISTEN is back after a loss: NOTIFYs sent meanwhile were missed. */
const RELISTENED = 'pm:relistened';
const RETRY_MIN_MS = 100;
const RETRY_MAX_MS = 5_000;

const newHub = (pool: pg.Pool | null): Hub => {
  const emitter = new EventEmitter();
  // Many gateways may wait on one instance; that is normal, not a leak.
  emitter.setMaxListeners(0);
  return { emitter, listener: null, pool, attempts: 0, retry: null, stopped: false };
};
// Process-wide: Next.js loads the route handlers and instrumentation (where the demo's gateways
// wait) as separate module graphs, and a wake-up queued in one must reach a long-poll waiting in
// the other.
const { hubs, fallback } = processSingleton('wakeups', (): { hubs: WeakMap<object, Hub>; fallback: Hub } => ({
  hubs: new WeakMap(),
  fallback: newHub(null),
}));

const clientOf = (db: Db): unknown => (db as { $client?: unknown }).$client;

function hubOf(db: Db): Hub {
  const client = clientOf(db);
  if (typeof client !== 'object' || client === null) return fallback;
  let hub = hubs.get(client);
  if (!hub) {
    hub = newHub(client instanceof pg.Pool ? client : null);
    hubs.set(client, hub);
  }
  return hub;
}

/** The LISTEN connection of a PostgreSQL pool, made once; a lost one is replaced at once (listenAgain). */
function listen(hub: Hub): Promise<pg.Client | null> {
  const { pool } = hub;
  if (!pool) return Promise.resolve(null);
  hub.listener ??= (async () => {
    const client = new pg.Client(pool.options);
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      hub.listener = null;
      client.end().catch(() => undefined);
      listenAgain(hub);
    };
    // A terminated backend, a restarted server, a broken network: 'error' and/or 'end'.
    client.on('error', onLost);
    client.on('end', onLost);
    client.on('notification', (message) => {
      if (message.channel === CHANNEL && message.payload) hub.emitter.emit(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      hub.attempts = 0;
      return client;
    } catch {
      onLost();
      return null;
    }
  })();
  return hub.listener;
}

/**
 * After a lost LISTEN connection: listens again at once, then with a growing pause while that
 * fails, and wakes every waiting pull when it is back, since a job queued in the gap sent its
 * NOTIFY to no one. The woken pulls look for work again, so nothing waits out its long-poll.
 */
function listenAgain(hub: Hub): void {
  if (hub.stopped || hub.retry) return;
  const delay = hub.attempts === 0 ? 0 : Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** (hub.attempts - 1));
  hub.attempts += 1;
  hub.retry = setTimeout(() => {
    hub.retry = null;
    if (hub.stopped) return;
    void listen(hub).then((client) => {
      if (client) {
        logger.info({ channel: CHANNEL }, 'wake-ups listening again');
        hub.emitter.emit(RELISTENED);
      }
    });
  }, delay);
  hub.retry.unref();
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
  hub.stopped = false;
  await listen(hub);
  let woken = false;
  let wake: (() => void) | null = null;
  const onWake = () => {
    woken = true;
    wake?.();
  };
  hub.emitter.on(stationId, onWake);
  hub.emitter.on(RELISTENED, onWake);
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
      hub.emitter.off(RELISTENED, onWake);
    },
  };
}

/** Closes the LISTEN connection of a database handle (shutdown, end of a test file). */
export async function stopWakeups(db: Db): Promise<void> {
  const client = clientOf(db);
  const hub = typeof client === 'object' && client !== null ? hubs.get(client) : undefined;
  if (!hub) return;
  hub.stopped = true;
  if (hub.retry) clearTimeout(hub.retry);
  hub.retry = null;
  const listener = await hub.listener;
  hub.listener = null;
  await listener?.end().catch(() => undefined);
}
