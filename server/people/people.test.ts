import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookings, notifications, personTokens, sessions, users } from '@/db/schema';
import { entriesOf } from '../audit/test-kit';
import { freshAddress, PASSWORD, personWithPassword, signInTestKit } from '../auth/sign-in-test-kit';
import { callerFor, hoursFromNow, makeMunicipality, makeUser, makeVehicle } from '../test-support';
import { DEACTIVATION_REASON } from './deactivate';
import { TOKEN_LIFETIME_MS } from './tokens';

const { database, signIn } = signInTestKit();
const NEW_PASSWORD = 'mein-neues-Passwort-7';

/** The link of the newest mail of this kind to the person, read from the outbox as the worker would send it. */
async function mailedLink(userId: string, kind: 'invitation' | 'password_reset') {
  const rows = await database.db
    .select({ payload: notifications.payload, createdAt: notifications.createdAt })
    .from(notifications)
    .where(and(eq(notifications.recipientId, userId), eq(notifications.kind, kind)))
    // The newest mail is the one that counts; without an order PostgreSQL may hand back any.
    .orderBy(asc(notifications.createdAt));
  const link = (rows.at(-1)?.payload as { link?: string } | undefined)?.link;
  if (!link) throw new Error(`no ${kind} mail to ${userId}`);
  return link;
}
const tokenOf = (link: string) => new URL(link).searchParams.get('token') ?? '';

async function managerOf() {
  const home = await makeMunicipality(database.db);
  const manager = await makeUser(database.db, home, 'fleet_manager');
  return { home, manager, api: callerFor(database.db, manager) };
}

describe('an invitation', () => {
  it('adds the person, mails a single-use link that sets a better-auth password, and is audited', async () => {
    const { db } = database;
    const { home, api } = await managerOf();
    const email = `neu-${home.slug}@example.org`;
    const { id } = await api.people.invite({
      name: 'Neue Kollegin',
      email,
      role: 'staff',
      municipalityId: home.id,
    });
    const link = await mailedLink(id, 'invitation');
    expect(link).toMatch(/\/passwort\?token=[A-Za-z0-9_-]{43}$/);
    // Only the hash of the token is kept.
    const [stored] = await db.select().from(personTokens).where(eq(personTokens.userId, id));
    expect(stored?.tokenHash).not.toContain(tokenOf(link));
    expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    const anonymous = callerFor(db, null);
    expect(await anonymous.account.link({ token: tokenOf(link) })).toMatchObject({
      purpose: 'invitation',
      email,
    });
    expect(await signIn(email, NEW_PASSWORD, { 'x-pm-client-address': freshAddress() })).toHaveProperty(
      'status',
      401,
    );
    await anonymous.account.setPassword({ token: tokenOf(link), password: NEW_PASSWORD });
    expect((await signIn(email, NEW_PASSWORD, { 'x-pm-client-address': freshAddress() })).status).toBe(200);

    // Used once: the second time it says so and changes nothing.
    await expect(
      anonymous.account.setPassword({ token: tokenOf(link), password: 'ein-anderes-Passwort' }),
    ).rejects.toMatchObject({
      cause: { code: 'LINK_USED' },
    });
    expect((await signIn(email, NEW_PASSWORD, { 'x-pm-client-address': freshAddress() })).status).toBe(200);
    expect((await entriesOf(db, id)).map((e) => e.action)).toEqual([
      'person.invite',
      'person.invitation.accepted',
    ]);
  });

  it('refuses a taken address at its field, operators from a fleet manager, and another municipality', async () => {
    const { api, home, manager } = await managerOf();
    await expect(
      api.people.invite({
        name: 'Doppelt',
        email: manager.email.toUpperCase(),
        role: 'staff',
        municipalityId: home.id,
      }),
    ).rejects.toMatchObject({
      cause: { code: 'INVALID_INPUT', fieldErrors: { email: [expect.stringMatching(/bereits ein Konto/)] } },
    });
    await expect(
      api.people.invite({
        name: 'Chefin',
        email: `op-${home.slug}@example.org`,
        role: 'operator',
        municipalityId: null,
      }),
    ).rejects.toMatchObject({
      cause: { fieldErrors: { role: [expect.stringMatching(/nur der Betreiber/)] } },
    });
    const elsewhere = await makeMunicipality(database.db);
    await expect(
      api.people.invite({
        name: 'Fremd',
        email: `x-${home.slug}@example.org`,
        role: 'staff',
        municipalityId: elsewhere.id,
      }),
    ).rejects.toMatchObject({ cause: { fieldErrors: { municipalityId: [expect.any(String)] } } });
  });

  it('re-sent replaces the old link; an expired link says so', async () => {
    const { db } = database;
    const { api, home } = await managerOf();
    const { id } = await api.people.invite({
      name: 'Spät',
      email: `spaet-${home.slug}@example.org`,
      role: 'staff',
      municipalityId: home.id,
    });
    const first = tokenOf(await mailedLink(id, 'invitation'));
    await api.people.reinvite({ userId: id });
    const second = tokenOf(await mailedLink(id, 'invitation'));
    const anonymous = callerFor(db, null);
    await expect(anonymous.account.link({ token: first })).rejects.toMatchObject({
      cause: { code: 'LINK_UNKNOWN' },
    });
    await db
      .update(personTokens)
      .set({
        createdAt: new Date(Date.now() - TOKEN_LIFETIME_MS.invitation - 2000),
        expiresAt: new Date(Date.now() - 1000),
      })
      .where(eq(personTokens.userId, id));
    await expect(
      anonymous.account.setPassword({ token: second, password: NEW_PASSWORD }),
    ).rejects.toMatchObject({
      cause: { code: 'LINK_EXPIRED', message: expect.stringMatching(/abgelaufen/) },
    });
  });
});

describe('deactivating a person', () => {
  it('ends their sessions, cancels their upcoming bookings with a mail, refuses sign-in; reactivation lets them in', async () => {
    const { db } = database;
    const { person, municipality } = await personWithPassword(db);
    const manager = await makeUser(db, municipality, 'fleet_manager');
    const api = callerFor(db, manager);
    const car = await makeVehicle(db, municipality);
    const booking = await callerFor(db, person).bookings.create({
      vehicleId: car.id,
      ...hoursFromNow(30, 1),
    });
    const address = { 'x-pm-client-address': freshAddress() };
    expect((await signIn(person.email, PASSWORD, address)).status).toBe(200);

    const result = await api.people.deactivate({ userId: person.id });
    expect(result.cancelledBookings).toEqual([booking.id]);
    expect(await db.select().from(sessions).where(eq(sessions.userId, person.id))).toEqual([]);
    const [cancelled] = await db.select().from(bookings).where(eq(bookings.id, booking.id));
    expect(cancelled?.status).toBe('cancelled');
    const [notice] = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.bookingId, booking.id), eq(notifications.kind, 'cancelled')));
    expect(notice?.payload).toMatchObject({
      cancellation: { by: 'fleet_manager', reason: DEACTIVATION_REASON },
    });

    const refused = await signIn(person.email, PASSWORD, { 'x-pm-client-address': freshAddress() });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'ACCOUNT_DEACTIVATED' });

    await api.people.reactivate({ userId: person.id });
    expect((await signIn(person.email, PASSWORD, { 'x-pm-client-address': freshAddress() })).status).toBe(
      200,
    );
    expect((await entriesOf(db, person.id)).map((e) => e.action)).toEqual([
      'person.deactivate',
      'person.reactivate',
    ]);
  });

  it('is refused for oneself, and another municipality’s person does not exist for a fleet manager', async () => {
    const { db } = database;
    const { api, manager } = await managerOf();
    await expect(api.people.deactivate({ userId: manager.id })).rejects.toMatchObject({
      cause: { code: 'DEACTIVATE_SELF' },
    });
    const stranger = await makeUser(db, await makeMunicipality(db));
    await expect(api.people.deactivate({ userId: stranger.id })).rejects.toMatchObject({
      cause: { code: 'PERSON_NOT_FOUND' },
    });
    await expect(
      api.people.changePlacement({
        userId: stranger.id,
        role: 'fleet_manager',
        municipalityId: stranger.municipalityId,
      }),
    ).rejects.toMatchObject({
      cause: { code: 'PERSON_NOT_FOUND' },
    });
    const [row] = await db
      .select({ d: users.deactivatedAt, r: users.role })
      .from(users)
      .where(eq(users.id, stranger.id));
    expect(row).toEqual({ d: null, r: 'staff' });
  });
});
