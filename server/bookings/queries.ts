import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookings, municipalities, stations, vehicles } from '@/db/schema';
import { AppError, sqlState } from '../errors';
import { liveBookingStatuses, type TimeRange } from './rules';

const iso = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/**
 * No live booking of the car keeps it over the window: the same ranges and buffers the exclusion
 * constraint compares (`booking_blocked_range`), so search and insert can never disagree.
 */
export function isVehicleFree(vehicle: typeof vehicles, window: TimeRange): SQL {
  return sql`not exists (
    select 1 from ${bookings}
    where ${bookings.vehicleId} = ${vehicle.id}
      and ${bookings.status} in (${sql.join(
        liveBookingStatuses.map((status) => sql`${status}`),
        sql`, `,
      )})
      and booking_blocked_range(${bookings.period}, ${bookings.bufferMinutes})
        && booking_blocked_range(tstzrange(${iso(window.start)}, ${iso(window.end)}, '[)'), ${vehicle.turnaroundBufferMinutes})
  )`;
}

export async function findBookableVehicle(db: Db, vehicleId: string) {
  const [row] = await db
    .select({ id: vehicles.id, status: vehicles.status })
    .from(vehicles)
    .where(eq(vehicles.id, vehicleId));
  return row ?? null;
}

export type NewBooking = { vehicleId: string; userId: string; window: TimeRange; purpose: string | null };

/**
 * Inserts a booking; the exclusion constraint decides a race. The per-car advisory lock makes
 * concurrent losers wait their turn and fail cleanly with 23P01 instead of deadlocking (40P01).
 */
export async function insertBooking(db: Db, booking: NewBooking) {
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${booking.vehicleId}, 0))`);
      const [row] = await tx
        .insert(bookings)
        .values({
          vehicleId: booking.vehicleId,
          userId: booking.userId,
          startsAt: booking.window.start,
          endsAt: booking.window.end,
          purpose: booking.purpose,
        })
        .returning({ id: bookings.id });
      if (!row) throw new Error('insert returned no row');
      return row;
    });
  } catch (error) {
    const state = sqlState(error);
    if (state === '23P01' || state === '40P01') throw new AppError('BOOKING_CONFLICT', { cause: error });
    throw error;
  }
}

export const bookingColumns = {
  id: bookings.id,
  startsAt: bookings.startsAt,
  endsAt: bookings.endsAt,
  status: bookings.status,
  purpose: bookings.purpose,
  createdAt: bookings.createdAt,
  vehicle: {
    id: vehicles.id,
    plate: vehicles.plate,
    make: vehicles.make,
    model: vehicles.model,
    powertrain: vehicles.powertrain,
    seats: vehicles.seats,
  },
  station: { id: stations.id, name: stations.name, address: stations.address },
  ownerName: municipalities.name,
};

function bookingsWithVehicle(db: Db) {
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

/** Cancels only what is still cancellable at this moment; returns whether a row changed. */
export async function markCancelled(db: Db, bookingId: string, now: Date): Promise<boolean> {
  const changed = await db
    .update(bookings)
    .set({ status: 'cancelled', cancelledAt: now })
    .where(
      and(
        eq(bookings.id, bookingId),
        eq(bookings.status, 'reserved'),
        sql`${bookings.startsAt} > ${iso(now)}`,
      ),
    )
    .returning({ id: bookings.id });
  return changed.length > 0;
}
