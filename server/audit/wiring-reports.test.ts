/** The cost model, accounting data and the freezing of a month write one audit entry each; a refused change none. */
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseForFile } from '@/db/test-db';
import type { SessionUser } from '../auth/queries';
import { accountingOf } from '../reports/exports/test-scenario';
import { lastFrozenPeriod } from '../reports/queries';
import { monthOf } from '../reports/rules';
import { freezeMonth } from '../reports/service';
import { callerFor, makeMunicipality, makeUser, makeVehicle } from '../test-support';
import { entriesBy, onlyEntryOf } from './test-kit';

const database = testDatabaseForFile();
let a: Awaited<ReturnType<typeof makeMunicipality>>;
let b: Awaited<ReturnType<typeof makeMunicipality>>;
let car: Awaited<ReturnType<typeof makeVehicle>>;

beforeAll(async () => {
  a = await makeMunicipality(database.db);
  b = await makeMunicipality(database.db);
  car = await makeVehicle(database.db, a);
});

const manager = (m = a) => makeUser(database.db, m, 'fleet_manager');
const operator = () => makeUser(database.db, null, 'operator');
const nothingBy = async (user: SessionUser) => expect(await entriesBy(database.db, user.id)).toEqual([]);

const costs = (validFrom: string, leasingMonthly: number) => ({
  vehicleId: car.id,
  validFrom,
  commissionedOn: '2021-02-01',
  retiredOn: null,
  leasingMonthly,
  insuranceMonthly: 40,
  taxMonthly: 0,
  boxFeeMonthly: 15,
  otherMonthly: 0,
  perKm: 0.1,
  perKwh: 0.3,
  perLitre: 0,
});

describe('reports.setTariff', () => {
  it('logs a new tariff, and a corrected one with its value before', async () => {
    const user = await manager();
    const api = callerFor(database.db, user);
    const made = await api.reports.setTariff({
      municipalityId: a.id,
      validFrom: '2022-01-01',
      perHour: 4,
      perKm: 0.3,
    });
    await api.reports.setTariff({ municipalityId: a.id, validFrom: '2022-01-01', perHour: 4.5, perKm: 0.3 });
    const entries = await entriesBy(database.db, user.id);
    expect(entries).toMatchObject([
      {
        action: 'tariff.set',
        objectType: 'tariff',
        objectId: made?.id,
        municipalityId: a.id,
        before: null,
        after: { municipalityId: a.id, validFrom: '2022-01-01', perHour: 4 },
      },
      { action: 'tariff.set', before: { perHour: 4 }, after: { perHour: 4.5 } },
    ]);
  });

  it('logs nothing for another municipality or a bad amount', async () => {
    const user = await manager(b);
    const api = callerFor(database.db, user);
    await expect(
      api.reports.setTariff({ municipalityId: a.id, validFrom: '2022-01-01', perHour: 1, perKm: 0 }),
    ).rejects.toMatchObject({ cause: { code: 'OTHER_MUNICIPALITY' } });
    await expect(
      api.reports.setTariff({ municipalityId: b.id, validFrom: '2022-01-01', perHour: -1, perKm: 0 }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await nothingBy(user);
  });
});

describe('reports.setVehicleCosts', () => {
  it('logs the car’s rates', async () => {
    const user = await manager();
    const row = await callerFor(database.db, user).reports.setVehicleCosts(costs('2023-03-01', 250));
    expect(await onlyEntryOf(database.db, row?.id ?? '')).toMatchObject({
      actorId: user.id,
      action: 'vehiclecost.set',
      objectType: 'vehicle_cost',
      municipalityId: a.id,
      before: null,
      after: { vehicleId: car.id, validFrom: '2023-03-01', leasingMonthly: 250 },
    });
  });

  it('logs nothing for another municipality’s car or a retirement before commissioning', async () => {
    const user = await manager(b);
    const api = callerFor(database.db, user);
    await expect(api.reports.setVehicleCosts(costs('2023-03-01', 1))).rejects.toMatchObject({
      cause: { code: 'OTHER_MUNICIPALITY' },
    });
    const own = await manager();
    await expect(
      callerFor(database.db, own).reports.setVehicleCosts({
        ...costs('2023-03-01', 1),
        retiredOn: '2020-01-01',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await nothingBy(user);
    await nothingBy(own);
  });
});

describe('reports.setCo2Factors', () => {
  it('logs the factors in the region-wide part of the log', async () => {
    const user = await operator();
    // Factors are region-wide, one row per date: a rerun on the same database changes that row again.
    const row = await callerFor(database.db, user).reports.setCo2Factors({
      validFrom: '1991-05-01',
      referenceGPerKm: 150,
      electricityGPerKm: 60,
    });
    expect(await entriesBy(database.db, user.id)).toMatchObject([
      {
        objectId: row?.id,
        action: 'emission.set',
        objectType: 'co2_factors',
        municipalityId: null,
        after: { validFrom: '1991-05-01', referenceGPerKm: 150, electricityGPerKm: 60 },
      },
    ]);
  });

  it('logs nothing for a fleet manager or a bad factor', async () => {
    const user = await manager();
    const input = { validFrom: '1991-05-01', referenceGPerKm: 1, electricityGPerKm: 1 };
    await expect(callerFor(database.db, user).reports.setCo2Factors(input)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const op = await operator();
    await expect(
      callerFor(database.db, op).reports.setCo2Factors({ ...input, referenceGPerKm: -5 }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await nothingBy(user);
    await nothingBy(op);
  });
});

describe('reports.setAccounting', () => {
  it('logs the data before and after, without who saved it last', async () => {
    const c = await makeMunicipality(database.db);
    const user = await manager(c);
    const api = callerFor(database.db, user);
    await api.reports.setAccounting(accountingOf(c.id, 'C', 'KST-C'));
    await api.reports.setAccounting({ ...accountingOf(c.id, 'C', 'KST-C2'), city: 'Naunhof' });
    const entries = await entriesBy(database.db, user.id);
    expect(entries).toMatchObject([
      { action: 'accounting.set', objectId: c.id, municipalityId: c.id, before: { costCentre: 'KST-TEST' } },
      {
        before: { costCentre: 'KST-C', city: 'Brandis', iban: 'DE89370400440532013000' },
        after: { costCentre: 'KST-C2', city: 'Naunhof' },
      },
    ]);
    expect(entries[1]?.after).not.toHaveProperty('updatedBy');
  });

  it('logs nothing for another municipality or a bad IBAN', async () => {
    const user = await manager(b);
    const api = callerFor(database.db, user);
    await expect(api.reports.setAccounting(accountingOf(a.id, 'A', 'KST-A'))).rejects.toMatchObject({
      cause: { code: 'OTHER_MUNICIPALITY' },
    });
    await expect(
      api.reports.setAccounting({ ...accountingOf(b.id, 'B', 'KST-B'), iban: 'DE00 1234' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await nothingBy(user);
  });
});

describe('reports.freezeMonth', () => {
  class RolledBack extends Error {}

  it('logs the month frozen (inside a transaction rolled back: frozen months are region-wide)', async () => {
    const user = await operator();
    const seen = await database.db
      .transaction(async (tx) => {
        const last = await lastFrozenPeriod(tx);
        const month = last ? monthOf(last.month).next : '2001-01-01';
        await freezeMonth(tx, user, month, 'Europe/Berlin', new Date('2100-01-01T00:00:00Z'));
        throw new RolledBack(JSON.stringify({ month, entries: await entriesBy(tx, user.id) }));
      })
      .catch((error: unknown) => {
        if (!(error instanceof RolledBack)) throw error;
        return JSON.parse(error.message) as { month: string; entries: unknown[] };
      });
    expect(seen.entries).toMatchObject([
      {
        action: 'settlement.freeze',
        objectType: 'settlement',
        municipalityId: null,
        after: { month: seen.month, lines: expect.any(Number), amount: expect.any(Number) },
      },
    ]);
    await nothingBy(user);
  });

  it('logs nothing for a fleet manager, a bad month or a month still open', async () => {
    const user = await manager();
    await expect(
      callerFor(database.db, user).reports.freezeMonth({ month: '2001-01-01' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const op = await operator();
    const api = callerFor(database.db, op);
    await expect(api.reports.freezeMonth({ month: 'Januar' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(api.reports.freezeMonth({ month: '2099-01-01' })).rejects.toMatchObject({
      cause: { code: expect.stringMatching(/^SETTLEMENT_/) },
    });
    await nothingBy(user);
    await nothingBy(op);
  });
});
