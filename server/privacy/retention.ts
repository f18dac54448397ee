import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { retentionRuns } from '@/db/schema';
import type { Env } from '../env';
import { logbookCutoff, removeExpiredLogbooks } from '../logbook/retention';
import { logger } from '../logger';
import { localDate, retentionCutoff } from './rules';

const log = logger.child({ part: 'retention' });

export interface RetentionSettings {
  /** Months a booking keeps its person after it ended (env RETENTION_MONTHS). */
  months: number;
  /** The region's zone: the cutoff is a local midnight, a run is once per local day. */
  timeZone: string;
}

export const retentionSettings = (
  config: Pick<Env, 'RETENTION_MONTHS' | 'TIME_ZONE'>,
): RetentionSettings => ({
  months: config.RETENTION_MONTHS,
  timeZone: config.TIME_ZONE,
});

/**
 * Removes the per-person detail of every booking that ended before `cutoff`, and keeps what the
 * reports and the settlement read: car, period, status, the driver's municipality, trips with
 * their numbers, box records. What goes:
 * - the booking's person (`user_id`, null from now on) and its purpose text;
 * - on its lifecycle events, who acted and the reason typed (the event, times and statuses stay);
 * - who asked for its key commands (gateway jobs);
 * - the phone key of its certificates (a device key is a person's; box, serial, window and rights
 *   stay for the key audit), and the signed frame that carries it: long expired, never sent again;
 * - its queued and sent mails (they name the person) and a series no booking with a person is left in;
 * - trip lookups logged before the cutoff, and the searcher marks of fleet sizing past their hour.
 * A booking with a logbook entry keeps all of it: the logbook (who drove where, and why) is kept
 * for 10 years (server/logbook/retention.ts), longer than this retention.
 * Idempotent: the later steps take every booking retention ever reached, so a run cut short is
 * finished by the next. Returns how many bookings lost their person in this run.
 */
export function removePersonalDetail(db: Db, cutoff: Date, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const stripped = await tx.execute(sql`
      update bookings set user_id = null, purpose = null, personal_data_removed_at = ${now}::timestamptz
      where user_id is not null and ends_at < ${cutoff}::timestamptz
        and status not in ('pending', 'reserved', 'active')
        and not exists (select 1 from logbook_entries l where l.booking_id = bookings.id)
      returning id`);
    const retained = sql`(select id from bookings where personal_data_removed_at is not null)`;
    await tx.execute(sql`
      update booking_events set actor_id = null, reason = null
      where booking_id in ${retained} and (actor_id is not null or reason is not null)`);
    await tx.execute(sql`
      update gateway_jobs set requested_by = null where booking_id in ${retained} and requested_by is not null`);
    await tx.execute(sql`
      update key_certificates set holder_public_key = decode(repeat('00', 32), 'hex'), frame = decode(repeat('00', 147), 'hex')
      where booking_id in ${retained} and holder = 'phone' and holder_public_key <> decode(repeat('00', 32), 'hex')`);
    await tx.execute(sql`delete from notifications where booking_id in ${retained}`);
    await tx.execute(sql`
      delete from booking_series s
      where exists (select 1 from bookings b where b.series_id = s.id and b.user_id is null)
        and not exists (select 1 from bookings b where b.series_id = s.id and b.user_id is not null)`);
    await tx.execute(sql`delete from trip_access_log where at < ${cutoff}::timestamptz`);
    await tx.execute(sql`
      delete from demand_search_marks where search_hour < date_trunc('hour', ${now}::timestamptz)`);
    return (stripped as unknown as { rows: unknown[] }).rows.length;
  });
}

/**
 * Today's run, once a local day across all instances: the run's row is the conditional write
 * (its primary key lets one insert win), as the licence notices do it, and it commits with the
 * removal, so a failed run leaves the day to the next try. Returns the bookings stripped, or null
 * when another instance (or an earlier start today) had the day.
 */
export function runRetention(db: Db, now: Date, settings: RetentionSettings): Promise<number | null> {
  const day = localDate(now, settings.timeZone);
  return db.transaction(async (tx) => {
    const won = await tx
      .insert(retentionRuns)
      .values({ day, startedAt: now })
      .onConflictDoNothing()
      .returning({ day: retentionRuns.day });
    if (won.length === 0) return null;
    const logbooks = await removeExpiredLogbooks(tx, logbookCutoff(now, settings.timeZone));
    const count = await removePersonalDetail(
      tx,
      retentionCutoff(now, settings.months, settings.timeZone),
      now,
    );
    await tx.update(retentionRuns).set({ bookings: count }).where(eq(retentionRuns.day, day));
    log.info({ bookings: count, months: settings.months, logbooks }, 'retention run');
    return count;
  });
}

/**
 * Runs retention at start and then hourly, so each local day gets its run soon after midnight
 * whichever instance is up; errors are logged, not fatal (the next hour tries again).
 */
export function startRetention(
  database: () => Promise<{ db: Db }>,
  settings: RetentionSettings,
  intervalMs = 3_600_000,
) {
  let running: Promise<unknown> | undefined;
  const tick = () => {
    running ??= (async () => (await database()).db)()
      .then((db) => runRetention(db, new Date(), settings))
      .catch((error: unknown) => log.error({ err: error }, 'retention run failed'))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
