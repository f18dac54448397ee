import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { calendarFeeds } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { env } from '../env';
import { overrideProcessSingleton } from '../singleton';
import { callerFor, makeMunicipality, makeUser, makeVehicle } from '../test-support';
import { at, hours, makeBooking } from './booking-test-support';
import { type FeedDeps, serveFeed } from './feed-service';
import { hashFeedToken, newFeedToken } from './feed-token';
import { feedLimiter } from './rate-limit';
import { calendarOptions, parseIcs } from './test-support';

const database = testDatabaseForFile();

const { now: _now, ...calendar } = calendarOptions;
const { appUrl } = calendar;
const deps = (
  capacity = 100,
  client = '192.0.2.1',
  limiter = feedLimiter({ perToken: { capacity } }),
): FeedDeps => ({
  limiter,
  client,
  calendar,
});
const tokenOfUrl = (url: string) => url.split('/').at(-1) ?? '';
const fetchFeed = (token: string, feedDeps = deps(), headers: HeadersInit = {}) =>
  serveFeed(database.db, new Request(`${appUrl}/api/kalender/${token}`, { headers }), token, feedDeps);

/** A person with a car, a few bookings in every state, and someone else's booking of the same car. */
async function setting() {
  const { db } = database;
  const home = await makeMunicipality(db);
  const car = await makeVehicle(db, home);
  const me = await makeUser(db, home);
  const other = await makeUser(db, home);
  const now = new Date(Math.ceil(Date.now() / 60_000) * 60_000); // whole minutes, as bookings are
  const day = (n: number) => at(now, hours(24 * n));
  const mk = (
    userId: string,
    start: Date,
    status?: 'reserved' | 'cancelled' | 'completed' | 'pending',
    sequence = 0,
  ) =>
    makeBooking(db, {
      vehicleId: car.id,
      userId,
      startsAt: start,
      endsAt: at(start, hours(2)),
      status,
      sequence,
    });
  const live = await mk(me.id, day(2), 'reserved', 3);
  const pending = await mk(me.id, day(3), 'pending');
  const recent = await mk(me.id, day(-10), 'completed', 1);
  const cancelled = await mk(me.id, day(4), 'cancelled', 2);
  const old = await mk(me.id, day(-70), 'completed');
  const othersBooking = await mk(other.id, day(5));
  return { db, me, other, live, pending, recent, cancelled, old, othersBooking, api: callerFor(db, me) };
}

describe('calendar router', () => {
  it('creates a feed whose token is shown once and stored only as its hash', async () => {
    const { db, me, api } = await setting();
    expect(await api.calendar.feed()).toMatchObject({ active: false, createdAt: null });

    const { url, createdAt } = await api.calendar.createFeed();
    expect(url).toMatch(new RegExp(`^${env().APP_URL}/api/kalender/[A-Za-z0-9_-]{43}\\.ics$`));
    const token = tokenOfUrl(url).replace('.ics', '');
    expect(await api.calendar.feed()).toMatchObject({ active: true, createdAt });

    const rows = await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, me.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).toBe(hashFeedToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('replaces the previous link, and a revoked link answers 404 without detail', async () => {
    const { api } = await setting();
    const first = tokenOfUrl((await api.calendar.createFeed()).url);
    expect((await fetchFeed(first)).status).toBe(200);

    const second = tokenOfUrl((await api.calendar.createFeed()).url);
    const gone = await fetchFeed(first);
    expect(gone.status).toBe(404);
    expect(await gone.text()).toBe('');
    expect((await fetchFeed(second)).status).toBe(200);

    expect(await api.calendar.revokeFeed()).toEqual({ revoked: true });
    expect((await fetchFeed(second)).status).toBe(404);
    expect(await api.calendar.feed()).toMatchObject({ active: false });
    expect(await api.calendar.revokeFeed()).toEqual({ revoked: false });
  });

  it('is for signed-in people only', async () => {
    await expect(callerFor(database.db, null).calendar.createFeed()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });
});

describe('the feed', () => {
  it("holds the person's live bookings with UID and SEQUENCE, and nobody else's", async () => {
    const { db, me, live, pending, recent, api } = await setting();
    const token = tokenOfUrl((await api.calendar.createFeed()).url);
    const response = await fetchFeed(token);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('private, max-age=300');
    const calendar = parseIcs(await response.text());
    expect(calendar.method).toBe('PUBLISH');
    expect(calendar.timezones).toEqual(['Europe/Berlin']);
    const host = new URL(appUrl).hostname;
    expect(calendar.events.map((e) => [e.uid, e.sequence])).toEqual([
      [`${recent.id}@${host}`, 1],
      [`${live.id}@${host}`, 3],
      [`${pending.id}@${host}`, 0],
    ]);
    expect(calendar.events[1]?.start.toISOString()).toBe(live.startsAt.toISOString());
    expect(calendar.events[2]?.status).toBe('TENTATIVE');

    const [feed] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, me.id));
    expect(feed?.lastFetchedAt).toBeInstanceOf(Date);
  });

  it('answers 304 to a client that has the current version', async () => {
    const { api } = await setting();
    const token = tokenOfUrl((await api.calendar.createFeed()).url);
    const first = await fetchFeed(token);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^".+"$/);
    const again = await fetchFeed(token, deps(), { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('refuses malformed and unknown tokens with 404', async () => {
    expect((await fetchFeed('nonsense.ics')).status).toBe(404);
    expect((await fetchFeed(`${'A'.repeat(43)}.ics`)).status).toBe(404);
  });

  it('answers 429 with Retry-After once the bucket is empty', async () => {
    const { api } = await setting();
    const token = tokenOfUrl((await api.calendar.createFeed()).url);
    const limited = deps(3);
    for (let i = 0; i < 3; i++) expect((await fetchFeed(token, limited)).status).toBe(200);
    const refused = await fetchFeed(token, limited);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another person's link has its own bucket.
    const other = callerFor(database.db, await makeUser(database.db, null, 'operator'));
    expect((await fetchFeed(tokenOfUrl((await other.calendar.createFeed()).url), limited)).status).toBe(200);
  });

  it('limits a client guessing tokens, and a flood of guesses from many clients resets no feed', async () => {
    const { api } = await setting();
    const token = tokenOfUrl((await api.calendar.createFeed()).url);
    const limiter = feedLimiter({
      perToken: { capacity: 2, maxKeys: 4 },
      perClient: { capacity: 3, maxKeys: 4 },
    });
    const from = (client: string, segment: string) => fetchFeed(segment, deps(0, client, limiter));
    for (let i = 0; i < 2; i++) expect((await from('192.0.2.1', token)).status).toBe(200);
    expect((await from('192.0.2.1', token)).status).toBe(429);

    const guesses = [];
    for (let i = 0; i < 4; i++) guesses.push((await from('198.51.100.7', newFeedToken())).status);
    expect(guesses).toEqual([404, 404, 404, 429]);
    // 40 clients with 3 guesses each: far more keys than either table keeps.
    for (let c = 0; c < 40; c++)
      for (let i = 0; i < 3; i++) expect((await from(`203.0.113.${c}`, newFeedToken())).status).toBe(404);
    expect((await from('192.0.2.99', token)).status).toBe(429);
  });

  it('charges a calendar service fetching many real feeds from one address per feed, not per address', async () => {
    const limiter = feedLimiter({ perToken: { capacity: 2 }, perClient: { capacity: 1 } });
    const service = '2001:db8:1:2::53';
    for (let n = 0; n < 4; n++) {
      const person = callerFor(database.db, await makeUser(database.db, null, 'operator'));
      const token = tokenOfUrl((await person.calendar.createFeed()).url);
      expect((await fetchFeed(token, deps(0, service, limiter))).status).toBe(200);
      expect((await fetchFeed(token, deps(0, service, limiter))).status).toBe(200);
    }
    // One miss spends the address's allowance, for every address of its /64.
    expect((await fetchFeed(newFeedToken(), deps(0, service, limiter))).status).toBe(404);
    expect((await fetchFeed(newFeedToken(), deps(0, '2001:db8:1:2:ffff::1', limiter))).status).toBe(429);
  });
});

describe('GET /api/kalender/[token]', () => {
  it('serves the feed through the route with the process database', async () => {
    const restore = overrideProcessSingleton('database', Promise.resolve(database));
    try {
      const { GET } = await import('@/app/api/kalender/[token]/route');
      const { live, api } = await setting();
      const segment = tokenOfUrl((await api.calendar.createFeed()).url);
      const call = (s: string) =>
        GET(new Request(`http://localhost/api/kalender/${s}`), { params: Promise.resolve({ token: s }) });

      const response = await call(segment);
      expect(response.status).toBe(200);
      const events = parseIcs(await response.text()).events;
      expect(events.some((e) => e.uid.startsWith(live.id))).toBe(true);
      expect((await call('x.ics')).status).toBe(404);
    } finally {
      restore();
    }
  });
});
