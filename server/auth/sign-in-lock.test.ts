import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { notifications, signInAccountFailures, signInAddressCounts } from '@/db/schema';
import { calendarOptions } from '../calendar/test-support';
import { renderNotice } from '../notifications/render';
import { callerFor, makeMunicipality, makeUser } from '../test-support';
import { createAuth } from './auth';
import { CLIENT_ADDRESS_HEADER } from './client-address';
import {
  AUTH_CONFIG,
  freshAddress,
  PASSWORD,
  personWithPassword,
  signInTestKit,
  statuses,
} from './sign-in-test-kit';
import { ACCOUNT_BACKOFF } from './throttle-rules';

const { database, auth: authInstance, signIn } = signInTestKit();

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
      const other = createAuth(second?.db ?? database.db, AUTH_CONFIG);
      const address = freshAddress();
      const seen = [];
      for (let index = 0; index < 12; index++)
        seen.push(
          (
            await signIn(
              `${randomUUID()}@test.example`,
              'falsch',
              { [CLIENT_ADDRESS_HEADER]: address },
              [authInstance(), other][index % 2],
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
