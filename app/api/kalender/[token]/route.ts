import { serveFeed } from '@/server/calendar/feed-service';
import { tokenBucketLimiter } from '@/server/calendar/rate-limit';
import { database } from '@/server/database';
import { env } from '@/server/env';
import { mailContextFromEnv } from '@/server/notifications/mailer';
import { settings } from '@/server/settings';

// One bucket per token hash for the whole process: 30 fetches in a burst, refilled over 10 minutes.
const limiter = tokenBucketLimiter();

// Each fetch reads the current bookings; nothing here may be prerendered or cached by Next.
export const dynamic = 'force-dynamic';

/** GET /api/kalender/<token>.ics — a person's bookings as a subscription feed. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { db } = await database();
  return serveFeed(db, request, token, { limiter, calendar: mailContextFromEnv(env(), await settings()) });
}
