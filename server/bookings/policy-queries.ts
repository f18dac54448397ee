import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookingPolicies, bookings, vehicles } from '@/db/schema';
import { type BookingPolicy, defaultPolicy } from './policy';
import { liveBookingStatuses } from './rules';

const hhmm = (time: string | null) => (time === null ? null : time.slice(0, 5));

/** The owner's policy; a municipality that never set one books by the defaults. */
export async function policyOf(db: Db, municipalityId: string): Promise<BookingPolicy> {
  const [row] = await db
    .select()
    .from(bookingPolicies)
    .where(eq(bookingPolicies.municipalityId, municipalityId));
  if (!row) return defaultPolicy;
  return {
    horizonDays: row.horizonDays,
    maxDurationMinutes: row.maxDurationMinutes,
    minLeadMinutes: row.minLeadMinutes,
    othersMayBook: row.othersMayBook,
    othersFrom: hhmm(row.othersFrom),
    othersUntil: hhmm(row.othersUntil),
    noShowGraceMinutes: row.noShowGraceMinutes,
    maxFutureBookingsPerPerson: row.maxFutureBookingsPerPerson,
    approvalRequired: row.approvalRequired,
  };
}

export async function savePolicy(db: Db, municipalityId: string, policy: BookingPolicy, updatedBy: string) {
  const values = { ...policy, municipalityId, updatedBy };
  await db
    .insert(bookingPolicies)
    .values(values)
    .onConflictDoUpdate({ target: bookingPolicies.municipalityId, set: values });
}

/** The person's live bookings of this owner's cars that have not ended: what fairness counts. */
export async function openBookingsOfPerson(db: Db, userId: string, ownerMunicipalityId: string, now: Date) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(bookings)
    .innerJoin(vehicles, eq(vehicles.id, bookings.vehicleId))
    .where(
      and(
        eq(bookings.userId, userId),
        eq(vehicles.ownerMunicipalityId, ownerMunicipalityId),
        inArray(bookings.status, [...liveBookingStatuses]),
        gt(bookings.endsAt, now),
      ),
    );
  return row?.n ?? 0;
}
