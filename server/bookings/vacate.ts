import { and, asc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookingEvents, bookings, users, vehicles } from '@/db/schema';
import { AppError, invalidInput } from '../errors';
import { findEquivalentVehicle } from '../fleet/queries';
import type { Language } from '../messages/language';
import { notify } from '../notifications/outbox';
import { liveBookingStatuses, type TimeRange, upcomingBookingStatuses } from './rules';
import { lockVehicleSchedule } from './schedule';
import { admitBooking, type Booker } from './service';
import { applyTransition } from './transitions';

/*
 * Taking a car's bookings off it over a window: each moved to an equivalent free car at its
 * station or cancelled, its booker told. The one way it is done, for blocks, damages and retirement.
 */

/** A car as blocking it needs it: where a stand-in must stand and what it must be like. */
export async function vehicleToBlock(db: Db, vehicleId: string) {
  const [vehicle] = await db
    .select({
      id: vehicles.id,
      stationId: vehicles.homeStationId,
      seats: vehicles.seats,
      powertrain: vehicles.powertrain,
      owner: vehicles.ownerMunicipalityId,
    })
    .from(vehicles)
    .where(eq(vehicles.id, vehicleId));
  if (!vehicle) throw invalidInput({ vehicleId: ['Dieses Fahrzeug gibt es nicht.'] });
  return vehicle;
}

/** The car's live bookings that a block over the window would hit, each with its buffer counted. */
function bookingsInTheWay(db: Db, vehicleId: string, window: TimeRange) {
  return db
    .select({
      id: bookings.id,
      status: bookings.status,
      startsAt: bookings.startsAt,
      endsAt: bookings.endsAt,
      // The joined person's id: typed non-null, as every booking a block can still hit has one.
      userId: users.id,
      booker: users.name,
    })
    .from(bookings)
    .innerJoin(users, eq(users.id, bookings.userId))
    .where(
      and(
        eq(bookings.vehicleId, vehicleId),
        inArray(bookings.status, [...liveBookingStatuses]),
        lt(bookings.startsAt, window.end),
        gt(sql`${bookings.endsAt} + make_interval(mins => ${bookings.bufferMinutes})`, window.start),
      ),
    )
    .orderBy(asc(bookings.startsAt));
}

export type BlockedVehicle = Awaited<ReturnType<typeof vehicleToBlock>>;

export type BookingInTheWay = Awaited<ReturnType<typeof bookingsInTheWay>>[number];

/** Where a booking in a block's way can go: a car, or none and the sentence that says why. */
type StandIn = { vehicleId: string; noneBecause: null } | { vehicleId: null; noneBecause: string };

/**
 * A stand-in is a car of the same owner (the same policy, the same approvers) and the same
 * powertrain at the station, which the owner's policy admits for the booker as a new booking over
 * the same time. A car of another class is never taken without the booker: the booking is
 * cancelled instead and the booker told that one is free, to book it themselves if it suits.
 */
async function standInFor(
  db: Db,
  vehicle: BlockedVehicle,
  booking: BookingInTheWay,
  now: Date,
  timeZone: string,
) {
  const window = toRange(booking);
  const original = { ...vehicle, vehicleId: vehicle.id };
  const candidate = await findEquivalentVehicle(db, original, window);
  if (!candidate) {
    const otherClass = await findEquivalentVehicle(db, original, window, { anyPowertrain: true });
    return {
      vehicleId: null,
      noneBecause: otherClass
        ? 'Kein Fahrzeug mit gleichem Antrieb an der Station frei; ein Fahrzeug mit anderem Antrieb ist frei und kann neu gebucht werden.'
        : 'Kein gleichwertiges Fahrzeug an der Station frei.',
    } satisfies StandIn;
  }
  try {
    await admitBooking(db, await bookerOf(db, booking.userId), candidate, window, now, 'move', timeZone);
    return { vehicleId: candidate, noneBecause: null } satisfies StandIn;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return {
      vehicleId: null,
      noneBecause: `Eine Umbuchung ist nicht möglich: ${error.message}`,
    } satisfies StandIn;
  }
}

/** A booking's holder as the policy judges them, for a change made on their behalf. */
export async function bookerOf(db: Db, userId: string): Promise<Booker> {
  const [row] = await db
    .select({
      id: users.id,
      role: users.role,
      municipalityId: users.municipalityId,
      licenceCheckValidUntil: users.licenceCheckValidUntil,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!row) throw new AppError('BOOKING_NOT_FOUND');
  return row;
}

const movable = (booking: BookingInTheWay) =>
  (upcomingBookingStatuses as readonly string[]).includes(booking.status);

/** Why bookings leave a car: the words its history, its booker's notice and a cancellation carry. */
export interface VacateCause {
  /** The booking event's reason for a move. */
  event: string;
  /** What the booker of a moved booking reads. */
  notice: string;
  /** The cancellation's reason, before the sentence why no stand-in was free. */
  cancelled: string;
  /** The refusal that asks for confirmation, for this many bookings (one sentence, or one per language). */
  affects: (count: number) => string | Record<Language, string>;
  /** The refusal while the car is out on a trip in the window; the catalogue's (a block's) when absent. */
  onTrip?: Record<Language, string>;
}

export const bookingsCount = (count: number) => (count === 1 ? 'eine Buchung' : `${count} Buchungen`);

/** What taking a car off over the window would do: the bookings in its way and, for each, a stand-in car or none. */
export async function previewVacating(
  db: Db,
  vehicle: BlockedVehicle,
  window: TimeRange,
  timeZone: string,
  now: Date,
) {
  const affected = await bookingsInTheWay(db, vehicle.id, window);
  return Promise.all(
    affected.map(async (booking) => {
      const standIn = movable(booking) ? await standInFor(db, vehicle, booking, now, timeZone) : null;
      return {
        ...booking,
        replacementVehicleId: standIn?.vehicleId ?? null,
        noStandInBecause: standIn?.noneBecause ?? null,
      };
    }),
  );
}

/**
 * Takes a car's bookings off it over the window, inside the caller's schedule transaction with the
 * car's lock held: each is moved to an equivalent free car at the same station, or cancelled when
 * there is none, and its booker told either way. Unconfirmed, it refuses and lists them
 * (BLOCK_AFFECTS_BOOKINGS); a car out on a trip in the window cannot be taken off at all.
 */
export async function vacateVehicle(
  tx: Db,
  actor: BlockActor,
  vehicle: BlockedVehicle,
  window: TimeRange,
  { confirm, cause }: { confirm: boolean; cause: VacateCause },
  timeZone: string,
  now: Date,
) {
  const affected = await bookingsInTheWay(tx, vehicle.id, window);
  if (affected.some((b) => b.status === 'active' || b.status === 'completed'))
    throw new AppError('VEHICLE_ON_TRIP', cause.onTrip ? { message: cause.onTrip } : {});
  if (affected.length > 0 && !confirm)
    throw new AppError('BLOCK_AFFECTS_BOOKINGS', {
      message: cause.affects(affected.length),
      details: { bookings: affected },
    });
  const moved: string[] = [];
  const cancelled: string[] = [];
  for (const booking of affected) {
    const standIn = await standInFor(tx, vehicle, booking, now, timeZone);
    if (standIn.vehicleId) {
      await moveBooking(tx, booking.id, vehicle.id, standIn.vehicleId, actor, now, cause);
      moved.push(booking.id);
    } else {
      const reason = `${cause.cancelled} ${standIn.noneBecause}`;
      await applyTransition(
        tx,
        booking.id,
        { type: 'cancel', by: actor.id ? 'manager' : 'system', reason },
        actor.id ? { id: actor.id, role: 'manager' } : { id: null, role: 'system' },
        now,
      );
      cancelled.push(booking.id);
    }
  }
  return { moved, cancelled };
}

/** Who takes a car out of service: a fleet manager, or the system itself (a not-drivable damage). */
export type BlockActor = { id: string; name: string } | { id: null; name: string };

/**
 * Moves a booking to another car, inside a schedule write holding the first car's lock (the new
 * car's is taken here), recorded and told to its booker. `to` must have been admitted for it.
 */
export async function moveBooking(
  db: Db,
  bookingId: string,
  from: string,
  to: string,
  actor: BlockActor,
  now: Date,
  why: Pick<VacateCause, 'event' | 'notice'>,
) {
  await lockVehicleSchedule(db, to);
  const [row] = await db
    .update(bookings)
    .set({ vehicleId: to, sequence: sql`${bookings.sequence} + 1` })
    .where(eq(bookings.id, bookingId))
    .returning({ status: bookings.status });
  if (!row) throw new AppError('BOOKING_NOT_FOUND');
  await db.insert(bookingEvents).values({
    bookingId,
    type: 'move',
    fromStatus: row.status,
    toStatus: row.status,
    actorId: actor.id,
    reason: why.event,
    details: { fromVehicleId: from, toVehicleId: to },
    at: now,
  });
  await notify(db, {
    kind: 'changed',
    bookingId,
    change: { kind: 'vehicle', previousVehicleId: from },
    actor: { name: actor.name, reason: why.notice },
  });
}

export const toRange = (booking: { startsAt: Date; endsAt: Date }): TimeRange => ({
  start: booking.startsAt,
  end: booking.endsAt,
});
