import { and, asc, eq, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { notifications } from '@/db/schema';
import { logger } from '../logger';
import type { Mailer } from './mailer';
import type { MailSettings } from './message';
import { type OutboxRow, renderNotice, UndeliverableNotice } from './render';

/**
 * Delivery guarantee: at least once, and exactly once unless the process dies (or the database
 * write fails) between the SMTP server accepting a mail and the row being marked sent.
 *
 * A row is claimed in a short transaction (`FOR UPDATE SKIP LOCKED`, then not_before pushed out by
 * a lease), sent outside it, and marked sent afterwards. Holding the transaction open over the SMTP
 * dialogue would not make delivery exactly-once either (a crash after the server accepted still
 * rolls the mark back), and on PGlite, with its single connection, it would stall every request
 * of the app for as long as the mail server takes. Another worker skips a locked row and, once the
 * claim has committed, no longer sees it as due. The lease is short and the sending worker renews
 * it while it works, so a slow send keeps its row and the row of a worker that died is free again
 * within a minute; a crash between a send and its mark is where the duplicate can come from.
 */
export const CLAIM_LEASE_MS = 60_000;
/** A hung mail server is given up after this; the renewed lease keeps the row until then. */
const SEND_TIMEOUT_MS = 2 * 60_000;
/** After this many failed attempts the row stays unsent, with its last error, for a person to look at. */
export const MAX_ATTEMPTS = 8;

/** 1, 2, 4 … 64 minutes after the 1st … 7th failure: a mail server down for two hours is ridden out. */
function retryDelayMs(attempts: number): number {
  return 60_000 * 2 ** Math.max(0, Math.min(attempts - 1, 10));
}

/** Restricts a run to some recipients: tests on a shared database leave other tests' rows alone. */
export type NoticeScope = { recipientIds: readonly string[] };

export type WorkerRun = { claimed: number; sent: number; failed: number; gaveUp: number };

const due = (now: Date, scope?: NoticeScope) =>
  and(
    isNull(notifications.sentAt),
    lte(notifications.notBefore, now),
    lt(notifications.attempts, MAX_ATTEMPTS),
    scope ? inArray(notifications.recipientId, [...scope.recipientIds]) : undefined,
  );

/** Takes the most overdue row for this worker alone, for the length of the lease. */
export async function claimNext(
  db: Db,
  now: Date,
  scope?: NoticeScope,
  leaseMs = CLAIM_LEASE_MS,
): Promise<(OutboxRow & { attempts: number }) | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: notifications.id,
        recipientId: notifications.recipientId,
        bookingId: notifications.bookingId,
        kind: notifications.kind,
        payload: notifications.payload,
        snapshot: notifications.snapshot,
        attempts: notifications.attempts,
      })
      .from(notifications)
      .where(due(now, scope))
      .orderBy(asc(notifications.notBefore))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!row) return null;
    await tx
      .update(notifications)
      .set({ notBefore: new Date(now.getTime() + leaseMs) })
      .where(eq(notifications.id, row.id));
    return row;
  });
}

/**
 * Renews the lease of a claimed row every third of the lease until the returned stop is called
 * (which waits for a renewal under way, so none lands after the row's mark). `until` gives the new
 * end of the lease on the run's clock. A failed renewal is logged; the send goes on, at the risk of
 * a second worker sending the same mail once the lease has run out (still at least once).
 */
function keepLease(db: Db, id: string, leaseMs: number, until: () => Date): () => Promise<void> {
  let renewal: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    renewal = renewal
      .then(() =>
        db
          .update(notifications)
          .set({ notBefore: until() })
          .where(and(eq(notifications.id, id), isNull(notifications.sentAt))),
      )
      .catch((error: unknown) => logger.warn({ err: error, notification: id }, 'outbox: lease not renewed'));
  }, leaseMs / 3);
  return async () => {
    clearInterval(timer);
    await renewal;
  };
}

async function markSent(db: Db, id: string, now: Date): Promise<void> {
  // A link that sets a password holds its token: once mailed, the row keeps no usable copy.
  await db
    .update(notifications)
    .set({ sentAt: now, lastError: null, payload: sql`${notifications.payload} - 'link'` })
    .where(eq(notifications.id, id));
}

/** Records a failure; returns true when the row has now been given up. */
async function markFailed(db: Db, row: { id: string; attempts: number }, error: unknown, now: Date) {
  const permanent = error instanceof UndeliverableNotice;
  const attempts = permanent ? MAX_ATTEMPTS : Math.min(row.attempts + 1, MAX_ATTEMPTS);
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  await db
    .update(notifications)
    .set({
      attempts: permanent ? attempts : sql`least(${notifications.attempts} + 1, ${MAX_ATTEMPTS})`,
      lastError: message.slice(0, 2000),
      notBefore: new Date(now.getTime() + retryDelayMs(attempts)),
    })
    .where(eq(notifications.id, row.id));
  return attempts >= MAX_ATTEMPTS;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the mail server within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export type RunOptions = {
  /** The run's clock at its start: due rows, marks and backoff are reckoned from it. */
  now?: Date;
  /** Notices claimed in this run at most; default 20. */
  limit?: number;
  scope?: NoticeScope;
  /** Length of a claim's lease; default CLAIM_LEASE_MS (tests shorten it). */
  leaseMs?: number;
};

/**
 * Sends up to `limit` due notices, one claim at a time, each rendered from what its change recorded.
 * A failed send is retried later with backoff; a mark that fails after a send is thrown, and the
 * lease brings the row back (the at-least-once case above).
 */
export async function sendDueNotifications(
  db: Db,
  mailer: Mailer,
  context: MailSettings,
  options: RunOptions = {},
): Promise<WorkerRun> {
  const { now = new Date(), limit = 20, scope, leaseMs = CLAIM_LEASE_MS } = options;
  // The run's clock moves on from `now` as real time passes, so a renewal extends a lease that
  // was taken on that clock (tests run workers at instants ahead of the wall clock).
  const started = Date.now();
  const leaseEnd = () => new Date(now.getTime() + (Date.now() - started) + leaseMs);
  const run: WorkerRun = { claimed: 0, sent: 0, failed: 0, gaveUp: 0 };
  while (run.claimed < limit) {
    const row = await claimNext(db, now, scope, leaseMs);
    if (!row) break;
    run.claimed += 1;
    const stopRenewing = keepLease(db, row.id, leaseMs, leaseEnd);
    let failure: { error: unknown } | null = null;
    try {
      const message = await renderNotice(db, row, context);
      await withTimeout(mailer.send(message), SEND_TIMEOUT_MS);
    } catch (error) {
      failure = { error };
    } finally {
      await stopRenewing();
    }
    if (failure) {
      logger.warn({ err: failure.error, notification: row.id, kind: row.kind }, 'outbox: send failed');
      if (await markFailed(db, row, failure.error, now)) run.gaveUp += 1;
      else run.failed += 1;
      continue;
    }
    await markSent(db, row.id, now);
    run.sent += 1;
  }
  return run;
}

export type WorkerOptions = {
  /** Pause between runs when nothing is due; default 15 s. */
  intervalMs?: number;
  /** Notices per run before the next run starts at once. */
  limit?: number;
  onError?: (error: unknown) => void;
  /** Called after each run that claimed something (logs, tests). */
  onRun?: (run: WorkerRun) => void;
  /** Only these recipients' notices; for tests on a shared database, unset in the app. */
  scope?: NoticeScope;
};

export type NotificationWorker = {
  /** Runs now instead of at the next tick (e.g. right after a booking committed). */
  wake(): void;
  /** Stops the timer and waits for a run in progress; the mailer stays open (the caller owns it). */
  stop(): Promise<void>;
};

/** The outbox worker inside the web process: a timer that never keeps the process alive. */
export function startNotificationWorker(
  getDb: () => Db | Promise<Db>,
  mailer: Mailer,
  context: MailSettings,
  options: WorkerOptions = {},
): NotificationWorker {
  const intervalMs = options.intervalMs ?? 15_000;
  const limit = options.limit ?? 20;
  const onError = options.onError ?? ((error) => logger.error({ err: error }, 'notification worker failed'));
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  // A wake during a run is kept, so a notice queued just after the run's last claim waits no tick.
  let wokenWhileRunning = false;

  async function runOnce() {
    try {
      const db = await getDb();
      let run: WorkerRun;
      do {
        run = await sendDueNotifications(db, mailer, context, { limit, scope: options.scope });
        if (run.claimed > 0) options.onRun?.(run);
      } while (!stopped && run.claimed === limit);
    } catch (error) {
      onError(error);
    }
  }

  function start() {
    clearTimeout(timer);
    timer = undefined;
    if (stopped) return;
    if (running) {
      wokenWhileRunning = true;
      return;
    }
    running = runOnce().finally(() => {
      running = undefined;
      if (wokenWhileRunning) {
        wokenWhileRunning = false;
        start();
      } else schedule();
    });
  }

  function schedule() {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(start, intervalMs);
    timer.unref();
  }

  start();
  return {
    wake: start,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
