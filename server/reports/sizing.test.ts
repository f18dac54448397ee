/**
 * Fleet sizing against a day worked out by hand: Monday 3 March 2031, Europe/Berlin (CET, UTC+1).
 *
 * Station A (municipality A) has five cars in service and one retired before the day:
 *   car1 booked 08:00–12:00 (16 quarter hours), car2 booked 09:00–09:30 (2), car3 booked
 *   08:00–12:00 but cancelled (not counted); failed searches: P wanted 09:00–09:30 twice (counted
 *   once), Q wanted 09:00–09:15. Demand: 09:00 → 1 + 1 + 2 = 4, 09:15 → 1 + 1 + 1 = 3, the other
 *   14 quarter hours of car1 → 1. Σd = 21 (5.25 h, of it 0.75 h unmet).
 *   N = 2 serves 14 + 2 + 2 = 18 < 19.95; N = 3 serves 20 ≥ 19.95 = 95 % → 3 cars; 99 % = 20.79 → 4.
 *   Monthly fixed costs: 300, 200, 250, 150 (900 only from 4 March), 400. Keeping 3 saves the
 *   two cheapest, 150 + 200 = 350; keeping 4 saves 150.
 * Station B (municipality B): one car (100/month), booked 10:00–11:00 → 1 car for both, saves 0.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { bookings, vehicleCostRates } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import type { SessionUser } from '../auth/queries';
import { callerFor, hoursFromNow, makeMunicipality, makeUser, makeVehicle } from '../test-support';
import { recordSlotMisses } from './sizing-queries';

const database = testDatabaseForFile();
const day = { from: '2031-03-03', to: '2031-03-04' };
const at = (iso: string) => new Date(iso);

let a: Awaited<ReturnType<typeof makeMunicipality>>;
let b: Awaited<ReturnType<typeof makeMunicipality>>;
let fleetA: SessionUser;
let fleetB: SessionUser;
let operator: SessionUser;

async function carWithCost(
  home: typeof a,
  rates: { validFrom: string; monthly: number }[],
  service: { commissionedOn: string; retiredOn: string | null } = {
    commissionedOn: '2030-01-01',
    retiredOn: null,
  },
) {
  const car = await makeVehicle(database.db, home);
  for (const rate of rates)
    await database.db.insert(vehicleCostRates).values({
      vehicleId: car.id,
      validFrom: rate.validFrom,
      ...service,
      leasingMonthly: rate.monthly - 50,
      insuranceMonthly: 30,
      taxMonthly: 0,
      boxFeeMonthly: 20,
      otherMonthly: 0,
      perKm: 0.1,
      perKwh: 0.3,
      perLitre: 0,
    });
  return car;
}

async function book(
  vehicleId: string,
  user: SessionUser,
  startsAt: string,
  endsAt: string,
  cancelled = false,
) {
  await database.db.insert(bookings).values({
    vehicleId,
    userId: user.id,
    startsAt: at(startsAt),
    endsAt: at(endsAt),
    status: cancelled ? 'cancelled' : 'completed',
    cancelledAt: cancelled ? at(startsAt) : null,
  });
}

beforeAll(async () => {
  a = await makeMunicipality(database.db);
  b = await makeMunicipality(database.db);
  fleetA = await makeUser(database.db, a, 'fleet_manager');
  fleetB = await makeUser(database.db, b, 'fleet_manager');
  operator = await makeUser(database.db, null, 'operator');
  const staffA = await makeUser(database.db, a);
  const car1 = await carWithCost(a, [{ validFrom: '2030-01-01', monthly: 300 }]);
  const car2 = await carWithCost(a, [{ validFrom: '2030-01-01', monthly: 200 }]);
  const car3 = await carWithCost(a, [{ validFrom: '2030-01-01', monthly: 250 }]);
  await carWithCost(a, [
    { validFrom: '2030-01-01', monthly: 150 },
    { validFrom: '2031-03-04', monthly: 900 },
  ]);
  await carWithCost(a, [{ validFrom: '2030-01-01', monthly: 400 }]);
  await carWithCost(a, [{ validFrom: '2030-01-01', monthly: 50 }], {
    commissionedOn: '2030-01-01',
    retiredOn: '2031-03-01',
  });
  const carB = await carWithCost(b, [{ validFrom: '2030-01-01', monthly: 100 }]);
  await book(car1.id, staffA, '2031-03-03T07:00:00Z', '2031-03-03T11:00:00Z');
  await book(car2.id, staffA, '2031-03-03T08:00:00Z', '2031-03-03T08:30:00Z');
  await book(car3.id, staffA, '2031-03-03T07:00:00Z', '2031-03-03T11:00:00Z', true);
  await book(carB.id, await makeUser(database.db, b), '2031-03-03T09:00:00Z', '2031-03-03T10:00:00Z');
  const searchedAt = at('2031-03-01T12:20:00Z');
  const p = randomUUID();
  const wantsP = {
    stationId: a.station.id,
    searcherId: p,
    window: { start: at('2031-03-03T08:00:00Z'), end: at('2031-03-03T08:30:00Z') },
  };
  await recordSlotMisses(database.db, wantsP, searchedAt);
  await recordSlotMisses(database.db, wantsP, at('2031-03-01T12:50:00Z'));
  await recordSlotMisses(
    database.db,
    {
      stationId: a.station.id,
      searcherId: randomUUID(),
      window: { start: at('2031-03-03T08:00:00Z'), end: at('2031-03-03T08:15:00Z') },
    },
    searchedAt,
  );
});

const stationA = {
  requestedHours: 5.25,
  unmetRequestedHours: 0.75,
  peakDemand: 4,
  cars: 5,
  carsFor95: 3,
  carsFor99: 4,
  savingFor95: 350,
  savingFor99: 150,
};
const stationB = {
  requestedHours: 1,
  unmetRequestedHours: 0,
  peakDemand: 1,
  cars: 1,
  carsFor95: 1,
  carsFor99: 1,
  savingFor95: 0,
  savingFor99: 0,
};

describe('fleet sizing', () => {
  it('gives the operator every station with the cars that would have served 95 % and 99 %', async () => {
    const answer = await callerFor(database.db, operator).reports.sizing(day);
    const mine = answer.stations.filter(
      (row) => row.stationId === a.station.id || row.stationId === b.station.id,
    );
    expect(mine).toHaveLength(2);
    expect(mine.find((row) => row.stationId === a.station.id)).toMatchObject(stationA);
    expect(mine.find((row) => row.stationId === b.station.id)).toMatchObject(stationB);
    // The region is the stations' sum; other tests' stations (same database) add to both sides alike.
    const sum = (key: 'carsFor95' | 'carsFor99' | 'cars' | 'savingFor95') =>
      answer.stations.reduce((total, row) => total + row[key], 0);
    expect(answer.region.carsFor95).toBe(sum('carsFor95'));
    expect(answer.region.carsFor99).toBe(sum('carsFor99'));
    expect(answer.region.cars).toBe(sum('cars'));
    expect(answer.region.savingFor95).toBeCloseTo(sum('savingFor95'), 2);
    expect(answer.region.carsFor95).toBeGreaterThanOrEqual(4);
    expect(answer.method.needed).toContain('Σ min(d(s), N)');
  });

  it('shows a fleet manager their own stations in detail and the region only as the sum', async () => {
    const ofA = await callerFor(database.db, fleetA).reports.sizing(day);
    expect(ofA.stations.map((row) => row.stationId)).toEqual([a.station.id]);
    expect(ofA.stations[0]).toMatchObject(stationA);
    const ofB = await callerFor(database.db, fleetB).reports.sizing(day);
    expect(ofB.stations.map((row) => row.stationId)).toEqual([b.station.id]);
    // Other test files add cars to the shared database's region meanwhile (in CI two between
    // reads): B's region is A's, with a car count between A's before and after it.
    const ofAAfter = await callerFor(database.db, fleetA).reports.sizing(day);
    const { cars } = ofB.region;
    expect({ ...ofA.region, cars }).toEqual(ofB.region);
    expect({ ...ofAAfter.region, cars }).toEqual(ofB.region);
    expect(cars).toBeGreaterThanOrEqual(ofA.region.cars);
    expect(cars).toBeLessThanOrEqual(ofAAfter.region.cars);
  });

  it('counts nothing outside the period', async () => {
    const next = await callerFor(database.db, fleetA).reports.sizing({
      from: '2031-03-04',
      to: '2031-03-05',
    });
    expect(next.stations[0]).toMatchObject({ requestedHours: 0, carsFor95: 0, carsFor99: 0, cars: 5 });
    // Five cars for no demand: all of them could go, the 900 rate from 4 March included.
    expect(next.stations[0]?.savingFor95).toBe(300 + 200 + 250 + 900 + 400);
  });

  it('refuses staff and a period longer than a year at its field', async () => {
    const staff = callerFor(database.db, await makeUser(database.db, a));
    await expect(staff.reports.sizing(day)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const error = await callerFor(database.db, fleetA)
      .reports.sizing({ from: '2031-01-01', to: '2032-03-01' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
    expect(error).toHaveProperty('cause.issues.0.path', ['to']);
  });
});

describe('failed searches per quarter hour', () => {
  it('counts each person once per slot within the hour of searching, through the search itself', async () => {
    const empty = await makeMunicipality(database.db);
    const elsewhere = await makeMunicipality(database.db);
    const window = hoursFromNow(48, 0.5);
    const slotStart = Math.floor(window.from.getTime() / 900_000) * 900_000;
    const searcher = callerFor(database.db, await makeUser(database.db, elsewhere));
    for (let i = 0; i < 3; i++) await searcher.vehicles.search({ ...window, stationId: empty.station.id });
    await callerFor(database.db, await makeUser(database.db, elsewhere)).vehicles.search({
      ...window,
      stationId: empty.station.id,
    });
    const local = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' });
    const from = local.format(new Date(slotStart));
    const to = local.format(new Date(slotStart + 2 * 86_400_000));
    const answer = await callerFor(database.db, await makeUser(database.db, null, 'operator')).reports.sizing(
      {
        from,
        to,
      },
    );
    const row = answer.stations.find((s) => s.stationId === empty.station.id);
    // Two people, each over the slots the half hour touches (2 or 3): 2 × slots quarter hours.
    const slots = Math.ceil((window.to.getTime() - slotStart) / 900_000);
    expect(row).toMatchObject({ unmetRequestedHours: (2 * slots) / 4, peakDemand: 2, cars: 0 });
  });
});
