import { and, asc, eq, gte, inArray, lt, or } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookings, logbookEntries, logbookHistory, trips, users, vehicles } from '@/db/schema';
import type { SessionUser } from '../auth/queries';
import { managedBy } from '../auth/scope';

/** Whose Fahrtenbuch: one car's, or one person's trips over the period `[from, to)`. */
export type BookSubject = { vehicleId: string } | { userId: string };

export interface BookQuery {
  subject: BookSubject;
  from: Date;
  to: Date;
}

/**
 * The trips of the Fahrtenbuch with the box's odometer and the logbook entry written for each,
 * oldest first, and every version of an entry changed after it was written (the tax office sees
 * what was changed, when and by whom). A reader sees the trips of cars they manage, and their own.
 */
export async function readBook(db: Db, reader: SessionUser, query: BookQuery) {
  const managed = managedBy(reader, vehicles.ownerMunicipalityId);
  // No condition means every car (the operator); `or` would drop it and leave only their own trips.
  const readable = managed === undefined ? undefined : or(managed, eq(bookings.userId, reader.id));
  const subject =
    'vehicleId' in query.subject
      ? eq(bookings.vehicleId, query.subject.vehicleId)
      : eq(bookings.userId, query.subject.userId);
  const rows = await db
    .select({
      bookingId: bookings.id,
      plate: vehicles.plate,
      make: vehicles.make,
      model: vehicles.model,
      driver: users.name,
      startedAt: trips.startedAt,
      endedAt: trips.endedAt,
      odometerStart: trips.odometerStart,
      odometerEnd: trips.odometerEnd,
      purpose: logbookEntries.purpose,
      destination: logbookEntries.destination,
      personVisited: logbookEntries.personVisited,
    })
    .from(trips)
    .innerJoin(bookings, eq(bookings.id, trips.bookingId))
    .innerJoin(vehicles, eq(vehicles.id, bookings.vehicleId))
    .leftJoin(users, eq(users.id, bookings.userId))
    .leftJoin(logbookEntries, eq(logbookEntries.bookingId, bookings.id))
    .where(and(subject, readable, gte(trips.startedAt, query.from), lt(trips.startedAt, query.to)))
    .orderBy(asc(trips.startedAt), asc(bookings.id));
  const ids = rows.map((row) => row.bookingId);
  const versions =
    ids.length === 0
      ? []
      : await db
          .select({
            id: logbookHistory.id,
            bookingId: logbookHistory.bookingId,
            purpose: logbookHistory.purpose,
            destination: logbookHistory.destination,
            personVisited: logbookHistory.personVisited,
            changedAt: logbookHistory.changedAt,
            changedBy: users.name,
          })
          .from(logbookHistory)
          .leftJoin(users, eq(users.id, logbookHistory.changedBy))
          .where(inArray(logbookHistory.bookingId, ids))
          .orderBy(asc(logbookHistory.changedAt), asc(logbookHistory.id));
  const versionsOf = new Map<string, typeof versions>();
  for (const version of versions)
    versionsOf.set(version.bookingId, [...(versionsOf.get(version.bookingId) ?? []), version]);
  // The box counts the odometer in tenths of a kilometre (PMK1); the book reads kilometres.
  const book = rows.map((row) => ({
    ...row,
    odometerStart: row.odometerStart / 10,
    odometerEnd: row.odometerEnd / 10,
    km: (row.odometerEnd - row.odometerStart) / 10,
    versions: versionsOf.get(row.bookingId) ?? [],
  }));
  return {
    trips: book.map(({ versions: all, ...trip }) => ({ ...trip, changed: all.length > 1 })),
    /** Every version of each entry changed after it was first written, the trip's in order. */
    changes: book
      .filter((trip) => trip.versions.length > 1)
      .map(({ versions: all, ...trip }) => ({ trip, versions: all })),
  };
}
export type Book = Awaited<ReturnType<typeof readBook>>;
