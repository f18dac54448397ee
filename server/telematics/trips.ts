import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookings, boxRecords, gatewayJobs, tripIgnitions, trips, vehicles } from '@/db/schema';
import { LogEvent, Op, Status } from '@/telematics/protocol';
import type { SessionUser } from '../auth/queries';
import { lockVehicleSchedule } from '../bookings/schedule';
import { AppError } from '../errors';
import { logger } from '../logger';
import { findKeyBooking } from './queries';
import { deriveTrip } from './trip-rules';

/** The box's OK answers to the booking's unlock and end commands: signed readings at those moments. */
async function commandEvidence(db: Db, bookingId: string) {
  const answers = await db
    .select({
      op: gatewayJobs.op,
      boxId: gatewayJobs.boxId,
      at: gatewayJobs.boxTime,
      odometer: gatewayJobs.odometer,
      soc: gatewayJobs.soc,
    })
    .from(gatewayJobs)
    .where(
      and(
        eq(gatewayJobs.bookingId, bookingId),
        eq(gatewayJobs.kind, 'command'),
        eq(gatewayJobs.state, 'done'),
        eq(gatewayJobs.status, Status.OK),
        inArray(gatewayJobs.op, [Op.UNLOCK, Op.END_BOOKING]),
      ),
    )
    .orderBy(asc(gatewayJobs.boxTime));
  const reading = (op: number) => {
    const answer = answers.find((a) => a.op === op);
    return answer?.at && answer.odometer !== null && answer.soc !== null
      ? { boxId: answer.boxId, at: answer.at, odometer: answer.odometer, soc: answer.soc }
      : null;
  };
  return { unlocked: reading(Op.UNLOCK), ended: reading(Op.END_BOOKING) };
}

/**
 * Replaces the booking's trip, and its ignition intervals with it, by the one its stored records
 * and the box's answers give now. It reads everything of the booking each time, so arrival order
 * never matters and running it twice changes nothing. One transaction: the reports' roll-ups
 * (database triggers) never see a trip without its intervals.
 */
export async function deriveTrips(db: Db, bookingId: string): Promise<void> {
  const [booking] = await db
    .select({ status: bookings.status, batteryKwh: vehicles.batteryKwh, vehicleId: bookings.vehicleId })
    .from(bookings)
    .innerJoin(vehicles, eq(vehicles.id, bookings.vehicleId))
    .where(eq(bookings.id, bookingId));
  // The car's schedule lock before the trip's row, in the order every booking write takes them:
  // the roll-up triggers take it after the row, and a log upload deriving the trip while the box's
  // answer to "end" derives it too would otherwise deadlock (seen: the answer lost after 1 s).
  if (booking) await lockVehicleSchedule(db, booking.vehicleId);
  const records = await db
    .select({
      boxId: boxRecords.boxId,
      epoch: boxRecords.epoch,
      seq: boxRecords.seq,
      at: boxRecords.at,
      event: boxRecords.event,
      odometer: boxRecords.odometer,
      soc: boxRecords.soc,
    })
    .from(boxRecords)
    .where(eq(boxRecords.bookingId, bookingId))
    .orderBy(asc(boxRecords.epoch), asc(boxRecords.seq));
  const { unlocked, ended } = await commandEvidence(db, bookingId);
  // Seqs only order records of one box: the trip is on the box that was unlocked first.
  const boxId = records.find((r) => r.event === LogEvent.UNLOCKED)?.boxId ?? unlocked?.boxId;
  const onBox = <T extends { boxId: string }>(reading: T | null) =>
    reading?.boxId === boxId ? reading : null;
  const trip = boxId
    ? deriveTrip(
        records.filter((r) => r.boxId === boxId),
        booking?.batteryKwh ?? null,
        { unlocked: onBox(unlocked), ended: onBox(ended), bookingOver: booking?.status === 'completed' },
      )
    : null;
  await db.transaction(async (tx) => {
    if (!trip || !boxId) {
      await tx.delete(trips).where(eq(trips.bookingId, bookingId));
      return;
    }
    const { ignitions, ...fields } = trip;
    const row = { ...fields, boxId, derivedAt: new Date() };
    const [stored] = await tx
      .insert(trips)
      .values({ bookingId, ...row })
      .onConflictDoUpdate({ target: trips.bookingId, set: row })
      .returning({ id: trips.id });
    if (!stored) throw new Error('trip not stored');
    await tx.delete(tripIgnitions).where(eq(tripIgnitions.tripId, stored.id));
    if (ignitions.length > 0)
      await tx.insert(tripIgnitions).values(ignitions.map((i) => ({ tripId: stored.id, ...i })));
  });
}

/** How many trips one healing pass re-derives at most; the next pass takes the rest. */
const HEAL_BATCH = 200;

/**
 * The safety net: trips left open although their booking is over (ended by hand, data from a
 * crash), and completed bookings the box confirmed unlocking but which have no trip, derived again.
 * Each comes out closed, so no booking is taken twice. Safe on several instances at once: deriving is idempotent. Returns how many it did.
 */
export async function healTrips(db: Db): Promise<number> {
  const open = await db
    .select({ bookingId: trips.bookingId })
    .from(trips)
    .innerJoin(bookings, eq(bookings.id, trips.bookingId))
    .where(and(isNull(trips.endedAt), eq(bookings.status, 'completed')))
    .limit(HEAL_BATCH);
  const missing = await db
    .selectDistinct({ bookingId: bookings.id })
    .from(bookings)
    .innerJoin(gatewayJobs, eq(gatewayJobs.bookingId, bookings.id))
    .leftJoin(trips, eq(trips.bookingId, bookings.id))
    .where(
      and(
        eq(bookings.status, 'completed'),
        isNull(trips.id),
        eq(gatewayJobs.kind, 'command'),
        eq(gatewayJobs.state, 'done'),
        eq(gatewayJobs.status, Status.OK),
        eq(gatewayJobs.op, Op.UNLOCK),
      ),
    )
    .limit(HEAL_BATCH);
  const due = [...new Set([...open, ...missing].map((r) => r.bookingId))];
  for (const bookingId of due) await db.transaction((tx) => deriveTrips(tx, bookingId));
  return due.length;
}

/** Runs `healTrips` every `intervalMs` in this process until stopped; errors are logged, not fatal. */
export function startTripHealing(database: () => Promise<{ db: Db }>, intervalMs = 60_000) {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const healed = await healTrips((await database()).db);
      if (healed > 0) logger.info({ healed }, 'trips derived again');
    } catch (error) {
      logger.error({ err: error }, 'trip healing failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * The trips of a booking, for the person who booked it only: per-person trip data reaches a fleet
 * manager only through the logged lookup for a stated purpose (server/privacy), never in passing.
 */
export async function tripsForUser(db: Db, user: SessionUser, bookingId: string) {
  const booking = await findKeyBooking(db, bookingId);
  // Someone else's booking is, to this caller, a booking that does not exist.
  if (!booking || booking.userId !== user.id) throw new AppError('BOOKING_NOT_FOUND');
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
