/** What a client may send the reports and where searches leave their trace: each test on data of its own. */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testDatabaseForFile } from '@/db/test-db';
import { callerFor, hoursFromNow, makeMunicipality, makeUser, makeVehicle } from '../test-support';
import { stationFigures } from './queries';

const database = testDatabaseForFile();

describe('a period a client may send', () => {
  it('refuses one that ends before it starts, or spans more than ten years, at the field', async () => {
    const home = await makeMunicipality(database.db);
    const api = callerFor(database.db, await makeUser(database.db, home, 'fleet_manager'));
    const periods = [
      { from: '2026-10-25', to: '2026-10-25' },
      { from: '2026-10-26', to: '2026-10-01' },
      { from: '1900-01-01', to: '2999-01-01' },
    ];
    for (const { from, to } of periods) {
      const error = await api.reports.figures({ from, to, groupBy: 'region' }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'BAD_REQUEST' });
      expect(error).toHaveProperty('cause.issues.0.path', ['to']);
    }
  });
});

describe('rates a client may send', () => {
  it('refuses a retirement before commissioning and a tariff of a municipality that does not exist, writing nothing', async () => {
    const home = await makeMunicipality(database.db);
    const car = await makeVehicle(database.db, home);
    const operator = callerFor(database.db, await makeUser(database.db, home, 'operator'));
    const error = await operator.reports
      .setTariff({ municipalityId: randomUUID(), validFrom: '2026-10-01', perHour: 1, perKm: 1 })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
    expect(error).toHaveProperty('cause.fieldErrors.municipalityId');
    const retired = await operator.reports
      .setVehicleCosts({
        vehicleId: car.id,
        validFrom: '2030-01-01',
        commissionedOn: '2030-01-01',
        retiredOn: '2029-12-31',
        leasingMonthly: 1,
        insuranceMonthly: 0,
        taxMonthly: 0,
        boxFeeMonthly: 0,
        otherMonthly: 0,
        perKm: 0,
        perKwh: 0,
        perLitre: 0,
      })
      .catch((e: unknown) => e);
    expect(retired).toMatchObject({ code: 'BAD_REQUEST' });
    expect(retired).toHaveProperty('cause.issues.0.path', ['retiredOn']);
  });
});

describe('unmet demand', () => {
  it('counts each search at a station that found no free car, per hour, with no person', async () => {
    const empty = await makeMunicipality(database.db);
    const elsewhere = await makeMunicipality(database.db);
    const window = hoursFromNow(48, 1);
    await callerFor(database.db, await makeUser(database.db, elsewhere)).vehicles.search({
      ...window,
      stationId: empty.station.id,
    });
    await callerFor(database.db, await makeUser(database.db, elsewhere, 'fleet_manager')).vehicles.search({
      ...window,
      stationId: empty.station.id,
    });
    const hourStart = new Date(Math.floor(window.from.getTime() / 3_600_000) * 3_600_000);
    const [row] = await stationFigures(database.db, {
      start: hourStart,
      end: new Date(+hourStart + 3_600_000),
      municipalityId: empty.id,
    });
    expect(row?.unmetSearches).toBe(2);
  });
});
