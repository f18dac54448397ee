import { randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { accounts } from '@/db/schema';
import { openTestDatabase } from '@/db/test-db';
import { sessionUser } from '../context';
import { makeMunicipality, makeUser } from '../test-support';
import { type Auth, createAuth } from './auth';
import { CLIENT_ADDRESS_HEADER, CLIENT_ADDRESS_TRUSTED_ENV } from './client-address';

let database: Database;
let auth: Auth;
beforeAll(async () => {
  database = await openTestDatabase();
  auth = createAuth(database.db, {
    secret: 'test-secret-of-at-least-32-characters!',
    baseURL: 'http://localhost',
  });
});
afterAll(() => database.close());
// An address of this file alone, so its failures never count against another test's sign-ins.
const address = `2001:db8:${randomUUID().slice(0, 4)}::1`;
beforeEach(() => {
  vi.stubEnv(CLIENT_ADDRESS_TRUSTED_ENV, '1');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

async function personWithPassword(password: string) {
  const person = await makeUser(database.db, await makeMunicipality(database.db), 'fleet_manager');
  await database.db.insert(accounts).values({
    userId: person.id,
    accountId: person.id,
    providerId: 'credential',
    password: await hashPassword(password),
  });
  return person;
}

const signIn = (email: string, password: string) =>
  auth.api.signInEmail({
    body: { email, password },
    headers: new Headers({ [CLIENT_ADDRESS_HEADER]: address }),
    asResponse: true,
  });

const cookieOf = (response: Response) =>
  new Headers({
    cookie: response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; '),
  });

describe('sign-in with e-mail and password', () => {
  it('sets an httpOnly session cookie that carries the person and role into the context', async () => {
    const person = await personWithPassword('richtig-geheim-42');
    const response = await signIn(person.email, 'richtig-geheim-42');
    expect(response.status).toBe(200);
    const setCookie = response.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(await sessionUser(database.db, auth, cookieOf(response))).toMatchObject({
      id: person.id,
      role: 'fleet_manager',
      municipalityId: person.municipalityId,
    });
  });

  it('refuses a wrong password and creates no session', async () => {
    const person = await personWithPassword('richtig-geheim-42');
    const response = await signIn(person.email, 'falsch-geraten-42');
    expect(response.status).toBe(401);
    expect(await sessionUser(database.db, auth, cookieOf(response))).toBeNull();
  });

  it('stores no password in clear', async () => {
    const person = await personWithPassword('richtig-geheim-42');
    const rows = await database.db.select().from(accounts);
    const own = rows.find((row) => row.userId === person.id);
    expect(own?.password).toBeTruthy();
    expect(own?.password).not.toContain('richtig-geheim-42');
  });

  it('does not let anyone sign up', async () => {
    const response = await auth.api.signUpEmail({
      body: { email: 'neu@test.example', password: 'ein-langes-passwort', name: 'Neu' },
      asResponse: true,
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    await expect(signIn('neu@test.example', 'ein-langes-passwort')).resolves.toHaveProperty('status', 401);
  });

  it('treats a forged cookie as anonymous', async () => {
    const headers = new Headers({ cookie: 'better-auth.session_token=forged.value' });
    expect(await sessionUser(database.db, auth, headers)).toBeNull();
  });
});
