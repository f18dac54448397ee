import { sql } from 'drizzle-orm';
import { startOfDay } from '@/app/lib/days';
import type { Db } from '@/db/client';

/**
 * Years a Fahrtenbuch is kept after the end of the calendar year of its last entry (§ 147 AO):
 * longer than the privacy retention of the bookings, which leaves a booking with a logbook alone.
 */
export const LOGBOOK_YEARS = 10;

/** The oldest instant the books must still hold: 1 January, LOGBOOK_YEARS before this year, local. */
export function logbookCutoff(now: Date, timeZone: string): Date {
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric' }).format(now));
  return startOfDay(`${year - LOGBOOK_YEARS}-01-01`, timeZone);
}

/**
 * Removes the logbooks whose booking ended and whose every version was written before `cutoff`;
 * the privacy retention then treats their bookings as any other. Run inside the retention's
 * transaction: the history's trigger lets only a transaction that says so delete.
 * Returns how many logbooks went.
 */
export async function removeExpiredLogbooks(tx: Db, cutoff: Date): Promise<number> {
  await tx.execute(sql`select set_config('parthelandmobil.logbook_purge', 'on', true)`);
  const expired = sql`(
    select l.booking_id from logbook_entries l join bookings b on b.id = l.booking_id
    where b.ends_at < ${cutoff}::timestamptz
      and not exists (select 1 from logbook_history h
                      where h.booking_id = l.booking_id and h.changed_at >= ${cutoff}::timestamptz))`;
  await tx.execute(sql`delete from logbook_history where booking_id in ${expired}`);
  const removed = await tx.execute(
    sql`delete from logbook_entries where booking_id in ${expired} returning booking_id`,
  );
  await tx.execute(sql`select set_config('parthelandmobil.logbook_purge', 'off', true)`);
  return (removed as unknown as { rows: unknown[] }).rows.length;
}
