import { and, asc, desc, eq, gte, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookings, calendarFeeds, stations, users, vehicles } from '@/db/schema';
import { feedStatuses } from './ics';
import type { CalendarBooking } from './types';

const calendarColumns = {
  id: bookings.id,
  sequence: bookings.sequence,
  status: bookings.status,
  startsAt: bookings.startsAt,
  endsAt: bookings.endsAt,
  purpose: bookings.purpose,
  updatedAt: bookings.updatedAt,
  vehicle: { plate: vehicles.plate, make: vehicles.make, model: vehicles.model },
  station: {
    name: stations.name,
    address: stations.address,
    latitude: stations.latitude,
    longitude: stations.longitude,
  },
  booker: { name: users.name, email: users.email },
};

type Row = Omit<CalendarBooking, 'station'> & {
  station: Omit<CalendarBooking['station'], 'address'> & { address: string | null };
};

// A station without an address still has a name that people know it by.
const toCalendarBooking = (row: Row): CalendarBooking => ({
  ...row,
  station: { ...row.station, address: row.station.address ?? '' },
});

function calendarBookings(db: Db) {
  return db
    .select(calendarColumns)
    .from(bookings)
    .innerJoin(vehicles, eq(vehicles.id, bookings.vehicleId))
    .innerJoin(stations, eq(stations.id, vehicles.homeStationId))
    .innerJoin(users, eq(users.id, bookings.userId))
    .$dynamic();
}

/** One booking as a calendar file or a mail shows it, as it is now; null when it is gone. */
export async function findCalendarBooking(db: Db, bookingId: string): Promise<CalendarBooking | null> {
  const [row] = await calendarBookings(db).where(eq(bookings.id, bookingId));
  return row ? toCalendarBooking(row) : null;
}

/** One of the person's own bookings; null for a booking that is gone or someone else's. */
export async function findOwnCalendarBooking(
  db: Db,
  bookingId: string,
  userId: string,
): Promise<CalendarBooking | null> {
  const [row] = await calendarBookings(db).where(
    and(eq(bookings.id, bookingId), eq(bookings.userId, userId)),
  );
  return row ? toCalendarBooking(row) : null;
}

/** How far back a feed reaches: long enough to look up last month's trips, short enough to stay small. */
const FEED_PAST_DAYS = 60;
/** A feed is a snapshot that clients download whole; a cap keeps a runaway series from bloating it. */
const FEED_MAX_EVENTS = 1000;

/** A person's bookings for their feed: ended within FEED_PAST_DAYS, and every later one. */
export async function feedBookingsOf(db: Db, userId: string, now: Date): Promise<CalendarBooking[]> {
  const since = new Date(now.getTime() - FEED_PAST_DAYS * 24 * 3_600_000);
  const rows = await calendarBookings(db)
    .where(
      and(
        eq(bookings.userId, userId),
        gte(bookings.endsAt, since),
        inArray(bookings.status, [...feedStatuses]),
      ),
    )
    .orderBy(asc(bookings.startsAt))
    .limit(FEED_MAX_EVENTS);
  return rows.map(toCalendarBooking);
}

export async function findActiveFeedOf(db: Db, userId: string) {
  const [row] = await db
    .select({
      id: calendarFeeds.id,
      createdAt: calendarFeeds.createdAt,
      lastFetchedAt: calendarFeeds.lastFetchedAt,
    })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)))
    .orderBy(desc(calendarFeeds.createdAt))
    .limit(1);
  return row ?? null;
}

/** The live feed a token hash opens, or null: unknown and revoked look the same to the caller. */
export async function findFeedByHash(db: Db, tokenHash: string) {
  const [row] = await db
    .select({
      id: calendarFeeds.id,
      userId: calendarFeeds.userId,
      createdAt: calendarFeeds.createdAt,
      language: users.language,
    })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(and(eq(calendarFeeds.tokenHash, tokenHash), isNull(calendarFeeds.revokedAt)));
  return row ?? null;
}

/** Ends every live feed of the person; returns how many there were. */
export async function revokeFeedsOf(db: Db, userId: string, now: Date): Promise<number> {
  const revoked = await db
    .update(calendarFeeds)
    .set({ revokedAt: now })
    .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)))
    .returning({ id: calendarFeeds.id });
  return revoked.length;
}

export async function insertFeed(db: Db, userId: string, tokenHash: string, now: Date) {
  const [row] = await db
    .insert(calendarFeeds)
    .values({ userId, tokenHash, createdAt: now })
    .returning({ id: calendarFeeds.id, createdAt: calendarFeeds.createdAt });
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function markFeedFetched(db: Db, feedId: string, now: Date): Promise<void> {
  await db.update(calendarFeeds).set({ lastFetchedAt: now }).where(eq(calendarFeeds.id, feedId));
}
