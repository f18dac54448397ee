import { randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Db, openDatabase } from '@/db/client';
import {
  accounts,
  notifications,
  sessions,
  signInAccountFailures,
  signInAddressCounts,
  users,
} from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { calendarOptions } from '../calendar/test-support';
import { renderNotice } from '../notifications/render';
import { callerFor, makeMunicipality, makeUser } from '../test-support';
import { type Auth, createAuth } from './auth';
import { CLIENT_ADDRESS_HEADER, CLIENT_ADDRESS_TRUSTED_ENV, UNKNOWN_CLIENT } from './client-address';
import { ACCOUNT_BACKOFF, ADDRESS_LIMIT } from './throttle-rules';

const database = testDatabaseForFile();
const config = { secret: 'test-secret-of-at-least-32-characters!', baseURL: 'http://localhost' };
const PASSWORD = 'richtig-geheim-42';
let auth: Auth;
beforeAll(() => {
  auth = createAuth(database.db, config);
});

/** As server/http-server.ts does in production: the socket peer in our own header. */
beforeEach(() => {
  vi.stubEnv(CLIENT_ADDRESS_TRUSTED_ENV, '1');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

/** An address of this test alone, so tests sharing one PostgreSQL never share a bucket. */
const freshAddress = () => `2001:db8:${randomUUID().slice(0, 4)}::${randomUUID().slice(0, 4)}`;

function post(instance: Auth, path: string, body: unknown, headers: Record<string, string> = {}) {
  return instance.handler(
    new Request(`http://localhost/api/auth${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost', ...headers },
      body: JSON.stringify(body),
    }),
  );
}

const signIn = (email: string, password: string, headers: Record<string, string>, instance = auth) =>
  post(instance, '/sign-in/email', { email, password }, headers);

async function personWithPassword(db: Db, role: 'staff' | 'fleet_manager' = 'staff') {
  const municipality = await makeMunicipality(db);
  const person = await makeUser(db, municipality, role);
  await db.insert(accounts).values({
    userId: person.id,
    accountId: person.id,
    providerId: 'credential',
    password: await hashPassword(PASSWORD),
  });
  return { person, municipality };
}

/** A random XFF each time, as an attacker rotating it would send. */
const rotatingXff = (index: number) => `198.51.100.${index % 250}, 203.0.113.${(index * 7) % 250}`;

async function statuses(responses: Promise<Response>[] | Response[]) {
  return (await Promise.all(responses)).map((response) => response.status);
}

describe('per-address limit', () => {
  it('refuses an address with a NUL byte or beyond 254 characters as bad input, counting nothing', async () => {
    const address = freshAddress();
    for (const email of ['a\u0000b@test.example', `${'x'.repeat(250)}@test.example`, 'kein-at-zeichen']) {
      const response = await signIn(email, 'falsch-geraten-42', { [CLIENT_ADDRESS_HEADER]: address });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'INVALID_EMAIL' });
    }
    const [counted] = await database.db
      .select()
      .from(signInAddressCounts)
      .where(eq(signInAddressCounts.address, address));
    expect(counted).toBeUndefined();
  });

  it('is not fooled by a rotating X-Forwarded-For: 401 ×10, then 429 ×10', async () => {
    const address = freshAddress();
    const seen: number[] = [];
    for (let index = 0; index < 20; index++) {
      // A different, non-existent account each time, so only the address limit can stop it.
      const response = await signIn(`${randomUUID()}@test.example`, 'falsch-geraten-42', {
        [CLIENT_ADDRESS_HEADER]: address,
        'x-forwarded-for': rotatingXff(index),
      });
      seen.push(response.status);
    }
    expect(seen).toEqual([...Array(10).fill(401), ...Array(10).fill(429)]);
  });

  it('counts every request as one client when the address is unknown (no trusted server in front)', async () => {
    vi.stubEnv(CLIENT_ADDRESS_TRUSTED_ENV, '');
    await database.db.delete(signInAddressCounts).where(eq(signInAddressCounts.address, UNKNOWN_CLIENT));
    try {
      const seen: number[] = [];
      for (let index = 0; index < 12; index++) {
        const response = await signIn(`${randomUUID()}@test.example`, 'falsch-geraten-42', {
          [CLIENT_ADDRESS_HEADER]: freshAddress(),
          'x-forwarded-for': rotatingXff(index),
        });
        seen.push(response.status);
      }
      expect(seen).toEqual([...Array(10).fill(401), 429, 429]);
    } finally {
      await database.db.delete(signInAddressCounts).where(eq(signInAddressCounts.address, UNKNOWN_CLIENT));
    }
  });

  it('stops the reported attack: 20 wrong passwords for one account, rotating X-Forwarded-For, bare server', async () => {
    vi.stubEnv(CLIENT_ADDRESS_TRUSTED_ENV, '');
    await database.db.delete(signInAddressCounts).where(eq(signInAddressCounts.address, UNKNOWN_CLIENT));
    try {
      const { person } = await personWithPassword(database.db);
      const seen: number[] = [];
      for (let index = 0; index < 20; index++)
        seen.push(
          (await signIn(person.email, `falsch-${index}`, { 'x-forwarded-for': rotatingXff(index) })).status,
        );
      expect(seen).toEqual([...Array(5).fill(401), ...Array(15).fill(429)]);
    } finally {
      await database.db.delete(signInAddressCounts).where(eq(signInAddressCounts.address, UNKNOWN_CLIENT));
    }
  });

  it('answers 429 with Retry-After and the German sentence with the seconds in the body', async () => {
    const address = freshAddress();
    for (let index = 0; index < ADDRESS_LIMIT.maxFailures; index++)
      await signIn(`${randomUUID()}@test.example`, 'falsch-geraten-42', { [CLIENT_ADDRESS_HEADER]: address });
    const response = await signIn(`${randomUUID()}@test.example`, 'x', { [CLIENT_ADDRESS_HEADER]: address });
    expect(response.status).toBe(429);
    const seconds = Number(response.headers.get('retry-after'));
    expect(seconds).toBeGreaterThan(ADDRESS_LIMIT.windowMs / 1000 - 30);
    expect(seconds).toBeLessThanOrEqual(ADDRESS_LIMIT.windowMs / 1000);
    expect(await response.json()).toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
      retryAfter: seconds,
      message: `Zu viele Versuche – bitte in ${seconds} Sekunden erneut versuchen`,
    });
  });

  it('does not count correct sign-ins: a town hall behind one address signs in all morning', async () => {
    const address = freshAddress();
    const { person } = await personWithPassword(database.db);
    const seen = [];
    for (let index = 0; index < 15; index++)
      seen.push((await signIn(person.email, PASSWORD, { [CLIENT_ADDRESS_HEADER]: address })).status);
    expect(seen).toEqual(Array(15).fill(200));
  });
});

describe('the address of a session', () => {
  it('is the one clientAddressOf gives, not what the client wrote in X-Forwarded-For', async () => {
    const { person } = await personWithPassword(database.db);
    const address = freshAddress();
    const response = await signIn(person.email, PASSWORD, {
      [CLIENT_ADDRESS_HEADER]: address,
      'x-forwarded-for': '6.6.6.6',
    });
    expect(response.status).toBe(200);
    const rows = await database.db.select().from(sessions).where(eq(sessions.userId, person.id));
    expect(rows.map((row) => row.ipAddress)).toEqual([address]);
  });
});

describe('per-account back-off', () => {
  it('locks after 5 wrong passwords even from 5 different addresses, and refuses the right one then', async () => {
    const { person } = await personWithPassword(database.db);
    const seen = [];
    for (let index = 0; index < 7; index++)
      seen.push(
        (await signIn(person.email, `falsch-${index}-geraten`, { [CLIENT_ADDRESS_HEADER]: freshAddress() }))
          .status,
      );
    expect(seen).toEqual([401, 401, 401, 401, 401, 429, 429]);

    const right = await signIn(person.email, PASSWORD, { [CLIENT_ADDRESS_HEADER]: freshAddress() });
    expect(right.status).toBe(429);
    expect(right.headers.getSetCookie()).toEqual([]);
    const seconds = Number(right.headers.get('retry-after'));
    expect(seconds).toBeGreaterThan(50);
    expect(seconds).toBeLessThanOrEqual(ACCOUNT_BACKOFF.firstLockMs / 1000);
  });

  it('treats the e-mail case-insensitively', async () => {
    const { person } = await personWithPassword(database.db);
    for (let index = 0; index < 5; index++)
      await signIn(index % 2 ? person.email.toUpperCase() : person.email, 'falsch-geraten', {
        [CLIENT_ADDRESS_HEADER]: freshAddress(),
      });
    const right = await signIn(person.email, PASSWORD, { [CLIENT_ADDRESS_HEADER]: freshAddress() });
    expect(right.status).toBe(429);
  });

  it('lets at most 5 of 20 parallel guesses reach the password check', async () => {
    const { person } = await personWithPassword(database.db);
    const seen = await statuses(
      Array.from({ length: 20 }, (_, index) =>
        signIn(person.email, `parallel-${index}-falsch`, { [CLIENT_ADDRESS_HEADER]: freshAddress() }),
      ),
    );
    expect(seen.filter((status) => status === 401)).toHaveLength(5);
    expect(seen.filter((status) => status === 429)).toHaveLength(15);
  });

  it('doubles the lock with each further failure once a lock has run out', async () => {
    const { person } = await personWithPassword(database.db);
    for (let index = 0; index < 5; index++)
      await signIn(person.email, 'falsch-geraten', { [CLIENT_ADDRESS_HEADER]: freshAddress() });
    const key = person.email.toLowerCase();
    const expire = () =>
      database.db
        .update(signInAccountFailures)
        .set({ lockedUntil: new Date(Date.now() - 1000) })
        .where(eq(signInAccountFailures.email, key));
    const retryAfterNextFailure = async () => {
      await expire();
      expect((await signIn(person.email, 'falsch', { [CLIENT_ADDRESS_HEADER]: freshAddress() })).status).toBe(
        401,
      );
      const refused = await signIn(person.email, PASSWORD, { [CLIENT_ADDRESS_HEADER]: freshAddress() });
      expect(refused.status).toBe(429);
      return Number(refused.headers.get('retry-after'));
    };
    const sixth = await retryAfterNextFailure();
    const seventh = await retryAfterNextFailure();
    expect(sixth).toBeGreaterThan(110);
    expect(sixth).toBeLessThanOrEqual(120);
    expect(seventh).toBeGreaterThan(230);
    expect(seventh).toBeLessThanOrEqual(240);
  });

  it('forgets the failures after a correct sign-in', async () => {
    const { person } = await personWithPassword(database.db);
    for (let index = 0; index < 4; index++)
      await signIn(person.email, 'falsch-geraten', { [CLIENT_ADDRESS_HEADER]: freshAddress() });
    expect((await signIn(person.email, PASSWORD, { [CLIENT_ADDRESS_HEADER]: freshAddress() })).status).toBe(
      200,
    );
    const seen = [];
    for (let index = 0; index < 5; index++)
      seen.push((await signIn(person.email, 'falsch', { [CLIENT_ADDRESS_HEADER]: freshAddress() })).status);
    expect(seen).toEqual([401, 401, 401, 401, 401]);
  });

  it('tells the person by mail, once per run of failures, in German', async () => {
    const { person } = await personWithPassword(database.db);
    for (let index = 0; index < 5; index++)
      await signIn(person.email, 'falsch-geraten', { [CLIENT_ADDRESS_HEADER]: freshAddress() });
    await database.db
      .update(signInAccountFailures)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(signInAccountFailures.email, person.email.toLowerCase()));
    await signIn(person.email, 'noch-falscher', { [CLIENT_ADDRESS_HEADER]: freshAddress() });

    const queued = await database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipientId, person.id), eq(notifications.kind, 'sign_in_locked')));
    expect(queued).toHaveLength(1);
    const [row] = queued;
    if (!row) throw new Error('no notice');
    const mail = await renderNotice(database.db, row, calendarOptions);
    expect(mail.to).toEqual({ name: person.name, email: person.email });
    expect(mail.subject).toBe('Anmeldung vorübergehend gesperrt');
    expect(mail.text).toContain('5-mal hintereinander ein falsches Passwort');
    expect(mail.text).toContain('Fuhrparkverwaltung Ihrer Kommune');
    expect(mail.text).toContain('https://mobil.partheland.example/anmelden');
  });

  it('sends no mail when the name belongs to nobody, yet locks it alike (no account oracle)', async () => {
    const nobody = `${randomUUID()}@test.example`;
    const seen = [];
    for (let index = 0; index < 6; index++)
      seen.push((await signIn(nobody, 'falsch-geraten', { [CLIENT_ADDRESS_HEADER]: freshAddress() })).status);
    expect(seen).toEqual([401, 401, 401, 401, 401, 429]);
  });
});

describe('unlocking a locked account', () => {
  async function lockedPerson() {
    const { person, municipality } = await personWithPassword(database.db);
    for (let index = 0; index < 5; index++)
      await signIn(person.email, 'falsch-geraten', { [CLIENT_ADDRESS_HEADER]: freshAddress() });
    expect((await signIn(person.email, PASSWORD, { [CLIENT_ADDRESS_HEADER]: freshAddress() })).status).toBe(
      429,
    );
    return { person, municipality };
  }

  it('is done by a fleet manager of the person’s municipality; then the right password works', async () => {
    const { person, municipality } = await lockedPerson();
    const manager = await makeUser(database.db, municipality, 'fleet_manager');
    await expect(callerFor(database.db, manager).auth.unlockSignIn({ userId: person.id })).resolves.toEqual({
      wasLocked: true,
    });
    expect((await signIn(person.email, PASSWORD, { [CLIENT_ADDRESS_HEADER]: freshAddress() })).status).toBe(
      200,
    );
  });

  it('is refused to a fleet manager of another municipality and to staff; the lock stays', async () => {
    const { person } = await lockedPerson();
    const foreign = await makeUser(database.db, await makeMunicipality(database.db), 'fleet_manager');
    await expect(
      callerFor(database.db, foreign).auth.unlockSignIn({ userId: person.id }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      cause: { code: 'OTHER_MUNICIPALITY' },
    });
    const staff = await makeUser(database.db, await makeMunicipality(database.db), 'staff');
    await expect(
      callerFor(database.db, staff).auth.unlockSignIn({ userId: person.id }),
    ).rejects.toMatchObject({
      cause: { code: 'FORBIDDEN_ROLE' },
    });
    expect((await signIn(person.email, PASSWORD, { [CLIENT_ADDRESS_HEADER]: freshAddress() })).status).toBe(
      429,
    );
  });

  it('is done by the operator for anyone; an unknown person is PERSON_NOT_FOUND', async () => {
    const { person } = await lockedPerson();
    const operator = await makeUser(database.db, null, 'operator');
    const api = callerFor(database.db, operator);
    await expect(api.auth.unlockSignIn({ userId: person.id })).resolves.toEqual({ wasLocked: true });
    await expect(api.auth.unlockSignIn({ userId: randomUUID() })).rejects.toMatchObject({
      cause: { code: 'PERSON_NOT_FOUND' },
    });
  });

  it('of an operator account is refused to every fleet manager', async () => {
    const operator = await makeUser(database.db, null, 'operator');
    const manager = await makeUser(database.db, await makeMunicipality(database.db), 'fleet_manager');
    await expect(
      callerFor(database.db, manager).auth.unlockSignIn({ userId: operator.id }),
    ).rejects.toMatchObject({
      cause: { code: 'OTHER_MUNICIPALITY' },
    });
  });
});

describe('limits across instances', () => {
  it('two auth instances on separate connections to one database are limited as one', async () => {
    // On PostgreSQL a second pool (a second instance's connections); PGlite has one connection.
    const url = process.env.DATABASE_URL;
    const second = url ? await openDatabase({ databaseUrl: url, poolSize: 2 }) : null;
    try {
      const other = createAuth(second?.db ?? database.db, config);
      const address = freshAddress();
      const seen = [];
      for (let index = 0; index < 12; index++)
        seen.push(
          (
            await signIn(
              `${randomUUID()}@test.example`,
              'falsch',
              { [CLIENT_ADDRESS_HEADER]: address },
              [auth, other][index % 2],
            )
          ).status,
        );
      expect(seen).toEqual([...Array(10).fill(401), 429, 429]);

      // The count is the database row and nothing else: remove it and both instances let through.
      const [row] = await database.db
        .select()
        .from(signInAddressCounts)
        .where(eq(signInAddressCounts.address, address));
      expect(row?.attempts).toBe(10);
      await database.db.delete(signInAddressCounts).where(eq(signInAddressCounts.address, address));
      expect(
        (await signIn(`${randomUUID()}@test.example`, 'x', { [CLIENT_ADDRESS_HEADER]: address })).status,
      ).toBe(401);
      expect(
        (await signIn(`${randomUUID()}@test.example`, 'x', { [CLIENT_ADDRESS_HEADER]: address }, other))
          .status,
      ).toBe(401);
    } finally {
      await second?.close();
    }
  });

  it('purges windows and runs of failures that have run out when new rows come', async () => {
    const staleAddress = freshAddress();
    const staleEmail = `${randomUUID()}@test.example`;
    const longAgo = new Date(Date.now() - 2 * ACCOUNT_BACKOFF.memoryMs);
    await database.db
      .insert(signInAddressCounts)
      .values({ address: staleAddress, attempts: 10, windowStartedAt: longAgo });
    await database.db
      .insert(signInAccountFailures)
      .values({ email: staleEmail, failures: 7, lastFailureAt: longAgo, lockedUntil: longAgo });
    await signIn(`${randomUUID()}@test.example`, 'falsch', { [CLIENT_ADDRESS_HEADER]: freshAddress() });
    expect(
      await database.db
        .select()
        .from(signInAddressCounts)
        .where(eq(signInAddressCounts.address, staleAddress)),
    ).toEqual([]);
    expect(
      await database.db
        .select()
        .from(signInAccountFailures)
        .where(eq(signInAccountFailures.email, staleEmail)),
    ).toEqual([]);
  });
});

describe('self-service account changes over /api/auth', () => {
  it('cannot rename oneself, change one’s address or delete oneself', async () => {
    const { person } = await personWithPassword(database.db);
    const signedIn = await signIn(person.email, PASSWORD, { [CLIENT_ADDRESS_HEADER]: freshAddress() });
    expect(signedIn.status).toBe(200);
    const cookie = signedIn.headers
      .getSetCookie()
      .map((entry) => entry.split(';')[0])
      .join('; ');

    const session = await auth.handler(
      new Request('http://localhost/api/auth/get-session', {
        headers: { cookie, origin: 'http://localhost' },
      }),
    );
    expect(await session.json()).toMatchObject({ user: { id: person.id } });

    const attempts = await statuses([
      post(auth, '/update-user', { name: 'Selbst Ernannt' }, { cookie }),
      post(auth, '/change-email', { newEmail: 'neu@test.example' }, { cookie }),
      post(auth, '/delete-user', { password: PASSWORD }, { cookie }),
      post(auth, '/update-session', { ipAddress: '1.2.3.4' }, { cookie }),
      post(
        auth,
        '/change-password',
        { currentPassword: PASSWORD, newPassword: 'ganz-neu-und-lang' },
        { cookie },
      ),
    ]);
    expect(attempts).toEqual([404, 404, 404, 404, 404]);
    const [row] = await database.db.select().from(users).where(eq(users.id, person.id));
    expect(row).toMatchObject({ name: person.name, email: person.email });
  });
});
