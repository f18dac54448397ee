import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookingEvents, bookings, municipalities, stations, vehicleBlocks, vehicles } from '@/db/schema';
import { liveBookingStatuses, type TimeRange } from './rules';

const iso = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/**
 * Neither a live booking nor a block keeps the car over the window: the same ranges and buffers
 * the exclusion constraint and the block triggers compare, so search and insert never disagree.
 */
export function isVehicleFree(vehicle: typeof vehicles, window: TimeRange): SQL {
  const wanted = sql`booking_blocked_range(tstzrange(${iso(window.start)}, ${iso(window.end)}, '[)'), ${vehicle.turnaroundBufferMinutes})`;
  return sql`not exists (
    select 1 from ${bookings}
    where ${bookings.vehicleId} = ${vehicle.id}
      and ${bookings.status} in (${sql.join(
        liveBookingStatuses.map((status) => sql`${status}`),
        sql`, `,
      )})
      and booking_blocked_range(${bookings.period}, ${bookings.bufferMinutes}) && ${wanted}
  ) and not exists (
    select 1 from ${vehicleBlocks}
    where ${vehicleBlocks.vehicleId} = ${vehicle.id}
      and ${vehicleBlocks.cancelledAt} is null
      and ${vehicleBlocks.period} && ${wanted}
  )`;
}

export async function findBookableVehicle(db: Db, vehicleId: string) {
  const [row] = await db
    .select({
      id: vehicles.id,
      status: vehicles.status,
      commissionedAt: vehicles.commissionedAt,
      retiredAt: vehicles.retiredAt,
      ownerMunicipalityId: vehicles.ownerMunicipalityId,
      owner: {
        name: municipalities.name,
        genitive: municipalities.nameGenitive,
        dative: municipalities.nameDative,
      },
    })
    .from(vehicles)
    .innerJoin(municipalities, eq(municipalities.id, vehicles.ownerMunicipalityId))
    .where(eq(vehicles.id, vehicleId));
  return row ?? null;
}

export type NewBooking = {
  vehicleId: string;
  userId: string;
  window: TimeRange;
  purpose: string | null;
  status: 'pending' | 'reserved';
  seriesId?: string;
};

/** Inserts a booking and its first event; call inside `writeSchedule` after locking the car. */
export async function insertBooking(db: Db, booking: NewBooking, actorId: string, now: Date) {
  const [row] = await db
    .insert(bookings)
    .values({
      vehicleId: booking.vehicleId,
      userId: booking.userId,
      startsAt: booking.window.start,
      endsAt: booking.window.end,
      purpose: booking.purpose,
      status: booking.status,
      seriesId: booking.seriesId,
    })
    .returning({ id: bookings.id });
  if (!row) throw new Error('insert returned no row');
  await db.insert(bookingEvents).values({
    bookingId: row.id,
    type: 'create',
    fromStatus: null,
    toStatus: booking.status,
    actorId,
    at: now,
  });
  return row;
}

/**
 * Why the booking ended as it did, when someone gave a reason: a fleet manager's refusal or
 * cancellation, as its booking event recorded it. The booker reads it on the booking's page.
 */
const closingReason = sql<{ type: 'decline' | 'cancel'; reason: string } | null>`(
  select json_build_object('type', ${bookingEvents.type}, 'reason', ${bookingEvents.reason})
  from ${bookingEvents}
  where ${bookingEvents.bookingId} = ${bookings.id}
    and ${bookingEvents.type} in ('decline', 'cancel') and ${bookingEvents.reason} is not null
  order by ${bookingEvents.at} desc limit 1)`;

const bookingColumns = {
  id: bookings.id,
  startsAt: bookings.startsAt,
  endsAt: bookings.endsAt,
  status: bookings.status,
  purpose: bookings.purpose,
  seriesId: bookings.seriesId,
  lateReturnNoticedAt: bookings.lateReturnNoticedAt,
  createdAt: bookings.createdAt,
  closing: closingReason,
  vehicle: {
    id: vehicles.id,
    plate: vehicles.plate,
    make: vehicles.make,
    model: vehicles.model,
    powertrain: vehicles.powertrain,
    seats: vehicles.seats,
  },
  station: {
    id: stations.id,
    name: stations.name,
    address: stations.address,
    latitude: stations.latitude,
    longitude: stations.longitude,
  },
  ownerName: municipalities.name,
};

/** Bookings with their car, its station and owner, as every booking view shows them. */
export function bookingsWithVehicle(db: Db) {
  return db
    .select(bookingColumns)
    .from(bookings)
    .innerJoin(vehicles, eq(vehicles.id, bookings.vehicleId))
    .innerJoin(stations, eq(stations.id, vehicles.homeStationId))
    .innerJoin(municipalities, eq(municipalities.id, vehicles.ownerMunicipalityId))
    .$dynamic();
}

export async function findBookingOfUser(db: Db, bookingId: string, userId: string) {
  const [row] = await bookingsWithVehicle(db).where(
    and(eq(bookings.id, bookingId), eq(bookings.userId, userId)),
  );
  return row ?? null;
}

export const listBookingsOfUser = (db: Db, userId: string, limit: number) =>
  bookingsWithVehicle(db).where(eq(bookings.userId, userId)).orderBy(desc(bookings.startsAt)).limit(limit);
