import { createHash } from 'node:crypto';
import type { Db } from '@/db/client';
import { messagesFor } from '../messages/catalog';
import { hashFeedToken, isFeedTokenShaped } from './feed-token';
import { bookingFeed } from './ics';
import { feedBookingsOf, findFeedByHash, markFeedFetched } from './queries';
import type { FeedLimiter } from './rate-limit';
import type { CalendarSettings } from './types';

export type FeedDeps = {
  limiter: FeedLimiter;
  /** The requesting client's address (`clientAddressOf`), the limiter's second key. */
  client: string;
  calendar: CalendarSettings;
  now?: Date;
};

/** Clients poll; five minutes of caching spares the database without hiding a change for long. */
const CACHE_CONTROL = 'private, max-age=300';

// Unknown, revoked and malformed tokens get the same bare answer: nothing to tell a guesser apart.
const notFound = () => new Response(null, { status: 404, headers: { 'Cache-Control': 'no-store' } });

/** The URL's last segment without the `.ics` that subscription links carry. */
const tokenOf = (segment: string) => segment.replace(/\.ics$/i, '');

/**
 * Answers one fetch of a subscription feed. Order matters: the shape check and the rate limit come
 * before the database, so a script hammering random or leaked URLs costs no queries.
 */
export async function serveFeed(
  db: Db,
  request: Request,
  segment: string,
  deps: FeedDeps,
): Promise<Response> {
  const token = tokenOf(segment);
  if (!isFeedTokenShaped(token)) return notFound();
  const tokenHash = hashFeedToken(token);

  const admission = deps.limiter.admit(deps.client, tokenHash);
  if (!admission.allowed)
    return new Response(null, {
      status: 429,
      headers: { 'Retry-After': String(admission.retryAfterSeconds), 'Cache-Control': 'no-store' },
    });

  const feed = await findFeedByHash(db, tokenHash);
  admission.settle(feed !== null);
  if (!feed) return notFound();

  const now = deps.now ?? new Date();
  const bookings = await feedBookingsOf(db, feed.userId, now);
  await markFeedFetched(db, feed.id, now);

  // DTSTAMP from the latest change rather than the clock, so an unchanged feed is byte-identical
  // and its ETag lets clients skip the download.
  const stamp = new Date(Math.max(feed.createdAt.getTime(), ...bookings.map((b) => b.updatedAt.getTime())));
  // In the language of the person whose bookings these are: a calendar client sends no cookie.
  const body = bookingFeed(bookings, { ...deps.calendar, language: feed.language, now: stamp });
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  const headers = {
    'Content-Type': 'text/calendar; charset=utf-8',
    'Cache-Control': CACHE_CONTROL,
    ETag: etag,
    'Content-Disposition': `inline; filename="${messagesFor(feed.language).calendar.files.feed}"`,
  };
  if (matches(request.headers.get('if-none-match'), etag))
    return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers });
}

function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
}
