import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookings, sessions, users } from '@/db/schema';
import { recordAudit } from '../audit/record';
import type { SessionUser } from '../auth/queries';
import { upcomingBookingStatuses } from '../bookings/rules';
import { applyTransition } from '../bookings/transitions';
import { AppError } from '../errors';
import { logger } from '../logger';
import { personToManage } from './people-queries';

/** The cancellation's reason, as the booker's mail and the booking's history show it. */
export const DEACTIVATION_REASON = 'Ihr Konto wurde deaktiviert.';

/**
 * Deactivates a person: no sign-in from now on (auth/active-accounts.ts), every session ended at
 * once, and their upcoming bookings cancelled through the booking engine's cancel step, so each
 * booking's history and calendar sequence move on and the booker is told by mail, as for a
 * cancellation by the fleet manager. A trip already under way is left to end as it does. Nobody
 * deactivates themselves (a fleet office would lock itself out).
 */
export async function deactivatePerson(db: Db, actor: SessionUser, userId: string, now = new Date()) {
  if (actor.id === userId) throw new AppError('DEACTIVATE_SELF');
  const person = await personToManage(db, actor, userId);
  if (person.deactivatedAt) return { deactivatedAt: person.deactivatedAt, cancelledBookings: [] };
  return db.transaction(async (tx) => {
    await tx.update(users).set({ deactivatedAt: now }).where(eq(users.id, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    const upcoming = await tx
      .select({ id: bookings.id })
      .from(bookings)
      .where(and(eq(bookings.userId, userId), inArray(bookings.status, [...upcomingBookingStatuses])))
      .orderBy(asc(bookings.startsAt));
    for (const booking of upcoming)
      await applyTransition(
        tx,
        booking.id,
        { type: 'cancel', by: 'manager', reason: DEACTIVATION_REASON },
        { id: actor.id, role: 'manager' },
        now,
      );
    const cancelledBookings = upcoming.map((booking) => booking.id);
    await recordAudit(tx, actor, {
      action: 'person.deactivate',
      objectType: 'user',
      objectId: userId,
      municipalityId: person.municipalityId,
      before: { active: true },
      after: { active: false, cancelledBookings },
    });
    logger.info(
      { event: 'person_deactivated', by: actor.id, userId, cancelled: cancelledBookings.length },
      'person deactivated',
    );
    return { deactivatedAt: now, cancelledBookings };
  });
}

/** Lets a deactivated person sign in again; their cancelled bookings stay cancelled. */
export async function reactivatePerson(db: Db, actor: SessionUser, userId: string) {
  const person = await personToManage(db, actor, userId);
  if (!person.deactivatedAt) return { reactivated: false };
  await db.transaction(async (tx) => {
    await tx.update(users).set({ deactivatedAt: null }).where(eq(users.id, userId));
    await recordAudit(tx, actor, {
      action: 'person.reactivate',
      objectType: 'user',
      objectId: userId,
      municipalityId: person.municipalityId,
      before: { active: false, deactivatedAt: person.deactivatedAt },
      after: { active: true },
    });
  });
  return { reactivated: true };
}
