import { TZDate } from '@date-fns/tz';
import { createTRPCClient, httpLink } from '@trpc/client';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { eq } from 'drizzle-orm';
import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { detailsOf, problemOf } from '@/app/lib/errors';
import { de } from '@/app/messages/de';
import { bookings } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import type { SessionUser } from './auth/queries';
import { type AppRouter, appRouter } from './root';
import { testContext } from './test-context';
import { callerFor, makeMunicipality, makeUser, makeVehicle } from './test-support';

const database = testDatabaseForFile();

/** Next week's Tuesday in Berlin, as YYYY-MM-DD. */
function nextTuesday(): string {
  const today = new TZDate(new Date(), 'Europe/Berlin');
  const ahead = ((2 - today.getDay() + 7) % 7) + 7;
  return new TZDate(today.getFullYear(), today.getMonth(), today.getDate() + ahead, 'Europe/Berlin')
    .toISOString()
    .slice(0, 10);
}

/** The browser's tRPC client against the app's router, through the fetch adapter, without a port. */
function browserClient(user: SessionUser) {
  const handler = (request: Request) =>
    fetchRequestHandler({
      endpoint: '/api/trpc',
      req: request,
      router: appRouter,
      createContext: () => testContext(database.db, user),
    });
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: 'http://app.test/api/trpc',
        transformer: superjson,
        fetch: (url, init) => handler(new Request(url, init)),
      }),
    ],
  });
}

describe('reading a refusal on the client (app/lib/errors.ts)', () => {
  it('gives the code and the typed details the server sent', async () => {
    const { db } = database;
    const home = await makeMunicipality(db);
    const car = await makeVehicle(db, home);
    const person = await makeUser(db, home);
    const weekly = (weeks: number) => ({
      vehicleId: car.id,
      firstDay: nextTuesday(),
      startTime: '08:00',
      endTime: '12:00',
      weeks,
    });
    // The first Tuesday is taken by someone else: the series conflicts there.
    const api = callerFor(db, person);
    const probe = await api.bookings.createSeries(weekly(1));
    await api.bookings.cancelSeries({ seriesId: probe.seriesId });
    const [taken] = await db.select().from(bookings).where(eq(bookings.seriesId, probe.seriesId));
    if (!taken) throw new Error('no occurrence');
    await callerFor(db, await makeUser(db, home)).bookings.create({
      vehicleId: car.id,
      from: taken.startsAt,
      to: taken.endsAt,
    });

    const error = await browserClient(person)
      .bookings.createSeries.mutate(weekly(2))
      .catch((e: unknown) => e);

    expect(problemOf(error)).toMatchObject({ code: 'SERIES_CONFLICTS', fields: {} });
    const conflicts = detailsOf(error, 'SERIES_CONFLICTS')?.conflicts;
    expect(conflicts).toHaveLength(1);
    expect(conflicts?.[0]?.start).toEqual(taken.startsAt);
    expect(detailsOf(error, 'POLICY_VIOLATION')).toBeUndefined();
  });

  it('gives the field errors of invalid input, and nothing for an error that is not tRPC’s', async () => {
    const person = await makeUser(database.db, await makeMunicipality(database.db));
    const error = await browserClient(person)
      .bookings.create.mutate({ vehicleId: 'kein-uuid', from: new Date(), to: new Date() })
      .catch((e: unknown) => e);
    const problem = problemOf(error);
    expect(problem.code).toBe('INVALID_INPUT');
    expect(Object.keys(problem.fields)).toContain('vehicleId');
    expect(problemOf(new Error('kaputt'))).toEqual({
      message: de.errors.generic,
      code: undefined,
      fields: {},
    });
  });
});
