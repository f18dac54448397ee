import { eq } from 'drizzle-orm';
import superjson from 'superjson';
import { afterAll, describe, expect, it } from 'vitest';
import { bookings, calendarFeeds } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { AppError, type AppErrorCode } from '../errors';
import { testContext } from '../test-context';
import { hoursFromNow, makeMunicipality, makeUser, makeVehicle } from '../test-support';
import { trpcHttpHandler } from './trpc-handler';

const database = testDatabaseForFile();
const APP = 'http://app.test';
const FOREIGN = 'https://evil.example';

// Real Request objects through the handler the route exports; the context is the signed-in person
// directly (the session cookie is better-auth's part), so a refusal is the guard's, not a lost login.
async function signedIn() {
  const { db } = database;
  const home = await makeMunicipality(db);
  const user = await makeUser(db, home);
  const car = await makeVehicle(db, home);
  const handle = trpcHttpHandler({
    appOrigin: APP,
    createContext: async (request) => testContext(db, user, request.headers.get('authorization')),
  });
  return { db, user, car, handle };
}

const json = (value: unknown) => JSON.stringify(superjson.serialize(value));
const post = (path: string, init: { body?: BodyInit; headers?: Record<string, string> } = {}) =>
  new Request(`${APP}/api/trpc/${path}`, {
    method: 'POST',
    body: init.body ?? '',
    headers: { host: 'app.test', origin: APP, 'content-type': 'application/json', ...init.headers },
  });
const get = (pathAndQuery: string, headers: Record<string, string> = {}) =>
  new Request(`${APP}/api/trpc/${pathAndQuery}`, { headers: { host: 'app.test', ...headers } });

type ErrorBody = { error: { json: { message: string; data: { appCode?: string; httpStatus: number } } } };
const table: { probe: string; status: number; appCode: string; message: string }[] = [];

/** Answers a probe and records it; every refusal must be a typed 4xx with a sentence from our catalogue. */
async function probe(
  name: string,
  response: Response,
  expected: { status: number; appCode: AppErrorCode | readonly AppErrorCode[] },
) {
  const text = await response.text();
  const parsed = JSON.parse(text) as ErrorBody | ErrorBody[];
  const first = Array.isArray(parsed) ? parsed[0] : parsed;
  const error = first?.error.json;
  table.push({
    probe: name,
    status: response.status,
    appCode: error?.data.appCode ?? '',
    message: error?.message ?? '',
  });
  expect(response.status, name).toBe(expected.status);
  expect(text, name).not.toMatch(
    /Cannot |call stack|Unexpected|SyntaxError|No procedure|Unsupported|"stack":"|at .+\.(js|ts):\d+/,
  );
  const codes: readonly AppErrorCode[] =
    typeof expected.appCode === 'string' ? [expected.appCode] : expected.appCode;
  const code = codes.find((candidate) => candidate === error?.data.appCode);
  expect(code, `${name}: appCode ${error?.data.appCode}`).toBeDefined();
  if (code) expect(error?.message, name).toBe(new AppError(code).message);
  return first;
}

afterAll(() => {
  if (process.env.PROBE_TABLE) console.table(table);
});

describe('/api/trpc over HTTP', () => {
  it('refuses a request from another site, whatever its body, before anything changes', async () => {
    const { db, user, handle } = await signedIn();
    const multipart = new FormData();
    multipart.set('x', '1');
    const form = (headers: Record<string, string>) =>
      new Request(`${APP}/api/trpc/calendar.createFeed`, { method: 'POST', body: multipart, headers });
    await probe(
      'POST multipart, Origin evil.example',
      await handle(form({ host: 'app.test', origin: FOREIGN })),
      {
        status: 403,
        appCode: 'FOREIGN_ORIGIN',
      },
    );
    await probe(
      'POST JSON, Origin evil.example',
      await handle(post('calendar.createFeed', { headers: { origin: FOREIGN } })),
      {
        status: 403,
        appCode: 'FOREIGN_ORIGIN',
      },
    );
    await probe(
      'POST JSON, Origin null',
      await handle(post('calendar.createFeed', { headers: { origin: 'null' } })),
      {
        status: 403,
        appCode: 'FOREIGN_ORIGIN',
      },
    );
    const crossSite = post('calendar.createFeed', { headers: { 'sec-fetch-site': 'cross-site' } });
    crossSite.headers.delete('origin');
    await probe('POST JSON, Sec-Fetch-Site cross-site, no Origin', await handle(crossSite), {
      status: 403,
      appCode: 'FOREIGN_ORIGIN',
    });
    await probe('GET query, Origin evil.example', await handle(get('calendar.feed', { origin: FOREIGN })), {
      status: 403,
      appCode: 'FOREIGN_ORIGIN',
    });
    expect(await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, user.id))).toEqual([]);

    // Our own page, and the same app under another name of its host, still get through.
    expect((await handle(post('calendar.createFeed'))).status).toBe(200);
    const otherName = post('calendar.revokeFeed', {
      headers: { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' },
    });
    expect((await handle(otherName)).status).toBe(200);
  });

  it('lets a client without Origin through (the station gateways)', async () => {
    const { handle } = await signedIn();
    const request = post('calendar.createFeed');
    request.headers.delete('origin');
    expect((await handle(request)).status).toBe(200);
  });

  it('takes only JSON bodies on POST', async () => {
    const { db, user, handle } = await signedIn();
    const multipart = new FormData();
    multipart.set('x', '1');
    const sameSiteForm = new Request(`${APP}/api/trpc/calendar.createFeed`, {
      method: 'POST',
      body: multipart,
      headers: { host: 'app.test', origin: APP },
    });
    await probe('POST multipart, own Origin', await handle(sameSiteForm), {
      status: 415,
      appCode: 'UNSUPPORTED_MEDIA_TYPE',
    });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/octet-stream']) {
      const request = post('calendar.createFeed', { body: 'a=1', headers: { 'content-type': type } });
      await probe(`POST ${type}`, await handle(request), { status: 415, appCode: 'UNSUPPORTED_MEDIA_TYPE' });
    }
    const bare = post('calendar.createFeed');
    bare.headers.delete('content-type');
    await probe('POST without Content-Type', await handle(bare), {
      status: 415,
      appCode: 'UNSUPPORTED_MEDIA_TYPE',
    });
    const upper = post('calendar.createFeed', {
      headers: { 'content-type': 'Application/JSON; charset=utf-8' },
    });
    expect((await handle(upper)).status).toBe(200);
    expect(await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, user.id))).toHaveLength(1);
  });

  it('refuses bodies over the limit, declared or streamed', async () => {
    const { handle } = await signedIn();
    const big = JSON.stringify({ json: { id: 'x'.repeat(300 * 1024) } });
    await probe('POST 300 KiB body', await handle(post('bookings.cancel', { body: big })), {
      status: 413,
      appCode: 'REQUEST_TOO_LARGE',
    });
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 8) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const streamed = new Request(`${APP}/api/trpc/bookings.cancel`, {
      method: 'POST',
      body: stream,
      headers: { host: 'app.test', origin: APP, 'content-type': 'application/json' },
      duplex: 'half',
    } as RequestInit);
    await probe('POST 512 KiB chunked, no Content-Length', await handle(streamed), {
      status: 413,
      appCode: 'REQUEST_TOO_LARGE',
    });
    expect(sent).toBeLessThan(8); // stopped reading at the limit
  });

  it('caps the calls in one batch', async () => {
    const { handle } = await signedIn();
    const batch = (n: number) =>
      `${Array.from({ length: n }, () => 'region.settings').join(',')}?batch=1&input={}`;
    expect((await handle(get(batch(16)))).status).toBe(200);
    await probe('GET batch of 17 calls', await handle(get(batch(17))), {
      status: 400,
      appCode: 'BATCH_TOO_LARGE',
    });
    await probe('GET batch of 1000 calls', await handle(get(batch(1000))), {
      status: 400,
      appCode: 'BATCH_TOO_LARGE',
    });
  });

  it('answers broken, deep and wrongly shaped input with a typed 400', async () => {
    const { handle } = await signedIn();
    const malformed = { status: 400, appCode: 'MALFORMED_REQUEST' } as const;
    // Well-formed JSON of the wrong shape: refused by tRPC's envelope check or by the procedure's schema.
    const invalid = { status: 400, appCode: ['INVALID_INPUT', 'MALFORMED_REQUEST'] } as const;
    await probe(
      'POST broken JSON',
      await handle(post('bookings.cancel', { body: '{"json": {"id": ' })),
      malformed,
    );
    await probe('POST empty body', await handle(post('bookings.cancel', { body: '' })), malformed);
    await probe('GET broken JSON input', await handle(get('bookings.byId?input=%7B%22json')), malformed);
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    await probe('POST 20000-deep JSON', await handle(post('bookings.cancel', { body: deep })), malformed);
    await probe(
      'GET 20000-deep JSON input',
      await handle(get(`bookings.byId?input=${encodeURIComponent(deep)}`)),
      malformed,
    );
    await probe('POST JSON null', await handle(post('bookings.cancel', { body: 'null' })), invalid);
    await probe('POST JSON number', await handle(post('bookings.cancel', { body: '42' })), invalid);
    await probe(
      'POST {"json": "text"}',
      await handle(post('bookings.cancel', { body: '{"json":"text"}' })),
      invalid,
    );
    await probe(
      'POST wrong field type',
      await handle(post('bookings.cancel', { body: json({ id: 42 }) })),
      invalid,
    );
    await probe(
      'POST superjson meta garbage',
      await handle(post('bookings.cancel', { body: '{"json":{"id":"x"},"meta":{"values":"Date"}}' })),
      invalid,
    );
    await probe(
      'POST batch input null',
      await handle(post('bookings.cancel?batch=1', { body: 'null' })),
      invalid,
    );
    await probe(
      'POST batch input [null]',
      await handle(post('bookings.cancel?batch=1', { body: '[null]' })),
      malformed,
    );
    await probe(
      'POST batch input {"0":null}',
      await handle(post('bookings.cancel?batch=1', { body: '{"0":null}' })),
      malformed,
    );
    await probe(
      'POST batch input "x"',
      await handle(post('bookings.cancel?batch=1', { body: '"x"' })),
      malformed,
    );
    await probe('GET input missing', await handle(get('bookings.byId')), invalid);
    await probe('GET input={}', await handle(get('bookings.byId?input=%7B%7D')), invalid);
  });

  it('answers unknown paths and wrong methods with a typed 404 and 405', async () => {
    const { handle } = await signedIn();
    await probe('GET unknown procedure', await handle(get('nothing.here')), {
      status: 404,
      appCode: 'UNKNOWN_PROCEDURE',
    });
    await probe('GET /api/trpc (no path)', await handle(get('')), {
      status: 404,
      appCode: 'UNKNOWN_PROCEDURE',
    });
    await probe('GET a mutation', await handle(get('calendar.createFeed')), {
      status: 405,
      appCode: 'METHOD_NOT_ALLOWED',
    });
    await probe('POST a query', await handle(post('region.settings', { body: '{}' })), {
      status: 405,
      appCode: 'METHOD_NOT_ALLOWED',
    });
    for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const response = await handle(
        new Request(`${APP}/api/trpc/region.settings`, { method, headers: { host: 'app.test' } }),
      );
      expect(response.headers.get('allow')).toBe('GET, POST');
      await probe(`${method} a procedure`, response, { status: 405, appCode: 'METHOD_NOT_ALLOWED' });
    }
  });

  it('refuses control characters in free text with a German field error, and stores nothing', async () => {
    const { db, car, handle } = await signedIn();
    const slot = hoursFromNow(24, 2);
    const response = await handle(
      post('bookings.create', { body: json({ vehicleId: car.id, ...slot, purpose: 'Dienstfahrt\u0000' }) }),
    );
    const error = await probe('POST bookings.create, NUL in purpose', response, {
      status: 400,
      appCode: 'INVALID_INPUT',
    });
    expect(error?.error.json.data).toMatchObject({
      fieldErrors: { purpose: ['Bitte ohne Steuerzeichen und Zeilenumbrüche eingeben.'] },
    });
    expect(await db.select().from(bookings).where(eq(bookings.vehicleId, car.id))).toEqual([]);
  });
});
