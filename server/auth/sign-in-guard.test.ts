import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { sessions, signInAddressCounts, users } from '@/db/schema';
import { CLIENT_ADDRESS_HEADER, CLIENT_ADDRESS_TRUSTED_ENV, UNKNOWN_CLIENT } from './client-address';
import {
  freshAddress,
  PASSWORD,
  personWithPassword,
  post,
  rotatingXff,
  signInTestKit,
  statuses,
} from './sign-in-test-kit';
import { ADDRESS_LIMIT } from './throttle-rules';

const { database, auth: authInstance, signIn } = signInTestKit();

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

describe('self-service account changes over /api/auth', () => {
  it('cannot rename oneself, change one’s address or delete oneself', async () => {
    const { person } = await personWithPassword(database.db);
    const signedIn = await signIn(person.email, PASSWORD, { [CLIENT_ADDRESS_HEADER]: freshAddress() });
    expect(signedIn.status).toBe(200);
    const cookie = signedIn.headers
      .getSetCookie()
      .map((entry) => entry.split(';')[0])
      .join('; ');

    const session = await authInstance().handler(
      new Request('http://localhost/api/auth/get-session', {
        headers: { cookie, origin: 'http://localhost' },
      }),
    );
    expect(await session.json()).toMatchObject({ user: { id: person.id } });

    const attempts = await statuses([
      post(authInstance(), '/update-user', { name: 'Selbst Ernannt' }, { cookie }),
      post(authInstance(), '/change-email', { newEmail: 'neu@test.example' }, { cookie }),
      post(authInstance(), '/delete-user', { password: PASSWORD }, { cookie }),
      post(authInstance(), '/update-session', { ipAddress: '1.2.3.4' }, { cookie }),
      post(
        authInstance(),
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
