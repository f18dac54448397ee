import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { logbookEntries, logbookHistory, users } from '@/db/schema';
import type { SessionUser } from '../auth/queries';
import { maySeeBooking } from '../auth/scope';
import { AppError } from '../errors';
import { findBookingForReport, type ReportBooking } from './queries';

type User = Pick<SessionUser, 'id' | 'role' | 'municipalityId'>;

/** Days after a booking's end in which its booker may still fill in or change the logbook. */
export const LOGBOOK_DAYS = 7;
const DAY = 86_400_000;

/** Until when the logbook of a booking can be written: 7 days after it ended (or was cancelled early). */
export const logbookClosesAt = (booking: Pick<ReportBooking, 'endsAt'>) =>
  new Date(booking.endsAt.getTime() + LOGBOOK_DAYS * DAY);

/**
 * Why the booker may not write this booking's logbook now, or null: from its start, or from the
 * trip's if the car was taken in the key's lead time before it, to 7 days after its end.
 */
export function logbookRefusal(
  booking: Pick<ReportBooking, 'status' | 'startsAt' | 'endsAt' | 'logbookRequired'>,
  now: Date,
): 'LOGBOOK_NOT_REQUIRED' | 'LOGBOOK_NOT_YET_OPEN' | 'LOGBOOK_CLOSED' | null {
  if (!booking.logbookRequired) return 'LOGBOOK_NOT_REQUIRED';
  const driven = booking.status === 'active' || booking.status === 'completed';
  if (now < booking.startsAt && !driven) return 'LOGBOOK_NOT_YET_OPEN';
  if (now > logbookClosesAt(booking)) return 'LOGBOOK_CLOSED';
  return null;
}

async function visibleBooking(db: Db, user: User, bookingId: string) {
  const booking = await findBookingForReport(db, bookingId);
  if (!booking || !maySeeBooking(user, booking)) throw new AppError('BOOKING_NOT_FOUND');
  return booking;
}

/** The logbook of a booking as its booker and the car's managers see it: the entry, every version, and whether it can still be written. */
export async function logbookOf(db: Db, user: User, bookingId: string, now: Date) {
  const booking = await visibleBooking(db, user, bookingId);
  const [entry] = await db
    .select({
      purpose: logbookEntries.purpose,
      destination: logbookEntries.destination,
      personVisited: logbookEntries.personVisited,
      changedAt: logbookEntries.changedAt,
    })
    .from(logbookEntries)
    .where(eq(logbookEntries.bookingId, bookingId));
  const history = await db
    .select({
      id: logbookHistory.id,
      purpose: logbookHistory.purpose,
      destination: logbookHistory.destination,
      personVisited: logbookHistory.personVisited,
      changedAt: logbookHistory.changedAt,
      changedBy: users.name,
    })
    .from(logbookHistory)
    .leftJoin(users, eq(users.id, logbookHistory.changedBy))
    .where(eq(logbookHistory.bookingId, bookingId))
    .orderBy(asc(logbookHistory.changedAt), asc(logbookHistory.id));
  const refusal = logbookRefusal(booking, now);
  const state =
    booking.userId !== user.id
      ? ('readOnly' as const)
      : refusal === null
        ? ('open' as const)
        : refusal === 'LOGBOOK_NOT_YET_OPEN'
          ? ('notYetOpen' as const)
          : ('closed' as const);
  return {
    required: booking.logbookRequired,
    /** open: the booker may write now; readOnly: a manager reads; else the window is not (or no longer) open. */
    state,
    closesAt: logbookClosesAt(booking),
    entry: entry ?? null,
    history,
  };
}

/**
 * Writes the booker's logbook entry (the first one or a change); the database copies each version
 * into the append-only history. The booker only, and only while the window is open.
 */
export async function saveLogbook(
  db: Db,
  user: User,
  input: { bookingId: string; purpose: string; destination: string; personVisited?: string | undefined },
  now: Date,
) {
  const booking = await findBookingForReport(db, input.bookingId);
  if (!booking || booking.userId !== user.id) throw new AppError('BOOKING_NOT_FOUND');
  const refusal = logbookRefusal(booking, now);
  if (refusal) throw new AppError(refusal);
  const values = {
    purpose: input.purpose,
    destination: input.destination,
    personVisited: input.personVisited || null,
    changedBy: user.id,
    changedAt: now,
  };
  await db
    .insert(logbookEntries)
    .values({ bookingId: booking.id, ...values })
    .onConflictDoUpdate({ target: logbookEntries.bookingId, set: values, where: sql`true` });
  return logbookOf(db, user, booking.id, now);
}
