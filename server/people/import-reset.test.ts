import { and, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookings, notifications, users } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { createCaller } from '../root';
import { testContext } from '../test-context';
import { callerFor, hoursFromNow, makeMunicipality, makeUser, makeVehicle } from '../test-support';
import { RESET_ADDRESS_LIMIT } from './reset-rules';

const database = testDatabaseForFile();
const from = (address: string) => createCaller({ ...testContext(database.db, null), clientAddress: address });
const address = () => `192.0.2.${Math.floor(Math.random() * 250)}-${crypto.randomUUID().slice(0, 6)}`;

describe('a CSV import', () => {
  it('writes nothing when one line is wrong and names each wrong line in German', async () => {
    const { db } = database;
    const home = await makeMunicipality(db);
    const api = callerFor(db, await makeUser(db, home, 'fleet_manager'));
    const tag = home.slug;
    const csv = [
      'name;email;role;municipality',
      `Anna Eins;eins-${tag}@example.org;staff;${home.slug}`,
      `Bernd Zwei;keine-adresse;staff;${home.name}`,
      `Clara Drei;drei-${tag}@example.org;operator;${home.slug}`,
      `Dora Vier;EINS-${tag}@example.org;fleet_manager;${home.slug}`,
    ].join('\n');
    const refusal = await api.people.import({ csv }).catch((error) => error);
    expect(refusal.cause.code).toBe('IMPORT_REFUSED');
    expect(refusal.cause.details.lines).toEqual([
      { line: 3, problems: ['Bitte eine gültige E-Mail-Adresse angeben.'] },
      { line: 4, problems: ['Rolle ist staff oder fleet_manager.'] },
      { line: 5, problems: ['Diese E-Mail-Adresse steht schon in Zeile 2.'] },
    ]);
    const written = await db
      .select()
      .from(users)
      .where(sql`${users.email} like ${`%-${tag}@example.org`}`);
    expect(written).toEqual([]);
  });

  it('adds and invites everyone of a good file; a foreign municipality or a taken address is a line’s error', async () => {
    const { db } = database;
    const home = await makeMunicipality(db);
    const manager = await makeUser(db, home, 'fleet_manager');
    const api = callerFor(db, manager);
    const tag = home.slug;
    const good = `name,email,role,municipality\nAnna Eins,eins-${tag}@example.org,staff,${home.slug}\n"Zwei, Bernd",zwei-${tag}@example.org,fleet_manager,${home.name}\n`;
    expect(await api.people.import({ csv: good })).toEqual({ invited: 2 });
    const made = await db
      .select({ id: users.id })
      .from(users)
      .where(sql`${users.email} like ${`%-${tag}@example.org`}`);
    const mails = await db
      .select()
      .from(notifications)
      .where(
        and(
          inArray(
            notifications.recipientId,
            made.map((m) => m.id),
          ),
          eq(notifications.kind, 'invitation'),
        ),
      );
    expect(mails).toHaveLength(2);

    const elsewhere = await makeMunicipality(db);
    const again = `name,email,role,municipality\nAnna Eins,eins-${tag}@example.org,staff,${home.slug}\nFremd,f-${tag}@example.org,staff,${elsewhere.slug}\n`;
    const refusal = await api.people.import({ csv: again }).catch((error) => error);
    expect(refusal.cause.details.lines.map((l: { line: number }) => l.line)).toEqual([2, 3]);
    await expect(api.people.import({ csv: 'vorname,nachname\nA,B\n' })).rejects.toMatchObject({
      cause: { code: 'INVALID_INPUT', fieldErrors: { csv: [expect.stringMatching(/erste Zeile/)] } },
    });
  });
});

describe('a password reset request', () => {
  it('answers alike for known and unknown addresses, mails only the known one, and sets a new password once', async () => {
    const { db } = database;
    const person = await makeUser(db, await makeMunicipality(db));
    const client = from(address());
    expect(await client.account.requestPasswordReset({ email: 'niemand@nowhere.example' })).toEqual({
      accepted: true,
    });
    expect(await client.account.requestPasswordReset({ email: person.email.toUpperCase() })).toEqual({
      accepted: true,
    });
    const [mail] = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipientId, person.id), eq(notifications.kind, 'password_reset')));
    const token =
      new URL((mail?.payload as { link: string } | undefined)?.link ?? 'http://x').searchParams.get(
        'token',
      ) ?? '';
    await client.account.setPassword({ token, password: 'ganz-neues-Passwort' });
    await expect(client.account.setPassword({ token, password: 'noch-ein-Passwort' })).rejects.toMatchObject({
      cause: { code: 'LINK_USED' },
    });
  });

  it('is refused from one address after too many requests, and mails one person at most three times an hour', async () => {
    const { db } = database;
    const person = await makeUser(db, await makeMunicipality(db));
    const client = from(address());
    for (let i = 0; i < RESET_ADDRESS_LIMIT.maxRequests; i++)
      await client.account.requestPasswordReset({ email: person.email });
    await expect(client.account.requestPasswordReset({ email: person.email })).rejects.toMatchObject({
      cause: { code: 'PASSWORD_RESET_THROTTLED' },
    });
    const mails = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipientId, person.id), eq(notifications.kind, 'password_reset')));
    expect(mails).toHaveLength(3);
  });
});

describe('the profile', () => {
  it('switches an optional mail off, which is then not queued; a mandatory one still is', async () => {
    const { db } = database;
    const home = await makeMunicipality(db);
    const person = await makeUser(db, home);
    const me = callerFor(db, person);
    expect((await me.account.profile()).mails).toEqual({
      confirmation: true,
      reminder: true,
      approval_pending: true,
    });
    await me.account.chooseMail({ kind: 'confirmation', wanted: false });
    const car = await makeVehicle(db, home);
    const booking = await me.bookings.create({ vehicleId: car.id, ...hoursFromNow(30, 1) });
    await me.bookings.cancel({ id: booking.id });
    const kinds = await db
      .select({ kind: notifications.kind })
      .from(notifications)
      .where(eq(notifications.bookingId, booking.id));
    expect(kinds.map((k) => k.kind)).toEqual(['cancelled']);
    const [row] = await db
      .select({ status: bookings.status })
      .from(bookings)
      .where(eq(bookings.id, booking.id));
    expect(row?.status).toBe('cancelled');
  });
});
