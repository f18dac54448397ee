import { inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookings, damageReports, logbookEntries, logbookHistory } from '@/db/schema';

/**
 * Removes the damage reports (with their photo rows) and the logbook of the bookings `which`
 * selects, so the bookings themselves can go. The logbook's triggers refuse deletion unless the
 * transaction says it purges (migration damage_logbook_triggers); call it inside one. Photo files
 * stay in the store.
 */
export async function purgeBookingRecords(tx: Db, which: SQL | undefined) {
  const ids = () => tx.select({ id: bookings.id }).from(bookings).where(which);
  await tx.execute(sql`select set_config('parthelandmobil.logbook_purge', 'on', true)`);
  await tx.delete(damageReports).where(inArray(damageReports.bookingId, ids()));
  await tx.delete(logbookEntries).where(inArray(logbookEntries.bookingId, ids()));
  await tx.delete(logbookHistory).where(inArray(logbookHistory.bookingId, ids()));
  await tx.execute(sql`select set_config('parthelandmobil.logbook_purge', 'off', true)`);
}
