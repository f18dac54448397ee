import { and, desc, eq, gte, lt } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookings, tripAccessLog, trips, users, vehicles } from '@/db/schema';
import type { LookupPurpose } from './rules';

const MAX_TRIPS = 500;

/** One person's trips (newest first): when, which car, how far and how long; no place is stored. */
export async function tripsOfPerson(db: Db, userId: string, window?: { start: Date; end: Date }) {
  const rows = await db
    .select({
      tripId: trips.id,
      bookingId: bookings.id,
      startedAt: trips.startedAt,
      endedAt: trips.endedAt,
      odometerStart: trips.odometerStart,
      odometerEnd: trips.odometerEnd,
      plate: vehicles.plate,
      make: vehicles.make,
      model: vehicles.model,
    })
    .from(trips)
    .innerJoin(bookings, eq(bookings.id, trips.bookingId))
    .innerJoin(vehicles, eq(vehicles.id, bookings.vehicleId))
    .where(
      and(
        eq(bookings.userId, userId),
        window ? gte(trips.startedAt, window.start) : undefined,
        window ? lt(trips.startedAt, window.end) : undefined,
      ),
    )
    .orderBy(desc(trips.startedAt))
    .limit(MAX_TRIPS);
  return rows.map(({ odometerStart, odometerEnd, endedAt, ...row }) => ({
    ...row,
    endedAt,
    km: (odometerEnd - odometerStart) / 10,
    minutes: endedAt ? Math.round((endedAt.getTime() - row.startedAt.getTime()) / 60_000) : null,
  }));
}

export async function findPerson(db: Db, userId: string) {
  const [row] = await db
    .select({ id: users.id, name: users.name, municipalityId: users.municipalityId })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

export interface Lookup {
  viewerId: string;
  subjectId: string;
  purpose: LookupPurpose;
  reason: string;
  periodFrom: string;
  periodTo: string;
  at: Date;
}

export const recordLookup = (db: Db, lookup: Lookup) => db.insert(tripAccessLog).values(lookup);

/** Who looked at this person's trips, when and why: the person may see it all. */
export function lookupsOf(db: Db, subjectId: string) {
  return db
    .select({
      at: tripAccessLog.at,
      viewer: users.name,
      purpose: tripAccessLog.purpose,
      reason: tripAccessLog.reason,
      periodFrom: tripAccessLog.periodFrom,
      periodTo: tripAccessLog.periodTo,
    })
    .from(tripAccessLog)
    .leftJoin(users, eq(users.id, tripAccessLog.viewerId))
    .where(eq(tripAccessLog.subjectId, subjectId))
    .orderBy(desc(tripAccessLog.at));
}
