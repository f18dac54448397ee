import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookings, notifications } from '@/db/schema';
import { findCalendarBooking } from '../calendar/queries';
import type { Actor, Cancellation } from './booking-mails';
import { hasOptedOut } from './mail-choices';

/**
 * What happened, as the outbox keeps it: ids and the few facts a mail needs beside the booking
 * (the previous times, who cancelled and why). The booking itself is kept as the change left it
 * (see notify), so the mail tells what happened when it happened, however late it is sent.
 */
export type Notice =
  | { kind: 'confirmation'; bookingId: string }
  | { kind: 'changed'; bookingId: string; change: ChangeRecord; actor?: Actor }
  | { kind: 'cancelled'; bookingId: string; cancellation: Cancellation }
  | { kind: 'reminder'; bookingId: string }
  | { kind: 'no_show'; bookingId: string; graceMinutes: number }
  | { kind: 'late_return'; bookingId: string; alternativeVehicleId: string | null }
  | { kind: 'approval_requested'; bookingId: string; managerId: string }
  | { kind: 'approval_pending'; bookingId: string }
  | { kind: 'approval_granted'; bookingId: string }
  | { kind: 'approval_declined'; bookingId: string; name: string; reason: string }
  | {
      kind: 'damage_reported';
      bookingId: string;
      managerId: string;
      description: string;
      drivable: boolean;
    }
  // About an account, not a booking: the person whose password was guessed at.
  | { kind: 'sign_in_locked'; recipientId: string; failures: number; lockedUntil: string }
  | LicenceNotice
  | AccountNotice;

/**
 * A link that sets a password (an invitation, a reset). The link holds the token itself, so the
 * worker drops it from the row once the mail is sent (worker.ts markSent); only its hash stays.
 */
export type AccountNotice =
  | {
      kind: 'invitation';
      recipientId: string;
      link: string;
      invitedBy: string;
      municipality: { name: string; genitive: string };
      expiresAt: string;
    }
  | { kind: 'password_reset'; recipientId: string; link: string; expiresAt: string };

/** A person's licence check runs out soon: to the person, or to one of their fleet managers. */
export type LicenceNotice = {
  kind: 'licence_expiring';
  recipientId: string;
  person: { id: string; name: string; email: string };
  /** The last day the check is valid, "YYYY-MM-DD". */
  validUntil: string;
};
type ChangeRecord =
  | { kind: 'extended' | 'shortened' | 'rescheduled'; previous: { startsAt: string; endsAt: string } }
  | { kind: 'vehicle'; previousVehicleId: string };

/**
 * Queues a notice in the caller's transaction: it is sent only if the change commits, and is
 * never lost once it has. The booker receives it, except an approval request, which goes to
 * the fleet manager named in it, and notices about a person (a sign-in lock, a licence check
 * running out), which go to whom they name. Call it after the change is written: the booking is
 * read here, in the same transaction, and stored with the row as the state the mail shows.
 */
export async function notify(db: Db, notice: Notice, notBefore?: Date): Promise<void> {
  if ('recipientId' in notice) {
    const { kind, recipientId, ...payload } = notice;
    await db.insert(notifications).values({ recipientId, kind, payload, notBefore });
    return;
  }
  const recipientId =
    notice.kind === 'approval_requested' || notice.kind === 'damage_reported'
      ? notice.managerId
      : await bookerOf(db, notice.bookingId);
  // Retention removed the person of the booking: there is nobody left to tell.
  if (recipientId === null) return;
  // A mail the person switched off on their profile is not queued at all (mail-choices.ts).
  if (await hasOptedOut(db, recipientId, notice.kind)) return;
  const snapshot = await findCalendarBooking(db, notice.bookingId);
  const { kind, bookingId, ...payload } = notice;
  await db.insert(notifications).values({ recipientId, bookingId, kind, payload, snapshot, notBefore });
}

async function bookerOf(db: Db, bookingId: string): Promise<string | null> {
  const [row] = await db.select({ userId: bookings.userId }).from(bookings).where(eq(bookings.id, bookingId));
  if (!row) throw new Error(`notify: booking ${bookingId} does not exist`);
  return row.userId;
}
