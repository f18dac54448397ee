/** Reading the cost model over the API: rows newest first with their validity, who reads what, the history. */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import type { SessionUser } from '../auth/queries';
import { callerFor, makeMunicipality, makeUser, makeVehicle } from '../test-support';
import { changesOf } from './rates';

const database = testDatabaseForFile();

let home: Awaited<ReturnType<typeof makeMunicipality>>;
let other: Awaited<ReturnType<typeof makeMunicipality>>;
let car: { id: string; plate: string };
let fleetHome: SessionUser;
let fleetOther: SessionUser;
let operator: SessionUser;

const costs = (validFrom: string, leasingMonthly: number, perKm: number) => ({
  vehicleId: car.id,
  validFrom,
  commissionedOn: '2021-02-01',
  retiredOn: null,
  leasingMonthly,
  insuranceMonthly: 40,
  taxMonthly: 0,
  boxFeeMonthly: 15,
  otherMonthly: 0,
  perKm,
  perKwh: 0.3,
  perLitre: 0,
});

async function named(user: SessionUser, name: string) {
  await database.db.update(users).set({ name }).where(eq(users.id, user.id));
  return user;
}

beforeAll(async () => {
  const db = database.db;
  [home, other] = [await makeMunicipality(db), await makeMunicipality(db)];
  car = await makeVehicle(db, home);
  fleetHome = await named(await makeUser(db, home, 'fleet_manager'), 'Frida Fuhrpark');
  fleetOther = await makeUser(db, other, 'fleet_manager');
  operator = await named(await makeUser(db, null, 'operator'), 'Otto Betrieb');
  const api = callerFor(db, fleetHome);
  await api.reports.setVehicleCosts(costs('2021-02-01', 250, 0.1));
  await api.reports.setVehicleCosts(costs('2021-06-15', 300, 0.12));
  await api.reports.setTariff({ municipalityId: home.id, validFrom: '2021-02-01', perHour: 4, perKm: 0.3 });
  await api.reports.setTariff({ municipalityId: home.id, validFrom: '2021-07-01', perHour: 5, perKm: 0.3 });
  // The operator corrects the July tariff in place: one history entry, 5 → 5.5 €/h, km rate unchanged.
  await callerFor(db, operator).reports.setTariff({
    municipalityId: home.id,
    validFrom: '2021-07-01',
    perHour: 5.5,
    perKm: 0.3,
  });
});

describe('a car’s cost rates', () => {
  it('lists them newest first, each valid until the next one starts', async () => {
    const rows = await callerFor(database.db, fleetHome).reports.vehicleCosts({ vehicleId: car.id });
    expect(rows.map((r) => [r.validFrom, r.validUntil, r.leasingMonthly, r.perKm])).toEqual([
      ['2021-06-15', null, 300, 0.12],
      ['2021-02-01', '2021-06-15', 250, 0.1],
    ]);
    expect(rows[0]).toMatchObject({ commissionedOn: '2021-02-01', retiredOn: null, insuranceMonthly: 40 });
  });

  it('tells another municipality’s manager the same as for a car that does not exist', async () => {
    const api = callerFor(database.db, fleetOther);
    const foreign = await api.reports.vehicleCosts({ vehicleId: car.id }).catch((e: unknown) => e);
    const missing = await api.reports.vehicleCosts({ vehicleId: randomUUID() }).catch((e: unknown) => e);
    expect(foreign).toMatchObject({ code: 'NOT_FOUND', message: 'Dieses Fahrzeug gibt es nicht.' });
    expect(missing).toMatchObject({ code: 'NOT_FOUND', message: 'Dieses Fahrzeug gibt es nicht.' });
  });
});

describe('a municipality’s tariffs', () => {
  it('are readable by the managers who pay them, newest first, with the correction in place', async () => {
    const rows = await callerFor(database.db, fleetOther).reports.tariffs({ municipalityId: home.id });
    expect(rows).toEqual([
      { municipalityId: home.id, validFrom: '2021-07-01', validUntil: null, perHour: 5.5, perKm: 0.3 },
      { municipalityId: home.id, validFrom: '2021-02-01', validUntil: '2021-07-01', perHour: 4, perKm: 0.3 },
    ]);
    const none = await callerFor(database.db, fleetOther).reports.tariffs({ municipalityId: other.id });
    expect(none).toEqual([]);
  });

  it('answer NOT_FOUND for a municipality that does not exist', async () => {
    await expect(
      callerFor(database.db, fleetHome).reports.tariffs({ municipalityId: randomUUID() }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Diese Kommune gibt es nicht.' });
  });
});

describe('the CO₂ factors', () => {
  it('are read by managers, newest first; set by the operator only', async () => {
    await callerFor(database.db, operator).reports.setCo2Factors({
      validFrom: '1987-04-01',
      referenceGPerKm: 140,
      electricityGPerKm: 55,
    });
    const rows = await callerFor(database.db, fleetOther).reports.co2Factors();
    expect(rows.find((r) => r.validFrom === '1987-04-01')).toMatchObject({
      referenceGPerKm: 140,
      electricityGPerKm: 55,
    });
    const days = rows.map((r) => r.validFrom);
    expect(days).toEqual([...days].sort().reverse());
    rows.slice(1).forEach((row, i) => {
      expect(row.validUntil).toBe(rows[i]?.validFrom);
    });
    await expect(
      callerFor(database.db, fleetHome).reports.setCo2Factors({
        validFrom: '1987-04-01',
        referenceGPerKm: 1,
        electricityGPerKm: 1,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('the history of rate changes', () => {
  it('names who changed what when, before → after, newest first', async () => {
    const history = await callerFor(database.db, fleetHome).reports.rateHistory({});
    const own = history.filter((h) => h.municipalityId === home.id);
    expect(own.map((h) => [h.entity, h.validFrom, h.changedByName])).toEqual([
      ['tariff', '2021-07-01', 'Otto Betrieb'],
      ['tariff', '2021-07-01', 'Frida Fuhrpark'],
      ['tariff', '2021-02-01', 'Frida Fuhrpark'],
      ['vehicle_cost', '2021-06-15', 'Frida Fuhrpark'],
      ['vehicle_cost', '2021-02-01', 'Frida Fuhrpark'],
    ]);
    expect(own[0]?.changes).toEqual([{ field: 'perHour', before: 5, after: 5.5 }]);
    expect(own[1]?.changes).toEqual([
      { field: 'perHour', before: null, after: 5 },
      { field: 'perKm', before: null, after: 0.3 },
    ]);
    expect(own[3]).toMatchObject({ vehicleId: car.id, vehiclePlate: car.plate });
    expect(own[2]?.vehiclePlate).toBeNull();
    expect(own.every((h, i) => i === 0 || h.changedAt <= (own[i - 1]?.changedAt ?? h.changedAt))).toBe(true);
  });

  it('keeps each manager to their own municipality; the operator reads any', async () => {
    const theirs = await callerFor(database.db, fleetOther).reports.rateHistory({});
    expect(theirs.some((h) => h.municipalityId === home.id)).toBe(false);
    await expect(
      callerFor(database.db, fleetOther).reports.rateHistory({ municipalityId: home.id }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const same = await callerFor(database.db, operator).reports.rateHistory({ municipalityId: home.id });
    const mine = await callerFor(database.db, fleetHome).reports.rateHistory({});
    // Region-wide CO₂ changes of other tests may come between the two calls: compare home's own.
    const homes = (rows: typeof mine) => rows.filter((h) => h.municipalityId === home.id);
    expect(homes(same)).toEqual(homes(mine));
    expect(await callerFor(database.db, operator).reports.rateHistory({ limit: 1 })).toHaveLength(1);
  });

  it('lists as changed only the values that differ; all of them for a new rate', () => {
    expect(
      changesOf({ perHour: 4, perKm: 0.3, validFrom: '2021-01-01' }, { perHour: 4, perKm: 0.35 }),
    ).toEqual([{ field: 'perKm', before: 0.3, after: 0.35 }]);
    expect(changesOf(null, { validFrom: '2021-01-01', perHour: 4 })).toEqual([
      { field: 'perHour', before: null, after: 4 },
    ]);
  });
});
