import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookings, boxRecords, trips, vehicles } from '@/db/schema';
import { LogEvent } from '@/telematics/protocol';
import type { SessionUser } from '../auth/queries';
import { AppError } from '../errors';
import { findKeyBooking } from './queries';
import { deriveTrip } from './trip-rules';

/**
 * Replaces the booking's trip with the one its stored records give now. It reads every record
 * of the booking each time, so arrival order never matters and running it twice changes nothing.
 */
export async function deriveTrips(db: Db, bookingId: string): Promise<void> {
  const records = await db
    .select({
      boxId: boxRecords.boxId,
      seq: boxRecords.seq,
      at: boxRecords.at,
      event: boxRecords.event,
      odometer: boxRecords.odometer,
      soc: boxRecords.soc,
    })
    .from(boxRecords)
    .where(eq(boxRecords.bookingId, bookingId))
    .orderBy(asc(boxRecords.at), asc(boxRecords.seq));
  const [vehicle] = await db
    .select({ batteryKwh: vehicles.batteryKwh })
    .from(bookings)
    .innerJoin(vehicles, eq(vehicles.id, bookings.vehicleId))
    .where(eq(bookings.id, bookingId));
  // Seqs only order records of one box: the trip is on the box that was unlocked first.
  const boxId = records.find((r) => r.event === LogEvent.UNLOCKED)?.boxId;
  const trip = boxId
    ? deriveTrip(
        records.filter((r) => r.boxId === boxId),
        vehicle?.batteryKwh ?? null,
      )
    : null;
  if (!trip || !boxId) {
    await db.delete(trips).where(eq(trips.bookingId, bookingId));
    return;
  }
  const row = { ...trip, boxId, derivedAt: new Date() };
  await db
    .insert(trips)
    .values({ bookingId, ...row })
    .onConflictDoUpdate({ target: trips.bookingId, set: row });
}

/**
 * The trips of a booking: for the person who drove, and for a fleet manager of the car's
 * municipality or the operator (per-person trip data, seen by whom the staff council agreed).
 */
export async function tripsForUser(db: Db, user: SessionUser, bookingId: string) {
  const booking = await findKeyBooking(db, bookingId);
  if (!booking) throw new AppError('BOOKING_NOT_FOUND');
  const mayRead =
    booking.userId === user.id ||
    user.role === 'operator' ||
    (user.role === 'fleet_manager' && user.municipalityId === booking.municipalityId);
  if (!mayRead) throw new AppError('BOOKING_NOT_YOURS');
  return tripsOfBooking(db, bookingId);
}

async function tripsOfBooking(db: Db, bookingId: string) {
  const rows = await db.select().from(trips).where(eq(trips.bookingId, bookingId));
  return rows.map((t) => ({
    id: t.id,
    startedAt: t.startedAt,
    endedAt: t.endedAt,
    km: (t.odometerEnd - t.odometerStart) / 10,
    odometerStartKm: t.odometerStart / 10,
    odometerEndKm: t.odometerEnd / 10,
    socStart: t.socStart,
    socEnd: t.socEnd,
    ignitionSeconds: t.ignitionSeconds,
    energyKwh: t.energyKwh,
    chargedKwh: t.chargedKwh,
  }));
}
