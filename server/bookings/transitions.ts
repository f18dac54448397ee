import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookingEvents, bookings, users } from '@/db/schema';
import { AppError } from '../errors';
import { type Notice, notify } from '../notifications/outbox';
import { type BookingState, type LifecycleEvent, transition } from './lifecycle';
import { lockVehicleSchedule, writeSchedule } from './schedule';

/** Who made a step happen: a person (booker, fleet manager) or the system (scheduler, box). */
export type Actor = { id: string; role: 'booker' | 'manager' } | { id: null; role: 'system' };

/**
 * Takes one lifecycle step on a stored booking, in one transaction: the per-car lock, the row
 * locked, the pure transition, the write (status, end, a higher calendar sequence), the event
 * with who and why, and the notice to the booker (`alsoTell` adds what else the step must say, in
 * the same transaction). A refused step changes nothing.
 */
export async function applyTransition(
  db: Db,
  bookingId: string,
  event: LifecycleEvent,
  actor: Actor,
  now: Date,
  alsoTell?: (tx: Db, step: { before: BookingState; after: BookingState }) => Promise<void>,
): Promise<{ before: BookingState; after: BookingState }> {
  return writeSchedule(db, async (tx) => {
    const [target] = await tx
      .select({ vehicleId: bookings.vehicleId })
      .from(bookings)
      .where(eq(bookings.id, bookingId));
    if (!target) throw new AppError('BOOKING_NOT_FOUND');
    await lockVehicleSchedule(tx, target.vehicleId);
    const [row] = await tx
      .select({
        status: bookings.status,
        startsAt: bookings.startsAt,
        endsAt: bookings.endsAt,
        approvedEndsAt: bookings.approvedEndsAt,
      })
      .from(bookings)
      .where(eq(bookings.id, bookingId))
      // A step changes no key: records that refer to the booking (a log upload) need not wait for it.
      .for('no key update');
    if (!row) throw new AppError('BOOKING_NOT_FOUND');
    const result = transition(row, event, now);
    if (!result.ok) throw new AppError('TRANSITION_REFUSED', { message: result.reason });
    const after = result.next;
    if (
      after.status === row.status &&
      +after.endsAt === +row.endsAt &&
      +(after.approvedEndsAt ?? 0) === +(row.approvedEndsAt ?? 0)
    )
      return { before: row, after };
    await tx
      .update(bookings)
      .set({
        status: after.status,
        endsAt: after.endsAt,
        approvedEndsAt: after.approvedEndsAt ?? null,
        cancelledAt: after.status === 'cancelled' ? now : null,
        sequence: sql`${bookings.sequence} + 1`,
      })
      .where(eq(bookings.id, bookingId));
    await tx.insert(bookingEvents).values({
      bookingId,
      type: event.type,
      fromStatus: row.status,
      toStatus: after.status,
      actorId: actor.id,
      reason: 'reason' in event ? (event.reason ?? null) : null,
      details: +after.endsAt === +row.endsAt ? null : { previousEndsAt: row.endsAt, endsAt: after.endsAt },
      at: now,
    });
    const notice = await noticeFor(tx, bookingId, event, row, actor);
    if (notice) await notify(tx, notice);
    await alsoTell?.(tx, { before: row, after });
    return { before: row, after };
  });
}

async function noticeFor(
  db: Db,
  bookingId: string,
  event: LifecycleEvent,
  before: BookingState,
  actor: Actor,
): Promise<Notice | null> {
  const previous = { startsAt: before.startsAt.toISOString(), endsAt: before.endsAt.toISOString() };
  switch (event.type) {
    case 'approve':
      return { kind: 'approval_granted', bookingId };
    case 'decline':
      // An extension not approved: the booking stands as it was, only the added time is gone.
      if (before.approvedEndsAt)
        return {
          kind: 'changed',
          bookingId,
          change: { kind: 'shortened', previous },
          actor: {
            name: await actorName(db, actor),
            reason: `Verlängerung nicht freigegeben: ${event.reason}`,
          },
        };
      return { kind: 'approval_declined', bookingId, name: await actorName(db, actor), reason: event.reason };
    case 'cancel':
      // The booker knows what they did; a cancellation by anyone else is news to them.
      if (actor.role === 'booker') return { kind: 'cancelled', bookingId, cancellation: { by: 'booker' } };
      return {
        kind: 'cancelled',
        bookingId,
        cancellation: { by: 'fleet_manager', name: await actorName(db, actor), reason: event.reason ?? null },
      };
    case 'no_show':
      return { kind: 'no_show', bookingId, graceMinutes: event.graceMinutes };
    case 'extend':
    case 'shorten':
      return {
        kind: 'changed',
        bookingId,
        change: { kind: event.type === 'extend' ? 'extended' : 'shortened', previous },
        // A change the booker did not make themselves says who made it and why.
        ...(actor.role === 'manager'
          ? { actor: { name: await actorName(db, actor), reason: event.reason ?? null } }
          : {}),
      };
    default:
      return null;
  }
}

async function actorName(db: Db, actor: Actor): Promise<string> {
  // The system never declines or cancels; were it to, it would sign as the fleet office does.
  if (actor.id === null) return 'Fuhrparkverwaltung';
  const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, actor.id));
  return row?.name ?? 'Fuhrparkverwaltung';
}
