import { describe, expect, it } from 'vitest';
import { testDatabaseForFile } from '@/db/test-db';
import { defaultPolicy } from '../bookings/policy';
import { savePolicy } from '../bookings/policy-queries';
import { callerFor, hoursFromNow, makeMunicipality, makeUser, makeVehicle } from '../test-support';

const database = testDatabaseForFile();

describe('vehicles.search: only cars the person may book', () => {
  it('hides cars beyond the owner’s horizon and names the rule', async () => {
    const { db } = database;
    const home = await makeMunicipality(db);
    const car = await makeVehicle(db, home);
    const person = await makeUser(db, home);
    await savePolicy(db, home.id, { ...defaultPolicy, horizonDays: 2 }, person.id);
    const api = callerFor(db, person);
    const near = await api.vehicles.search({ ...hoursFromNow(24, 2), municipalityId: home.id });
    expect(near.vehicles.map((v) => v.id)).toEqual([car.id]);
    expect(near.hidden).toEqual({ count: 0, rules: [] });
    const far = await api.vehicles.search({ ...hoursFromNow(24 * 3, 2), municipalityId: home.id });
    expect(far.vehicles).toEqual([]);
    expect(far.hidden).toEqual({
      count: 1,
      rules: [
        {
          rule: 'HORIZON',
          count: 1,
          message: {
            de: 'Buchungen sind höchstens 2 Tage im Voraus möglich.',
            en: 'Bookings are possible at most 2 days ahead.',
          },
        },
      ],
    });
  });

  it('hides cars over the longest booking and past the open-booking limit', async () => {
    const { db } = database;
    const home = await makeMunicipality(db);
    const first = await makeVehicle(db, home);
    await makeVehicle(db, home);
    const person = await makeUser(db, home);
    await savePolicy(
      db,
      home.id,
      { ...defaultPolicy, maxDurationMinutes: 4 * 60, maxFutureBookingsPerPerson: 1 },
      person.id,
    );
    const api = callerFor(db, person);
    const long = await api.vehicles.search({ ...hoursFromNow(30, 5), municipalityId: home.id });
    expect(long.vehicles).toEqual([]);
    expect(long.hidden.count).toBe(2);
    expect(long.hidden.rules.map((r) => [r.rule, r.count])).toEqual([['MAX_DURATION', 2]]);
    await api.bookings.create({ vehicleId: first.id, ...hoursFromNow(30, 2) });
    const later = await api.vehicles.search({ ...hoursFromNow(40, 2), municipalityId: home.id });
    expect(later.vehicles).toEqual([]);
    expect(later.hidden.rules).toEqual([expect.objectContaining({ rule: 'MAX_FUTURE_BOOKINGS', count: 2 })]);
  });

  it('hides every car from a person whose licence check ran out, and other municipalities’ cars when they may not book them', async () => {
    const { db } = database;
    const [home, other] = [await makeMunicipality(db), await makeMunicipality(db)];
    await makeVehicle(db, home);
    const foreign = await makeVehicle(db, other);
    const person = await makeUser(db, home);
    const expired = callerFor(db, { ...person, licenceCheckValidUntil: '2020-01-31' });
    const found = await expired.vehicles.search({ ...hoursFromNow(30, 2), municipalityId: home.id });
    expect(found.vehicles).toEqual([]);
    expect(found.hidden.rules).toEqual([
      {
        rule: 'LICENCE_CHECK',
        count: 1,
        message: {
          de: 'Führerscheinkontrolle abgelaufen am 31.01.2020 – bitte beim Fuhrpark melden',
          en: 'Driving licence check expired on 31/01/2020 – please contact the fleet office',
        },
      },
    ]);
    const api = callerFor(db, person);
    const window = hoursFromNow(30, 2);
    expect(
      (await api.vehicles.search({ ...window, municipalityId: other.id })).vehicles.map((v) => v.id),
    ).toEqual([foreign.id]);
    await savePolicy(db, other.id, { ...defaultPolicy, othersMayBook: false }, person.id);
    const closed = await api.vehicles.search({ ...window, municipalityId: other.id });
    expect(closed.vehicles).toEqual([]);
    expect(closed.hidden.rules.map((r) => r.rule)).toEqual(['OTHERS_NOT_ALLOWED']);
  });
});
