import { randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { afterEach, beforeAll, beforeEach, vi } from 'vitest';
import type { Db } from '@/db/client';
import { accounts } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { makeMunicipality, makeUser } from '../test-support';
import { type Auth, createAuth } from './auth';
import { CLIENT_ADDRESS_TRUSTED_ENV } from './client-address';

export const AUTH_CONFIG = { secret: 'test-secret-of-at-least-32-characters!', baseURL: 'http://localhost' };
export const PASSWORD = 'richtig-geheim-42';

/**
 * A sign-in test file's database and auth instance, with the client-address header trusted as
 * server/http-server.ts makes it in production. Call once at the top of the file.
 */
export function signInTestKit() {
  const database = testDatabaseForFile();
  let auth: Auth | undefined;
  beforeAll(() => {
    auth = createAuth(database.db, AUTH_CONFIG);
  });
  beforeEach(() => {
    vi.stubEnv(CLIENT_ADDRESS_TRUSTED_ENV, '1');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });
  const currentAuth = (): Auth => {
    if (!auth) throw new Error('auth is made in beforeAll: use it inside a test');
    return auth;
  };
  const signIn = (
    email: string,
    password: string,
    headers: Record<string, string>,
    instance = currentAuth(),
  ) => post(instance, '/sign-in/email', { email, password }, headers);
  return { database, auth: currentAuth, signIn };
}

export function post(instance: Auth, path: string, body: unknown, headers: Record<string, string> = {}) {
  return instance.handler(
    new Request(`http://localhost/api/auth${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost', ...headers },
      body: JSON.stringify(body),
    }),
  );
}

/** An address of this test alone, so tests sharing one PostgreSQL never share a bucket. */
export const freshAddress = () => `2001:db8:${randomUUID().slice(0, 4)}::${randomUUID().slice(0, 4)}`;

/** A random XFF each time, as an attacker rotating it would send. */
export const rotatingXff = (index: number) => `198.51.100.${index % 250}, 203.0.113.${(index * 7) % 250}`;

export async function statuses(responses: Promise<Response>[] | Response[]) {
  return (await Promise.all(responses)).map((response) => response.status);
}

export async function personWithPassword(db: Db, role: 'staff' | 'fleet_manager' = 'staff') {
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
