import { z } from 'zod';
import type { Db } from '@/db/client';
import { messagesFor } from '../messages/catalog';
import type { Language } from '../messages/language';
import { bookingDownload } from './ics';
import { findOwnCalendarBooking } from './queries';
import type { CalendarSettings } from './types';

const bookingId = z.uuid();

// Someone else's booking, a gone one and a malformed id look the same: nothing to tell apart.
const notFound = () => new Response(null, { status: 404, headers: { 'Cache-Control': 'no-store' } });

/**
 * Answers GET /api/buchungen/<id>.ics: the signed-in person's own booking as a calendar file, with
 * the UID and SEQUENCE of the mailed invitations, so importing it updates the same event.
 */
export async function serveBookingFile(
  db: Db,
  user: { id: string; language: Language } | null,
  segment: string,
  calendar: CalendarSettings,
): Promise<Response> {
  if (!user) return new Response(null, { status: 401, headers: { 'Cache-Control': 'no-store' } });
  const id = bookingId.safeParse(segment.replace(/\.ics$/i, ''));
  if (!id.success) return notFound();
  const booking = await findOwnCalendarBooking(db, id.data, user.id);
  if (!booking) return notFound();
  const { language } = user;
  return new Response(bookingDownload(booking, { ...calendar, language, now: booking.updatedAt }), {
    status: 200,
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Cache-Control': 'private, no-store',
      'Content-Disposition': `attachment; filename="${messagesFor(language).calendar.files.booking}"`,
    },
  });
}
