import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auditLog, licenceChecks, users } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { findSessionUser } from '../auth/queries';
import { defaultPolicy } from '../bookings/policy';
import { addMonths, regionToday } from '../compliance/due';
import { sendLicenceExpiryNotices } from '../notifications/licence-notices';
import { callerFor, hoursFromNow, makeMunicipality, makeUser, makeVehicle } from '../test-support';

const database = testDatabaseForFile();
const today = () => regionToday(new Date(), 'Europe/Berlin');

async function town() {
  const { db } = database;
  const home = await makeMunicipality(db);
  const manager = await makeUser(db, home, 'fleet_manager');
  const person = await makeUser(db, home);
  await db.update(users).set({ licenceCheckValidUntil: '2025-01-31' }).where(eq(users.id, person.id));
  const car = await makeVehicle(db, home);
  return { db, home, manager, person, car, admin: callerFor(db, manager) };
}

/** The person as the next request sees them: the session is read afresh each time. */
async function asNextRequest(userId: string) {
  const user = await findSessionUser(database.db, userId);
  if (!user) throw new Error('person gone');
  return callerFor(database.db, user);
}

const check = (userId: string, overrides: Record<string, unknown> = {}) => ({
  userId,
  checkedOn: today(),
  classes: ['B', 'BE'] as ('B' | 'BE')[],
  cardExpiresOn: null,
  restrictions: '01, B96',
  ...overrides,
});

describe('Führerscheinkontrolle', () => {
  it('unblocks a person refused a booking for an expired check, at once, with its audit entry', async () => {
    const { db, person, car, admin } = await town();
    const window = { vehicleId: car.id, ...hoursFromNow(24, 2) };
    await expect((await asNextRequest(person.id)).bookings.create(window)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('Führerscheinkontrolle abgelaufen am 31.01.2025'),
    });

    const recorded = await admin.licenceChecks.record(check(person.id));
    expect(recorded.validUntil).toBe(addMonths(today(), 6));
    expect(recorded.check).toMatchObject({ classes: ['B', 'BE'], restrictions: ['01', 'B96'] });
    expect(recorded.check.checkedByName).toBe('Test Person');
    const booked = await (await asNextRequest(person.id)).bookings.create(window);
    expect(booked.status).toBe('reserved');

    const [entry] = await db.select().from(auditLog).where(eq(auditLog.objectId, recorded.check.id));
    expect(entry).toMatchObject({
      action: 'licence.record',
      objectType: 'licence_check',
      before: { licenceCheckValidUntil: '2025-01-31' },
      after: { licenceCheckValidUntil: addMonths(today(), 6), classes: ['B', 'BE'] },
    });
  });

  it('holds until the card’s expiry when that comes first, and follows the municipality’s interval', async () => {
    const { person, home, admin } = await town();
    await admin.policies.update({ municipalityId: home.id, ...defaultPolicy, licenceCheckIntervalMonths: 3 });
    const byInterval = await admin.licenceChecks.record(check(person.id, { checkedByName: 'Frau Berger' }));
    expect(byInterval.validUntil).toBe(addMonths(today(), 3));
    expect(byInterval.check).toMatchObject({ checkedByName: 'Frau Berger', checkedById: null });
    const cardEnds = addMonths(today(), 1);
    const byCard = await admin.licenceChecks.record(check(person.id, { cardExpiresOn: cardEnds }));
    expect(byCard.validUntil).toBe(cardEnds);
    expect((await findSessionUser(database.db, person.id))?.licenceCheckValidUntil).toBe(cardEnds);
  });

  it('is reminded of before it runs out, by the existing licence expiry notice', async () => {
    const { person, admin } = await town();
    const { validUntil } = await admin.licenceChecks.record(check(person.id));
    const settings = { leadDays: 14, timeZone: 'Europe/Berlin', scope: { userIds: [person.id] } };
    const fifteenBefore = new Date(`${validUntil}T10:00:00Z`).getTime() - 15 * 86_400_000;
    expect(await sendLicenceExpiryNotices(database.db, new Date(fifteenBefore), settings)).toBe(0);
    expect(await sendLicenceExpiryNotices(database.db, new Date(fifteenBefore + 86_400_000), settings)).toBe(
      1,
    );
  });

  it('keeps every check; one recorded late stays in the history and leaves the gate to the latest', async () => {
    const { person, admin } = await town();
    await admin.licenceChecks.record(check(person.id));
    const late = addMonths(today(), -2);
    await admin.licenceChecks.record(check(person.id, { checkedOn: late }));
    expect((await findSessionUser(database.db, person.id))?.licenceCheckValidUntil).toBe(
      addMonths(today(), 6),
    );
    const history = await admin.licenceChecks.history({ userId: person.id });
    expect(history.checks.map((c) => c.checkedOn)).toEqual([today(), late]);
    await expect(
      database.db.update(licenceChecks).set({ checkedOn: late }).where(eq(licenceChecks.userId, person.id)),
    ).rejects.toThrow();
  });

  it('refuses a foreign manager as for a person that does not exist, and writes nothing', async () => {
    const { db, person } = await town();
    const foreign = callerFor(db, await makeUser(db, await makeMunicipality(db), 'fleet_manager'));
    await expect(foreign.licenceChecks.record(check(person.id))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await db.select().from(licenceChecks).where(eq(licenceChecks.userId, person.id))).toEqual([]);
    expect((await findSessionUser(db, person.id))?.licenceCheckValidUntil).toBe('2025-01-31');
    expect(
      await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.objectType, 'licence_check'), eq(auditLog.actorId, person.id))),
    ).toEqual([]);
    const overview = await foreign.licenceChecks.overview();
    expect(overview.map((row) => row.id)).not.toContain(person.id);
  });

  it('names bad input at its field in German and writes nothing', async () => {
    const { db, person, admin } = await town();
    const refusal = (input: Record<string, unknown>) =>
      admin.licenceChecks.record(check(person.id, input)).then(() => undefined, fieldErrorsOf);
    expect(await refusal({ restrictions: '01, 7B' })).toEqual({
      restrictions: [expect.stringContaining('Keine Schlüsselzahl: „7B“')],
    });
    expect(await refusal({ classes: [] })).toEqual({
      classes: ['Bitte mindestens eine Führerscheinklasse wählen.'],
    });
    expect(await refusal({ checkedOn: addMonths(today(), 1) })).toEqual({
      checkedOn: ['Das Datum der Kontrolle darf nicht in der Zukunft liegen.'],
    });
    expect(await refusal({ checkedOn: today(), cardExpiresOn: addMonths(today(), -1) })).toEqual({
      cardExpiresOn: [expect.stringContaining('abgelaufen')],
    });
    expect(await db.select().from(licenceChecks).where(eq(licenceChecks.userId, person.id))).toEqual([]);
  });

  it('lists who is due: never checked and overdue first, then due within a month', async () => {
    const { db, home, person, admin } = await town();
    const never = await makeUser(db, home);
    await db.update(users).set({ licenceCheckValidUntil: null }).where(eq(users.id, never.id));
    const soon = await makeUser(db, home);
    await db
      .update(users)
      .set({ licenceCheckValidUntil: addMonths(today(), 0) })
      .where(eq(users.id, soon.id));
    const rows = await admin.licenceChecks.overview();
    const stateOf = (id: string) => rows.find((row) => row.id === id)?.state;
    expect([stateOf(never.id), stateOf(person.id), stateOf(soon.id)]).toEqual(['missing', 'overdue', 'due']);
    expect(rows.map((row) => row.state)).toEqual(
      [...rows.map((row) => row.state)].sort(
        (a, b) =>
          ['missing', 'overdue', 'due', 'valid'].indexOf(a) -
          ['missing', 'overdue', 'due', 'valid'].indexOf(b),
      ),
    );
  });
});

/** The field errors a client reads: the domain's as thrown, zod's as the error formatter flattens them. */
function fieldErrorsOf(error: unknown) {
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof z.ZodError) return z.flattenError(cause).fieldErrors;
  return (cause as { fieldErrors?: Record<string, string[]> } | undefined)?.fieldErrors;
}
