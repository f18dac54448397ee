import { serveBookingFile } from '@/server/calendar/download-service';
import { auth, sessionUser } from '@/server/context';
import { database } from '@/server/database';
import { env } from '@/server/env';
import { mailContextFromEnv } from '@/server/notifications/mailer';
import { settings } from '@/server/settings';

// Each download reads the booking as it now is, for the person signed in.
export const dynamic = 'force-dynamic';

/** GET /api/buchungen/<id>.ics — one of the signed-in person's bookings as a calendar file. */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const { db } = await database();
  const user = await sessionUser(db, await auth(), request.headers);
  return serveBookingFile(db, user, file, mailContextFromEnv(env(), await settings()));
}
