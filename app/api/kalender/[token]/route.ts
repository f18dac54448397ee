import { clientAddressOf } from '@/server/auth/client-address';
import { serveFeed } from '@/server/calendar/feed-service';
import { feedLimiter } from '@/server/calendar/rate-limit';
import { database } from '@/server/database';
import { env } from '@/server/env';
import { mailContextFromEnv } from '@/server/notifications/mailer';
import { settings } from '@/server/settings';

// One limiter for the whole process: per feed 30 fetches in a burst, per client 20 lookups of
// tokens that name no feed, each refilled over 10 minutes (server/calendar/rate-limit.ts).
const limiter = feedLimiter();

// Each fetch reads the current bookings; nothing here may be prerendered or cached by Next.
export const dynamic = 'force-dynamic';

/** GET /api/kalender/<token>.ics — a person's bookings as a subscription feed. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { db } = await database();
  return serveFeed(db, request, token, {
    limiter,
    client: clientAddressOf(request.headers),
    calendar: mailContextFromEnv(env(), await settings()),
  });
}
