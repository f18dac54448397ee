import { and, asc, eq, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { notifications } from '@/db/schema';
import { logger } from '../logger';
import type { Mailer } from './mailer';
import type { MailContext } from './message';
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
 * claim has committed, no longer sees it as due; a claim whose worker died is free again when the
 * lease runs out, which is where the duplicate can come from.
 */
export const CLAIM_LEASE_MS = 10 * 60_000;
/** Well inside the lease, so a slow send is given up before another worker may claim the row. */
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
): Promise<(OutboxRow & { attempts: number }) | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: notifications.id,
        recipientId: notifications.recipientId,
        bookingId: notifications.bookingId,
        kind: notifications.kind,
        payload: notifications.payload,
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
      .set({ notBefore: new Date(now.getTime() + CLAIM_LEASE_MS) })
      .where(eq(notifications.id, row.id));
    return row;
  });
}

async function markSent(db: Db, id: string, now: Date): Promise<void> {
  await db.update(notifications).set({ sentAt: now, lastError: null }).where(eq(notifications.id, id));
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

/**
 * Sends up to `limit` due notices, one claim at a time, each rendered from the booking as it now
 * is. A failed send is retried later with backoff; a mark that fails after a send is thrown, and
 * the lease brings the row back (the at-least-once case above).
 */
export async function sendDueNotifications(
  db: Db,
  mailer: Mailer,
  context: MailContext,
  now: Date = new Date(),
  limit = 20,
  scope?: NoticeScope,
): Promise<WorkerRun> {
  const run: WorkerRun = { claimed: 0, sent: 0, failed: 0, gaveUp: 0 };
  while (run.claimed < limit) {
    const row = await claimNext(db, now, scope);
    if (!row) break;
    run.claimed += 1;
    try {
      const message = await renderNotice(db, row, context);
      await withTimeout(mailer.send(message), SEND_TIMEOUT_MS);
    } catch (error) {
      if (await markFailed(db, row, error, now)) run.gaveUp += 1;
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
  context: MailContext,
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
        run = await sendDueNotifications(db, mailer, context, new Date(), limit, options.scope);
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
