import { and, asc, count, desc, eq, gt, inArray, lte, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { bookingStatuses, bookings } from '@/db/schema';
import type { SessionUser } from '../auth/queries';
import { bookingsWithVehicle } from './queries';
import { upcomingBookingStatuses } from './rules';

/** The sections of „Meine Buchungen“ (app/(staff)/buchungen/section-order.ts shows them in this order). */
export const bookingSections = ['now', 'upcoming', 'past', 'closed'] as const;
export type BookingSection = (typeof bookingSections)[number];

/** A booking that starts within this time counts as *Jetzt*: the person is on the way to the car. */
export const SOON_MS = 2 * 60 * 60_000;
export const SECTION_PAGE_SIZE = 10;

type Status = (typeof bookingStatuses)[number];

/**
 * Which section each status belongs in, once for all statuses (a new status fails to compile until
 * it is placed): open ones by their time, the others by what became of them.
 */
const placeOf: Record<Status, 'byTime' | 'past' | 'closed'> = {
  pending: 'byTime',
  reserved: 'byTime',
  active: 'byTime',
  completed: 'past',
  cancelled: 'closed',
  no_show: 'closed',
};
const statusesIn = (place: (typeof placeOf)[Status]) => bookingStatuses.filter((s) => placeOf[s] === place);

/** The section of one booking at `now`; the database query below says the same in SQL. */
export function sectionOf(
  booking: { status: Status; startsAt: Date; endsAt: Date },
  now: Date,
): BookingSection {
  const place = placeOf[booking.status];
  if (place !== 'byTime') return place;
  // A running booking stays *Jetzt* past its end until it is returned: it is late, not past.
  if (booking.status === 'active') return 'now';
  if (booking.endsAt <= now) return 'past';
  return booking.startsAt.getTime() - now.getTime() <= SOON_MS ? 'now' : 'upcoming';
}

function sectionWhere(section: BookingSection, now: Date): SQL | undefined {
  const soon = new Date(now.getTime() + SOON_MS);
  const waiting = inArray(bookings.status, [...upcomingBookingStatuses]);
  switch (section) {
    case 'now':
      return or(
        eq(bookings.status, 'active'),
        and(waiting, lte(bookings.startsAt, soon), gt(bookings.endsAt, now)),
      );
    case 'upcoming':
      return and(waiting, gt(bookings.startsAt, soon));
    case 'past':
      return or(inArray(bookings.status, statusesIn('past')), and(waiting, lte(bookings.endsAt, now)));
    case 'closed':
      return inArray(bookings.status, statusesIn('closed'));
  }
}

export const mineSectionInput = z.object({
  section: z.enum(bookingSections),
  page: z.number().int().min(0).max(10_000).default(0),
});

/**
 * One page of one section of the signed-in person's bookings: the next ones first while they are
 * ahead, the latest first once they are over; with the section's total, so the page can page.
 */
export async function mySection(
  db: Db,
  user: SessionUser,
  input: z.infer<typeof mineSectionInput>,
  now = new Date(),
) {
  const where = and(eq(bookings.userId, user.id), sectionWhere(input.section, now));
  const ahead = input.section === 'now' || input.section === 'upcoming';
  const [items, [total]] = await Promise.all([
    bookingsWithVehicle(db)
      .where(where)
      .orderBy(ahead ? asc(bookings.startsAt) : desc(bookings.startsAt), asc(bookings.id))
      .limit(SECTION_PAGE_SIZE)
      .offset(input.page * SECTION_PAGE_SIZE),
    db.select({ n: count() }).from(bookings).where(where),
  ]);
  const totalCount = total?.n ?? 0;
  return {
    items,
    page: input.page,
    total: totalCount,
    pageCount: Math.max(1, Math.ceil(totalCount / SECTION_PAGE_SIZE)),
  };
}
