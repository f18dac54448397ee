import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookings, municipalities, stations, users, vehicles } from '@/db/schema';
import { recordAudit } from '../audit/record';
import type { SessionUser } from '../auth/queries';
import { assertMayManageOrNotFound, managedBy } from '../auth/scope';
import type { BookingState, LifecycleEvent } from './lifecycle';
import { applyTransition } from './transitions';

/** A booking of another municipality's car is, to this manager, a booking that does not exist. */
async function assertManages(db: Db, manager: SessionUser, bookingId: string) {
  const [row] = await db
    .select({ owner: vehicles.ownerMunicipalityId })
    .from(bookings)
    .innerJoin(vehicles, eq(vehicles.id, bookings.vehicleId))
    .where(eq(bookings.id, bookingId));
  const owner = row?.owner;
  assertMayManageOrNotFound(manager, owner, 'BOOKING_NOT_FOUND');
  return owner;
}

/** A booking as the audit log shows it: its state, and with the step's reason on the after side. */
const bookingSnapshot = (state: BookingState) => ({
  status: state.status,
  startsAt: state.startsAt,
  endsAt: state.endsAt,
  approvedEndsAt: state.approvedEndsAt ?? null,
});

/** One lifecycle step a fleet manager takes on a booking of their own municipality's cars. */
async function stepAsManager(
  db: Db,
  manager: SessionUser,
  bookingId: string,
  event: LifecycleEvent,
  now: Date,
) {
  const owner = await assertManages(db, manager, bookingId);
  const reason = 'reason' in event ? (event.reason ?? null) : null;
  const { after } = await applyTransition(
    db,
    bookingId,
    event,
    { id: manager.id, role: 'manager' },
    now,
    (tx, step) =>
      recordAudit(tx, manager, {
        action: `booking.${event.type}`,
        objectType: 'booking',
        objectId: bookingId,
        municipalityId: owner,
        before: bookingSnapshot(step.before),
        after: { ...bookingSnapshot(step.after), ...(reason ? { reason } : {}) },
      }),
  );
  return after;
}

export const cancelAsManager = (
  db: Db,
  manager: SessionUser,
  bookingId: string,
  reason: string,
  now = new Date(),
) => stepAsManager(db, manager, bookingId, { type: 'cancel', by: 'manager', reason }, now);

export const approveBooking = (db: Db, manager: SessionUser, bookingId: string, now = new Date()) =>
  stepAsManager(db, manager, bookingId, { type: 'approve' }, now);

export const declineBooking = (
  db: Db,
  manager: SessionUser,
  bookingId: string,
  reason: string,
  now = new Date(),
) => stepAsManager(db, manager, bookingId, { type: 'decline', reason }, now);

/** Pending bookings of the manager's cars, oldest request first: what waits for a decision. */
export function approvalQueue(db: Db, manager: SessionUser) {
  return db
    .select({
      id: bookings.id,
      startsAt: bookings.startsAt,
      endsAt: bookings.endsAt,
      /** Set: an extension of an approved booking; declining it keeps the booking until then. */
      approvedEndsAt: bookings.approvedEndsAt,
      purpose: bookings.purpose,
      createdAt: bookings.createdAt,
      booker: { id: users.id, name: users.name, email: users.email },
      bookerMunicipality: municipalities.name,
      vehicle: { id: vehicles.id, plate: vehicles.plate, make: vehicles.make, model: vehicles.model },
      station: { id: stations.id, name: stations.name },
    })
    .from(bookings)
    .innerJoin(vehicles, eq(vehicles.id, bookings.vehicleId))
    .innerJoin(stations, eq(stations.id, vehicles.homeStationId))
    .innerJoin(users, eq(users.id, bookings.userId))
    .leftJoin(municipalities, eq(municipalities.id, users.municipalityId))
    .where(and(eq(bookings.status, 'pending'), managedBy(manager, vehicles.ownerMunicipalityId)))
    .orderBy(asc(bookings.createdAt));
}
