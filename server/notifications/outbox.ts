import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookings, notifications } from '@/db/schema';
import type { Actor, Cancellation } from './booking-mails';

/**
 * What happened, as the outbox keeps it: ids and the few facts a mail needs that the booking row
 * no longer shows (the previous times, who cancelled and why). The worker renders the mail when it
 * sends, from the booking as it then is.
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
  | { kind: 'approval_declined'; bookingId: string; name: string; reason: string };

type ChangeRecord =
  | { kind: 'extended' | 'shortened' | 'rescheduled'; previous: { startsAt: string; endsAt: string } }
  | { kind: 'vehicle'; previousVehicleId: string };

/**
 * Queues a notice in the caller's transaction: it is sent only if the change commits, and is
 * never lost once it has. The booker receives it, except an approval request, which goes to
 * the fleet manager named in it.
 */
export async function notify(db: Db, notice: Notice, notBefore?: Date): Promise<void> {
  const recipientId =
    notice.kind === 'approval_requested' ? notice.managerId : await bookerOf(db, notice.bookingId);
  const { kind, bookingId, ...payload } = notice;
  await db.insert(notifications).values({ recipientId, bookingId, kind, payload, notBefore });
}

async function bookerOf(db: Db, bookingId: string): Promise<string> {
  const [row] = await db.select({ userId: bookings.userId }).from(bookings).where(eq(bookings.id, bookingId));
  if (!row) throw new Error(`notify: booking ${bookingId} does not exist`);
  return row.userId;
}
