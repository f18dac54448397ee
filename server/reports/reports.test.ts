/**
 * The figures against a scenario worked out by hand (Europe/Berlin, October 2026; summer time
 * ends on Sunday 25 Oct at 03:00 CEST → 02:00 CET, so that day has 25 hours).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bookings,
  boxes,
  settlementLines,
  settlementPeriods,
  tripIgnitions,
  trips,
  vehicleBlocks,
} from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import type { SessionUser } from '../auth/queries';
import { randomMac } from '../telematics/test-fixtures';
import { callerFor, makeMunicipality, makeUser, makeVehicle } from '../test-support';

const database = testDatabaseForFile();
const at = (iso: string) => new Date(iso);

let a: Awaited<ReturnType<typeof makeMunicipality>>;
let b: Awaited<ReturnType<typeof makeMunicipality>>;
let c: Awaited<ReturnType<typeof makeMunicipality>>;
let car1: { id: string };
let car2: { id: string };
let carB: { id: string };
let operator: SessionUser;
let fleetA: SessionUser;
let fleetB: SessionUser;
let fleetC: SessionUser;
let staffA: SessionUser;
const booking: Record<string, string> = {};

async function book(
  name: string,
  vehicleId: string,
  user: SessionUser,
  startsAt: string,
  endsAt: string,
  status: 'completed' | 'no_show' | 'cancelled' = 'completed',
) {
  const [row] = await database.db
    .insert(bookings)
    .values({
      vehicleId,
      userId: user.id,
      startsAt: at(startsAt),
      endsAt: at(endsAt),
      status,
      cancelledAt: status === 'cancelled' ? at(startsAt) : null,
    })
    .returning();
  if (!row) throw new Error('no booking');
  booking[name] = row.id;
  return row.id;
}

async function boxFor(vehicleId: string) {
  const id = randomUUID();
  await database.db.insert(boxes).values({
    id,
    vehicleId,
    bleAddress: randomMac().toUpperCase(),
    publicKey: randomBytes(32),
  });
  return id;
}

/** An ignition-on interval of the booking's trip (its trip is written first). */
async function ignition(bookingId: string, on: string, off: string) {
  const [row] = await database.db.select({ id: trips.id }).from(trips).where(eq(trips.bookingId, bookingId));
  if (!row) throw new Error('no trip');
  await database.db.insert(tripIgnitions).values({ tripId: row.id, onAt: at(on), offAt: at(off) });
}

async function trip(
  boxId: string,
  bookingId: string,
  startedAt: string,
  odometer: [number, number],
  kwh: number | null,
) {
  await database.db.insert(trips).values({
    bookingId,
    boxId,
    startedAt: at(startedAt),
    endedAt: at(startedAt),
    odometerStart: odometer[0],
    odometerEnd: odometer[1],
    ignitionSeconds: 0,
    energyKwh: kwh,
  });
}

beforeAll(async () => {
  const db = database.db;
  [a, b, c] = [await makeMunicipality(db), await makeMunicipality(db), await makeMunicipality(db)];
  car1 = await makeVehicle(db, a, { batteryKwh: 50 });
  car2 = await makeVehicle(db, a);
  carB = await makeVehicle(db, b);
  operator = await makeUser(db, null, 'operator');
  [fleetA, fleetB, fleetC] = [
    await makeUser(db, a, 'fleet_manager'),
    await makeUser(db, b, 'fleet_manager'),
    await makeUser(db, c, 'fleet_manager'),
  ];
  staffA = await makeUser(db, a);
  const staffB = await makeUser(db, b);
  const api = (user: SessionUser) => callerFor(db, user);

  const costs = {
    insuranceMonthly: 50,
    taxMonthly: 10,
    boxFeeMonthly: 20,
    otherMonthly: 30,
    perKwh: 0.3,
    perLitre: 0,
  };
  // car1: in service all October; fixed 310 €/month, 0.10 €/km until the 24th; from the 25th 620 €/month, 0.20 €/km.
  await api(fleetA).reports.setVehicleCosts({
    vehicleId: car1.id,
    validFrom: '2026-10-01',
    commissionedOn: '2026-10-01',
    retiredOn: null,
    leasingMonthly: 200,
    perKm: 0.1,
    ...costs,
  });
  await api(fleetA).reports.setVehicleCosts({
    vehicleId: car1.id,
    validFrom: '2026-10-25',
    commissionedOn: '2026-10-01',
    retiredOn: null,
    leasingMonthly: 510,
    perKm: 0.2,
    ...costs,
  });
  // car2 enters service mid-month, on the 25-hour day.
  await api(fleetA).reports.setVehicleCosts({
    vehicleId: car2.id,
    validFrom: '2026-10-25',
    commissionedOn: '2026-10-25',
    retiredOn: null,
    leasingMonthly: 200,
    perKm: 0.1,
    ...costs,
  });
  // A's tariff changes mid-period: 4 €/h until the 24th, 5 €/h from the 25th; 0.30 €/km.
  await api(fleetA).reports.setTariff({
    municipalityId: a.id,
    validFrom: '2026-10-01',
    perHour: 4,
    perKm: 0.3,
  });
  await api(fleetA).reports.setTariff({
    municipalityId: a.id,
    validFrom: '2026-10-25',
    perHour: 5,
    perKm: 0.3,
  });
  await api(fleetB).reports.setTariff({
    municipalityId: b.id,
    validFrom: '2026-10-01',
    perHour: 3,
    perKm: 0.25,
  });
  await api(operator).reports.setCo2Factors({
    validFrom: '2026-01-01',
    referenceGPerKm: 150,
    electricityGPerKm: 50,
  });

  // Block on car1, Sun 25 Oct 10:00–12:00 CET = 09:00–11:00Z: 2 h.
  await db.insert(vehicleBlocks).values({
    vehicleId: car1.id,
    startsAt: at('2026-10-25T09:00Z'),
    endsAt: at('2026-10-25T11:00Z'),
    kind: 'maintenance',
    reason: 'Inspektion',
  });
  const box1 = await boxFor(car1.id);
  const boxB = await boxFor(carB.id);
  // b1: B's staff on A's car1, Sat 24 Oct 08:00–11:00 CEST (06–09Z): 3 h, 42.5 km, 8.5 kWh, ignition 2 h.
  await trip(
    box1,
    await book('b1', car1.id, staffB, '2026-10-24T06:00Z', '2026-10-24T09:00Z'),
    '2026-10-24T06:05Z',
    [100_000, 100_425],
    8.5,
  );
  await ignition(booking.b1 ?? '', '2026-10-24T06:10Z', '2026-10-24T08:10Z');
  // b2: B's no-show on car1, 14:00–16:00 CEST: 2 h held, no trip.
  await book('b2', car1.id, staffB, '2026-10-24T12:00Z', '2026-10-24T14:00Z', 'no_show');
  // b3: B cancelled, 18:00–19:00 CEST: nothing.
  await book('b3', car1.id, staffB, '2026-10-24T16:00Z', '2026-10-24T17:00Z', 'cancelled');
  // b4: B's staff through the changeover night, Sat 23:30 CEST (21:30Z) → Sun 04:00 CET (03Z): 5.5 elapsed
  // hours (4.5 on the wall clock). It starts on the 24th, so it settles at the old tariff (4 €/h).
  // Its trip starts 00:10 local on the 25th, so the 25th's cost rate (0.20 €/km) applies; 20 km, 4 kWh, ignition 3 h.
  await trip(
    box1,
    await book('b4', car1.id, staffB, '2026-10-24T21:30Z', '2026-10-25T03:00Z'),
    '2026-10-24T22:10Z',
    [100_425, 100_625],
    4,
  );
  await ignition(booking.b4 ?? '', '2026-10-24T22:15Z', '2026-10-25T01:15Z');
  // b7: A's own staff on A's car2 01:00–02:00Z (no charge), during b4: two bookings at A's station at once.
  await book('b7', car2.id, staffA, '2026-10-25T01:00Z', '2026-10-25T02:00Z');
  // b5: B's staff on car1 Sat 31 Oct 22:00 CET → Sun 1 Nov 02:00 CET (21Z → 01Z): 4 h, into November.
  await book('b5', car1.id, staffB, '2026-10-31T21:00Z', '2026-11-01T01:00Z');
  // b6: A's staff on B's car, Mon 26 Oct 09:00–11:00 CET: 2 h, 30 km.
  await trip(
    boxB,
    await book('b6', carB.id, staffA, '2026-10-26T08:00Z', '2026-10-26T10:00Z'),
    '2026-10-26T08:05Z',
    [0, 300],
    6,
  );
});

afterAll(async () => {
  // Frozen months are region-wide: remove the ones this file froze, so a rerun starts alike.
  const periods = await database.db
    .select()
    .from(settlementPeriods)
    .where(inArray(settlementPeriods.month, ['2026-10-01']));
  const ids = periods.map((p) => p.id);
  if (ids.length > 0) {
    await database.db.delete(settlementLines).where(inArray(settlementLines.periodId, ids));
    await database.db.delete(settlementPeriods).where(inArray(settlementPeriods.id, ids));
  }
});

const period = { from: '2026-10-24', to: '2026-10-26' };

describe('figures of Sat 24 – Sun 25 Oct 2026 (24 + 25 = 49 hours)', () => {
  it('gives car1 and car2 the hand-worked numbers', async () => {
    const { rows } = await callerFor(database.db, fleetA).reports.figures({
      ...period,
      groupBy: 'vehicle',
      municipalityId: a.id,
    });
    const one = rows.find((r) => r.key === car1.id);
    const two = rows.find((r) => r.key === car2.id);
    expect(one).toMatchObject({
      availableHours: 47, // 49 − 2 h block
      heldHours: 10.5, // b1 3 + b2 2 (no-show holds) + b4 5.5 (25-hour night); b3 cancelled
      ignitionHours: 5, // 2 + 3
      km: 62.5, // 42.5 + 20
      energyKwh: 12.5, // 8.5 + 4
      bookings: 4, // b1–b4 start in the period
      trips: 2,
      noShows: 1,
      cancellations: 1,
      noShowRate: 1 / 3, // 1 ÷ 3 not cancelled
      cancellationRate: 1 / 4,
      fixedCost: 30, // 24 Oct: 310/31 = 10; 25 Oct: 620/31 = 20
      variableCost: 12, // b1 42.5×0.10 + 8.5×0.30 = 6.80; b4 20×0.20 + 4×0.30 = 5.20
      costs: 42,
      co2SavedKg: 6.25, // 62.5 km × (150 − 50) g
    });
    expect(one?.timeUtilisation).toBeCloseTo(10.5 / 47, 12);
    expect(one?.drivingUtilisation).toBeCloseTo(5 / 47, 12);
    expect(one?.costPerKm).toBeCloseTo(0.672, 12); // 42 ÷ 62.5
    expect(one?.costPerHeldHour).toBeCloseTo(4, 12); // 42 ÷ 10.5
    // car2 in service from the 25th only: that day's 25 hours; 1 day × 310/31 = 10 €.
    expect(two).toMatchObject({
      availableHours: 25,
      heldHours: 1,
      fixedCost: 10,
      costs: 10,
      km: 0,
      costPerKm: null,
    });
  });

  it('sums A by municipality and shows the peak of two at once at its station', async () => {
    const result = await callerFor(database.db, fleetA).reports.figures({
      ...period,
      groupBy: 'municipality',
    });
    expect(result.rows.find((r) => r.key === a.id)).toMatchObject({
      availableHours: 72,
      heldHours: 11.5,
      costs: 52,
    });
    expect(result.stations.find((s) => s.stationId === a.station.id)?.peakConcurrentBookings).toBe(2);
  });

  it('splits the booking into November by month: 2 of its 4 hours in October', async () => {
    const { rows } = await callerFor(database.db, fleetA).reports.figures({
      from: '2026-10-31',
      to: '2026-11-02',
      groupBy: 'month',
      municipalityId: a.id,
    });
    expect(rows.map((r) => [r.key, r.heldHours, r.bookings])).toEqual([
      ['2026-10-01', 2, 1], // 22:00–24:00 CET on the 31st; counted by its start
      ['2026-11-01', 2, 0],
    ]);
  });
});

describe('settlement of October 2026', () => {
  it('charges B for its staff on A cars and A for its staff on B cars, at the tariff valid at booking start', async () => {
    const s = await callerFor(database.db, fleetA).reports.settlement({ month: '2026-10-01' });
    const cell = (driver: string, owner: string) =>
      s.matrix.find((m) => m.driverMunicipalityId === driver && m.ownerMunicipalityId === owner);
    // b1 3 h × 4 + 42.5 km × 0.30 = 24.75; b2 no-show 2 h × 4 = 8; b4 (starts on the 24th: old
    // tariff) 5.5 h × 4 + 20 km × 0.30 = 28; b5 (31 Oct, new tariff) 4 h × 5 = 20.
    // Sum: 14.5 h, 62.5 km, 80.75 €.
    expect(cell(b.id, a.id)).toEqual({
      driverMunicipalityId: b.id,
      ownerMunicipalityId: a.id,
      hours: 14.5,
      km: 62.5,
      amount: 80.75,
    });
    // b6: 2 h × 3 + 30 km × 0.25 = 13.50. b7 is A's own staff on A's car: no charge.
    expect(cell(a.id, b.id)).toEqual({
      driverMunicipalityId: a.id,
      ownerMunicipalityId: b.id,
      hours: 2,
      km: 30,
      amount: 13.5,
    });
    const [x, y] = [a.id, b.id].sort();
    const net = s.net.find((n) => n.a === x && n.b === y);
    // B owes A 80.75 − 13.50 = 67.25
    expect(x === b.id ? net?.aOwesB : -(net?.aOwesB ?? 0)).toBe(67.25);
    const mine = s.lines
      .filter((l) => [a.id, b.id].includes(l.ownerMunicipalityId))
      .map((l) => [l.bookingId, l.amount]);
    expect(mine).toEqual([
      [booking.b1, 24.75],
      [booking.b2, 8],
      [booking.b4, 28],
      [booking.b6, 13.5],
      [booking.b5, 20],
    ]);
  });

  it('shows a third municipality the totals but none of the lines of A and B', async () => {
    const s = await callerFor(database.db, fleetC).reports.settlement({ month: '2026-10-01' });
    expect(s.matrix.some((m) => m.ownerMunicipalityId === a.id)).toBe(true);
    expect(s.lines.filter((l) => [a.id, b.id].includes(l.ownerMunicipalityId))).toEqual([]);
  });

  it('freezes October; a later km correction appears as a correction in November, October unchanged', async () => {
    const api = callerFor(database.db, operator);
    await api.reports.freezeMonth({ month: '2026-10-01' });
    await expect(api.reports.freezeMonth({ month: '2026-10-01' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    // b1's trip really was 52.5 km: +10 km × 0.30 = +3.00
    await database.db
      .update(trips)
      .set({ odometerEnd: 100_525 })
      .where(eq(trips.bookingId, booking.b1 ?? ''));
    const october = await api.reports.settlement({ month: '2026-10-01' });
    expect(october.frozen).toBe(true);
    expect(october.lines.find((l) => l.bookingId === booking.b1)?.amount).toBe(24.75);
    const november = await api.reports.settlement({ month: '2026-11-01' });
    expect(november.lines.filter((l) => l.bookingId === booking.b1)).toEqual([
      {
        bookingId: booking.b1,
        kind: 'correction',
        driverMunicipalityId: b.id,
        ownerMunicipalityId: a.id,
        hours: 0,
        km: 10,
        amount: 3,
      },
    ]);
  });
});

describe('who reads reports', () => {
  it("refuses a foreign fleet manager A's cars one by one, and staff any report", async () => {
    await expect(
      callerFor(database.db, fleetB).reports.figures({ ...period, groupBy: 'vehicle', municipalityId: a.id }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      callerFor(database.db, staffA).reports.figures({ ...period, groupBy: 'region' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      callerFor(database.db, staffA).reports.settlement({ month: '2026-10-01' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
