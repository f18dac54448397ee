import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import type { SessionUser } from '../auth/queries';
import { mayManage } from '../auth/scope';
import { AppError, invalidInput } from '../errors';
import { servesWindow } from '../fleet/admin-rules';
import { notify } from '../notifications/outbox';
import { licenceViolation, type PolicyViolation, policyViolations, type ScheduleChange } from './policy';
import { openBookingsOfPerson, policyOf } from './policy-queries';
import { findBookableVehicle, findBookingOfUser, insertBooking, listBookingsOfUser } from './queries';
import { type TimeRange, windowProblems } from './rules';
import { lockVehicleSchedule, writeSchedule } from './schedule';
import type { CreateBookingInput } from './schema';
import { applyTransition } from './transitions';

/** Who holds a booking, as far as the policy cares. */
export type Booker = Pick<SessionUser, 'id' | 'role' | 'municipalityId' | 'licenceCheckValidUntil'>;

const sentencesOf = (violations: PolicyViolation[], language: 'de' | 'en') =>
  violations.map((v) => v.message[language]).join(' ');

/**
 * The one check every write of a booking's time passes — a new booking, each occurrence of a
 * series, an extension, a shortening, a move to another car: a sane window, a car in service, the
 * licence check and the owner's policy, each as `change` asks (see `ScheduleChange`). Returns what
 * the write needs; refuses with the rule named, before anything is written.
 */
export async function admitBooking(
  db: Db,
  user: Booker,
  vehicleId: string,
  window: TimeRange,
  now: Date,
  change: ScheduleChange,
  timeZone: string,
) {
  const problems = windowProblems(window, now, { startFixed: change !== 'create' });
  if (Object.keys(problems).length > 0) throw invalidInput(problems);
  const vehicle = await findBookableVehicle(db, vehicleId);
  if (!vehicle) throw invalidInput({ vehicleId: ['Dieses Fahrzeug gibt es nicht.'] });
  // Giving time back is always possible, even on a car taken out of service meanwhile.
  if (change !== 'shorten' && !servesWindow(vehicle, window)) throw new AppError('VEHICLE_NOT_BOOKABLE');
  const licence = change === 'shorten' ? null : licenceViolation(user.licenceCheckValidUntil, now, timeZone);
  if (licence) throw new AppError('LICENCE_CHECK_EXPIRED', { message: licence.message });
  const policy = await policyOf(db, vehicle.ownerMunicipalityId);
  const violations = policyViolations(policy, {
    change,
    window,
    now,
    timeZone,
    owner: vehicle.owner,
    sameMunicipality: user.municipalityId === vehicle.ownerMunicipalityId,
    futureBookingsOfPerson:
      change === 'create' ? await openBookingsOfPerson(db, user.id, vehicle.ownerMunicipalityId, now) : 0,
    licenceCheckValidUntil: user.licenceCheckValidUntil,
  });
  if (violations.length > 0)
    throw new AppError('POLICY_VIOLATION', {
      message: { de: sentencesOf(violations, 'de'), en: sentencesOf(violations, 'en') },
      details: { rules: violations.map((v) => v.rule) },
    });
  // The owner's own fleet managers and the operator are the approvers: they need no approval.
  const approves = mayManage(user, vehicle.ownerMunicipalityId);
  const needsApproval = policy.approvalRequired && !approves;
  return {
    vehicle,
    policy,
    needsApproval,
    status: needsApproval ? ('pending' as const) : ('reserved' as const),
  };
}

export async function createBooking(
  db: Db,
  user: SessionUser,
  input: CreateBookingInput,
  timeZone: string,
  now = new Date(),
) {
  const window = { start: input.from, end: input.to };
  const { vehicle, status } = await admitBooking(db, user, input.vehicleId, window, now, 'create', timeZone);
  const id = await writeSchedule(db, async (tx) => {
    await lockVehicleSchedule(tx, vehicle.id);
    const row = await insertBooking(
      tx,
      { vehicleId: vehicle.id, userId: user.id, window, purpose: input.purpose || null, status },
      user.id,
      now,
    );
    await announceNewBooking(tx, row.id, status, vehicle.ownerMunicipalityId);
    return row.id;
  });
  return bookingOf(db, user, id);
}

/** A confirmation, or for a booking awaiting approval a notice to the booker and each approver. */
export async function announceNewBooking(
  db: Db,
  bookingId: string,
  status: string,
  ownerMunicipalityId: string,
) {
  if (status !== 'pending') return notify(db, { kind: 'confirmation', bookingId });
  await notify(db, { kind: 'approval_pending', bookingId });
  await askApprovers(db, bookingId, ownerMunicipalityId);
}

async function askApprovers(db: Db, bookingId: string, ownerMunicipalityId: string) {
  for (const managerId of await approversOf(db, ownerMunicipalityId))
    await notify(db, { kind: 'approval_requested', bookingId, managerId });
}

async function approversOf(db: Db, municipalityId: string): Promise<string[]> {
  const managers = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'fleet_manager'), eq(users.municipalityId, municipalityId)));
  if (managers.length > 0) return managers.map((m) => m.id);
  return (await db.select({ id: users.id }).from(users).where(eq(users.role, 'operator'))).map((o) => o.id);
}

export async function bookingOf(db: Db, user: SessionUser, bookingId: string) {
  const booking = await findBookingOfUser(db, bookingId, user.id);
  if (!booking) throw new AppError('BOOKING_NOT_FOUND');
  return booking;
}

export const myBookings = (db: Db, user: SessionUser) => listBookingsOfUser(db, user.id, 200);

/** The booker cancels before the start; anything else is refused and left as it was. */
export async function cancelBooking(db: Db, user: SessionUser, bookingId: string, now = new Date()) {
  await bookingOf(db, user, bookingId);
  await applyTransition(
    db,
    bookingId,
    { type: 'cancel', by: 'booker' },
    { id: user.id, role: 'booker' },
    now,
  );
  return bookingOf(db, user, bookingId);
}

/**
 * A new end asks of the changed window what a new booking would be asked (`admitBooking`), and
 * the database the rest. Where the owner wants bookings approved, an extension of an approved
 * booking goes back to the approvers for the added time; until then the booking holds it, pending.
 */
export async function changeBookingEnd(
  db: Db,
  user: SessionUser,
  bookingId: string,
  endsAt: Date,
  timeZone: string,
  now = new Date(),
) {
  const booking = await bookingOf(db, user, bookingId);
  const type = endsAt > booking.endsAt ? 'extend' : 'shorten';
  const { needsApproval, vehicle } = await admitBooking(
    db,
    user,
    booking.vehicle.id,
    { start: booking.startsAt, end: endsAt },
    now,
    type,
    timeZone,
  ).catch((error: unknown) => {
    // The form asks for the new end only: the problem is that field's, said in the message too.
    const problems = error instanceof AppError ? error.fieldErrors?.to : undefined;
    if (problems)
      throw new AppError('END_NOT_POSSIBLE', {
        message: problems.join(' '),
        fieldErrors: { endsAt: problems },
      });
    throw error;
  });
  await applyTransition(
    db,
    bookingId,
    type === 'extend' ? { type, endsAt, needsApproval } : { type, endsAt },
    { id: user.id, role: 'booker' },
    now,
    async (tx, { before, after }) => {
      if (before.status !== 'pending' && after.status === 'pending')
        await askApprovers(tx, bookingId, vehicle.ownerMunicipalityId);
    },
  );
  return bookingOf(db, user, bookingId);
}

/** Ends a running booking now (a car without a box, or a trip closed by hand); the rest is free at once. */
export async function endBooking(db: Db, user: SessionUser, bookingId: string, now = new Date()) {
  await bookingOf(db, user, bookingId);
  await applyTransition(db, bookingId, { type: 'end' }, { id: user.id, role: 'booker' }, now);
  return bookingOf(db, user, bookingId);
}
