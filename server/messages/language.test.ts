import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import type { SessionUser } from '../auth/queries';
import { AppError } from '../errors';
import { trpcHttpHandler } from '../http/trpc-handler';
import { testContext } from '../test-context';
import { callerFor, makeMunicipality, makeUser, makeVehicle } from '../test-support';
import { languageOf } from './language';

const database = testDatabaseForFile();
const APP = 'http://app.test';

async function person(language: 'de' | 'en'): Promise<SessionUser> {
  const user = await makeUser(database.db, await makeMunicipality(database.db));
  await database.db.update(users).set({ language }).where(eq(users.id, user.id));
  return { ...user, language };
}

/** The route's handler with the context's language chosen as createContext chooses it. */
const handlerFor = (user: SessionUser | null) =>
  trpcHttpHandler({
    appOrigin: APP,
    createContext: async (request) => ({
      ...testContext(database.db, user),
      language: languageOf(request.headers, user),
    }),
  });

const post = (path: string, input: unknown, headers: Record<string, string> = {}) =>
  new Request(`${APP}/api/trpc/${path}`, {
    method: 'POST',
    body: JSON.stringify(superjson.serialize(input)),
    headers: { host: 'app.test', origin: APP, 'content-type': 'application/json', ...headers },
  });

type ErrorBody = {
  error: { json: { message: string; data: { appCode?: string; fieldErrors?: Record<string, string[]> } } };
};
const errorOf = async (response: Response) => ((await response.json()) as ErrorBody).error.json;

describe('the language of a request', () => {
  it('is the signed-in person’s own, else the browser’s cookie, else German', () => {
    const headers = new Headers({ cookie: 'theme=dark; sprache=en' });
    expect(languageOf(headers, null)).toBe('en');
    expect(languageOf(headers, { language: 'de' })).toBe('de');
    expect(languageOf(new Headers({ cookie: 'sprache=fr' }), null)).toBe('de');
    expect(languageOf(new Headers(), null)).toBe('de');
  });
});

describe('server errors in the reader’s language', () => {
  it('keeps one entry per code, German for the log and in German answers', () => {
    const error = new AppError('BOOKING_NOT_FOUND');
    expect(error.message).toBe('Diese Buchung gibt es nicht (mehr).');
    expect(error.messageIn('de')).toBe(error.message);
    expect(error.messageIn('en')).toBe('This booking does not exist (any more).');
  });

  it('answers a domain refusal in the person’s language', async () => {
    const id = randomUUID();
    await expect(callerFor(database.db, await person('de')).bookings.byId({ id })).rejects.toMatchObject({
      message: 'Diese Buchung gibt es nicht (mehr).',
    });
    await expect(callerFor(database.db, await person('en')).bookings.byId({ id })).rejects.toMatchObject({
      message: 'This booking does not exist (any more).',
    });
  });

  it('names a broken booking rule in the person’s language', async () => {
    const home = await makeMunicipality(database.db);
    const car = await makeVehicle(database.db, home);
    const from = new Date(Date.now() + 90 * 86_400_000);
    const booking = { vehicleId: car.id, from, to: new Date(from.getTime() + 3_600_000) };
    for (const [language, sentence] of [
      ['de', 'Buchungen sind höchstens 60 Tage im Voraus möglich.'],
      ['en', 'Bookings are possible at most 60 days ahead.'],
    ] as const) {
      const user = await makeUser(database.db, home);
      await database.db.update(users).set({ language }).where(eq(users.id, user.id));
      await expect(
        callerFor(database.db, { ...user, language }).bookings.create(booking),
      ).rejects.toMatchObject({
        message: sentence,
      });
    }
  });

  it('gives field errors and the summary in English to an English-speaking person, over HTTP', async () => {
    const english = await handlerFor(await person('en'))(
      post('bookings.create', {
        vehicleId: 'kein-uuid',
        from: new Date(),
        to: new Date(),
        purpose: 'a\u0007b',
      }),
    );
    const error = await errorOf(english);
    expect(error.message).toBe('Please check the marked entries.');
    expect(error.data.appCode).toBe('INVALID_INPUT');
    expect(error.data.fieldErrors?.purpose).toEqual([
      'Please enter without control characters and line breaks.',
    ]);
    expect(error.data.fieldErrors?.vehicleId).toEqual(['This entry does not have the expected form.']);

    const german = await errorOf(
      await handlerFor(await person('de'))(post('bookings.create', { vehicleId: randomUUID(), purpose: 1 })),
    );
    expect(german.message).toBe('Bitte prüfen Sie die markierten Eingaben.');
    expect(german.data.fieldErrors?.from).toEqual(['Bitte ausfüllen.']);
    expect(german.data.fieldErrors?.purpose).toEqual(['Diese Angabe hat nicht die erwartete Form.']);
  });

  it('answers before sign-in, and refusals before any procedure, in the cookie’s language', async () => {
    const handle = handlerFor(null);
    const cookie = { cookie: 'sprache=en' };
    expect((await errorOf(await handle(post('bookings.cancel', { id: randomUUID() }, cookie)))).message).toBe(
      'Please sign in.',
    );
    expect((await errorOf(await handle(post('bookings.cancel', { id: randomUUID() })))).message).toBe(
      'Bitte melden Sie sich an.',
    );
    const foreign = await handle(
      post('bookings.cancel', { id: randomUUID() }, { ...cookie, origin: 'https://evil.example' }),
    );
    expect(foreign.status).toBe(403);
    expect((await errorOf(foreign)).message).toBe(
      'This request did not come from this application itself and was refused.',
    );
    const unknown = await handle(post('bookings.nothingHere', undefined, cookie));
    expect((await errorOf(unknown)).message).toBe('This interface does not exist.');
  });
});
