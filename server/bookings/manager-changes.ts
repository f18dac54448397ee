import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookings, vehicles } from '@/db/schema';
import { recordAudit } from '../audit/record';
import type { SessionUser } from '../auth/queries';
import { assertMayManage, assertMayManageOrNotFound } from '../auth/scope';
import { AppError } from '../errors';
import { upcomingBookingStatuses } from './rules';
import { lockVehicleSchedule, writeSchedule } from './schedule';
import { admitBooking } from './service';
import { applyTransition } from './transitions';
import { bookerOf, moveBooking } from './vacate';

/** A booking of the manager's cars with its holder; another municipality's is one that does not exist. */
async function managedBooking(db: Db, manager: SessionUser, bookingId: string) {
  const [row] = await db
    .select({
      id: bookings.id,
      userId: bookings.userId,
      vehicleId: bookings.vehicleId,
      status: bookings.status,
      startsAt: bookings.startsAt,
      endsAt: bookings.endsAt,
      owner: vehicles.ownerMunicipalityId,
    })
    .from(bookings)
    .innerJoin(vehicles, eq(vehicles.id, bookings.vehicleId))
    .where(eq(bookings.id, bookingId));
  assertMayManageOrNotFound(manager, row?.owner, 'BOOKING_NOT_FOUND');
  if (!row?.userId) throw new AppError('BOOKING_NOT_FOUND');
  return { ...row, userId: row.userId };
}

/** The form asks for one field: a refusal of the window is that field's, said in the message too. */
function atField(field: string) {
  return (error: unknown): never => {
    const problems =
      error instanceof AppError ? (error.fieldErrors?.to ?? error.fieldErrors?.vehicleId) : undefined;
    if (problems)
      throw new AppError('INVALID_INPUT', {
        message: problems.join(' '),
        fieldErrors: { [field]: problems },
      });
    throw error;
  };
}

/**
 * A fleet manager moves the end of a staff member's booking, on the same path as the booker's own
 * change (the owner's rules for the booker, then the lifecycle step); the manager approves it by
 * making it. The booker is told who changed it and why; the audit log keeps before and after.
 */
export async function changeEndAsManager(
  db: Db,
  manager: SessionUser,
  input: { id: string; endsAt: Date; reason: string },
  timeZone: string,
  now = new Date(),
) {
  const booking = await managedBooking(db, manager, input.id);
  const type = input.endsAt > booking.endsAt ? 'extend' : 'shorten';
  await admitBooking(
    db,
    await bookerOf(db, booking.userId),
    booking.vehicleId,
    { start: booking.startsAt, end: input.endsAt },
    now,
    type,
    timeZone,
  ).catch(atField('endsAt'));
  const { after } = await applyTransition(
    db,
    booking.id,
    { type, endsAt: input.endsAt, reason: input.reason.trim() },
    { id: manager.id, role: 'manager' },
    now,
    (tx, step) =>
      recordAudit(tx, manager, {
        action: 'booking.change.end',
        objectType: 'booking',
        objectId: booking.id,
        municipalityId: booking.owner,
        before: { endsAt: step.before.endsAt, status: step.before.status },
        after: { endsAt: step.after.endsAt, status: step.after.status, reason: input.reason.trim() },
      }),
  );
  return { id: booking.id, endsAt: after.endsAt, status: after.status };
}

/**
 * A fleet manager moves a staff member's coming booking to another of their cars over the same
 * time, admitted as the block machinery admits a stand-in, and moved by the same `moveBooking`
 * (the booking's car locked first, then the new one). The booker is told; the audit log keeps it.
 */
export async function moveAsManager(
  db: Db,
  manager: SessionUser,
  input: { id: string; vehicleId: string; reason: string },
  timeZone: string,
  now = new Date(),
) {
  const booking = await managedBooking(db, manager, input.id);
  if (!(upcomingBookingStatuses as readonly string[]).includes(booking.status))
    throw new AppError('TRANSITION_REFUSED', {
      message: 'Nur eine noch nicht begonnene Buchung kann auf ein anderes Fahrzeug umgebucht werden.',
    });
  if (input.vehicleId === booking.vehicleId)
    throw new AppError('INVALID_INPUT', {
      fieldErrors: { vehicleId: ['Bitte ein anderes Fahrzeug wählen.'] },
    });
  const { vehicle } = await admitBooking(
    db,
    await bookerOf(db, booking.userId),
    input.vehicleId,
    { start: booking.startsAt, end: booking.endsAt },
    now,
    'move',
    timeZone,
  ).catch(atField('vehicleId'));
  assertMayManage(manager, vehicle.ownerMunicipalityId);
  const reason = input.reason.trim();
  await writeSchedule(db, async (tx) => {
    await lockVehicleSchedule(tx, booking.vehicleId);
    await moveBooking(tx, booking.id, booking.vehicleId, vehicle.id, manager, now, {
      event: reason,
      notice: reason,
    });
    await recordAudit(tx, manager, {
      action: 'booking.move',
      objectType: 'booking',
      objectId: booking.id,
      municipalityId: booking.owner,
      before: { vehicleId: booking.vehicleId },
      after: { vehicleId: vehicle.id, reason },
    });
  });
  return { id: booking.id, vehicleId: vehicle.id };
}
