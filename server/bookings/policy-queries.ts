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
  return row ? policyOfRow(row) : defaultPolicy;
}

/** Every municipality's policy that was set, by municipality id (one row each: a small table). */
export async function allPolicies(db: Db): Promise<Map<string, BookingPolicy>> {
  const rows = await db.select().from(bookingPolicies);
  return new Map(rows.map((row) => [row.municipalityId, policyOfRow(row)]));
}

function policyOfRow(row: typeof bookingPolicies.$inferSelect): BookingPolicy {
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
    licenceCheckIntervalMonths: row.licenceCheckIntervalMonths,
  };
}

export async function savePolicy(db: Db, municipalityId: string, policy: BookingPolicy, updatedBy: string) {
  const values = { ...policy, municipalityId, updatedBy };
  await db
    .insert(bookingPolicies)
    .values(values)
    .onConflictDoUpdate({ target: bookingPolicies.municipalityId, set: values });
}

/** The person's live bookings that have not ended, counted per owner municipality, in one query. */
export async function openBookingsByOwner(db: Db, userId: string, now: Date): Promise<Map<string, number>> {
  const rows = await db
    .select({ owner: vehicles.ownerMunicipalityId, n: sql<number>`count(*)::int` })
    .from(bookings)
    .innerJoin(vehicles, eq(vehicles.id, bookings.vehicleId))
    .where(
      and(
        eq(bookings.userId, userId),
        inArray(bookings.status, [...liveBookingStatuses]),
        gt(bookings.endsAt, now),
      ),
    )
    .groupBy(vehicles.ownerMunicipalityId);
  return new Map(rows.map((row) => [row.owner, row.n]));
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
