/**
 * The weekday × hour heatmap against a two-day scenario worked out by hand: Sunday 25 Oct 2026,
 * when summer time ends in Europe/Berlin (03:00 CEST → 02:00 CET, so local hour 2 happens twice),
 * and Monday 26 Oct. Weekdays are ISO: 1 = Monday, 7 = Sunday.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { bookings, stations, vehicleBlocks } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import type { SessionUser } from '../auth/queries';
import { callerFor, makeMunicipality, makeUser, makeVehicle } from '../test-support';
import { heatmap } from './heatmap';

const database = testDatabaseForFile();
const zone = 'Europe/Berlin';
const period = { from: '2026-10-25', to: '2026-10-27' };

let a: Awaited<ReturnType<typeof makeMunicipality>>;
let b: Awaited<ReturnType<typeof makeMunicipality>>;
let car1: { id: string };
let car2: { id: string };
let carB: { id: string };
let northStation: string;
let fleetA: SessionUser;
let fleetB: SessionUser;
let operator: SessionUser;
let staffA: SessionUser;

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
    startsAt: new Date(startsAt),
    endsAt: new Date(endsAt),
    status: cancelled ? 'cancelled' : 'completed',
    cancelledAt: cancelled ? new Date(startsAt) : null,
  });
}

const costs = {
  retiredOn: null,
  leasingMonthly: 200,
  insuranceMonthly: 0,
  taxMonthly: 0,
  boxFeeMonthly: 0,
  otherMonthly: 0,
  perKm: 0.1,
  perKwh: 0.3,
  perLitre: 0,
};

beforeAll(async () => {
  const db = database.db;
  [a, b] = [await makeMunicipality(db), await makeMunicipality(db)];
  const [north] = await db
    .insert(stations)
    .values({
      municipalityId: a.id,
      name: `Nord ${randomUUID()}`,
      latitude: 51.3,
      longitude: 12.6,
      chargePoints: 1,
    })
    .returning();
  if (!north) throw new Error('no station');
  northStation = north.id;
  car1 = await makeVehicle(db, a);
  car2 = await makeVehicle(db, a, { homeStationId: northStation });
  carB = await makeVehicle(db, b);
  fleetA = await makeUser(db, a, 'fleet_manager');
  fleetB = await makeUser(db, b, 'fleet_manager');
  operator = await makeUser(db, null, 'operator');
  staffA = await makeUser(db, a);
  // car1 in service all month; car2 only from Monday the 26th.
  await callerFor(db, fleetA).reports.setVehicleCosts({
    vehicleId: car1.id,
    validFrom: '2026-10-01',
    commissionedOn: '2026-10-01',
    ...costs,
  });
  await callerFor(db, fleetA).reports.setVehicleCosts({
    vehicleId: car2.id,
    validFrom: '2026-10-26',
    commissionedOn: '2026-10-26',
    ...costs,
  });
  // car1 blocked Sun 10:00–12:00 CET (09–11Z): hours 10 and 11 of Sunday not available.
  await db.insert(vehicleBlocks).values({
    vehicleId: car1.id,
    startsAt: new Date('2026-10-25T09:00Z'),
    endsAt: new Date('2026-10-25T11:00Z'),
    kind: 'maintenance',
    reason: 'Inspektion',
  });
  // Sat 23:00 CEST – Sun 00:30 CEST (21:00–22:30Z): only Sunday 00:00–00:30 lies in the period.
  await book(car1.id, staffA, '2026-10-24T21:00Z', '2026-10-24T22:30Z');
  // Sun 01:30 CEST – 02:30 CET (23:30Z–01:30Z), two hours: 0.5 in hour 1; 1 + 0.5 in the twice-lived hour 2.
  await book(car1.id, staffA, '2026-10-24T23:30Z', '2026-10-25T01:30Z');
  // Mon 08:00–09:45 CET on car2: 1 h in hour 8, 0.75 h in hour 9.
  await book(car2.id, staffA, '2026-10-26T07:00Z', '2026-10-26T08:45Z');
  // A cancelled booking counts nothing.
  await book(car1.id, staffA, '2026-10-26T07:00Z', '2026-10-26T09:00Z', true);
  // Mon 23:00 CET – Tue 01:00 CET on car1: only Monday 23:00–24:00 lies in the period.
  await book(car1.id, staffA, '2026-10-26T22:00Z', '2026-10-27T00:00Z');
  // B's car, Sunday 05:00–06:00 CET: never in A's heatmaps. Booked by B's own staff: a booking
  // across municipalities would need B's tariff before anyone can freeze October (the tests
  // share one PostgreSQL database, and reports.test.ts freezes that month).
  await book(carB.id, await makeUser(db, b), '2026-10-25T04:00Z', '2026-10-25T05:00Z');
});

type Cells = Awaited<ReturnType<typeof heatmap>>['cells'];
const cell = (cells: Cells, weekday: number, hour: number) => {
  const found = cells.find((c) => c.weekday === weekday && c.hour === hour);
  if (!found) throw new Error(`no cell ${weekday}/${hour}`);
  return { held: found.heldHours, available: found.availableHours, utilisation: found.utilisation };
};
const total = (cells: Cells, key: 'heldHours' | 'availableHours') =>
  cells.reduce((sum, c) => sum + c[key], 0);

describe('reports.heatmap', () => {
  it("counts A's held and available car-hours per local weekday and hour, the doubled hour twice", async () => {
    const { cells } = await heatmap(database.db, fleetA, { ...period, municipalityId: a.id }, zone);
    expect(cells).toHaveLength(7 * 24);
    expect(cell(cells, 7, 0)).toEqual({ held: 0.5, available: 1, utilisation: 0.5 });
    expect(cell(cells, 7, 1)).toEqual({ held: 0.5, available: 1, utilisation: 0.5 });
    expect(cell(cells, 7, 2)).toEqual({ held: 1.5, available: 2, utilisation: 0.75 });
    expect(cell(cells, 7, 3)).toEqual({ held: 0, available: 1, utilisation: 0 });
    // The block takes Sunday 10 and 11; B's booking at Sunday 5 is not A's.
    expect(cell(cells, 7, 10)).toEqual({ held: 0, available: 0, utilisation: null });
    expect(cell(cells, 7, 5)).toEqual({ held: 0, available: 1, utilisation: 0 });
    // Monday: both cars on duty.
    expect(cell(cells, 1, 8)).toEqual({ held: 1, available: 2, utilisation: 0.5 });
    expect(cell(cells, 1, 9)).toEqual({ held: 0.75, available: 2, utilisation: 0.375 });
    expect(cell(cells, 1, 23)).toEqual({ held: 1, available: 2, utilisation: 0.5 });
    // No other weekday lies in the period.
    expect(cell(cells, 3, 12)).toEqual({ held: 0, available: 0, utilisation: null });
    // Sunday: 25 hours of car1 − 2 blocked; Monday: 2 cars × 24 h.
    expect(total(cells, 'availableHours')).toBe(23 + 48);
    expect(total(cells, 'heldHours')).toBe(0.5 + 2 + 1.75 + 1);
  });

  it('narrows to one station and to one car', async () => {
    const north = await heatmap(database.db, fleetA, { ...period, stationId: northStation }, zone);
    expect(cell(north.cells, 7, 2)).toEqual({ held: 0, available: 0, utilisation: null });
    expect(cell(north.cells, 1, 9)).toEqual({ held: 0.75, available: 1, utilisation: 0.75 });
    const one = await heatmap(database.db, operator, { ...period, vehicleId: car1.id }, zone);
    expect(cell(one.cells, 7, 2)).toEqual({ held: 1.5, available: 2, utilisation: 0.75 });
    expect(cell(one.cells, 1, 9)).toEqual({ held: 0, available: 1, utilisation: 0 });
    expect(total(one.cells, 'availableHours')).toBe(23 + 24);
  });

  it("shows another municipality only as a whole: B's manager sees A's aggregate, not A's cars", async () => {
    const whole = await heatmap(database.db, fleetB, { ...period, municipalityId: a.id }, zone);
    expect(cell(whole.cells, 7, 2).held).toBe(1.5);
    await expect(heatmap(database.db, fleetB, { ...period, vehicleId: car1.id }, zone)).rejects.toMatchObject(
      {
        code: 'OTHER_MUNICIPALITY',
      },
    );
    await expect(
      heatmap(database.db, fleetB, { ...period, stationId: northStation }, zone),
    ).rejects.toMatchObject({ code: 'OTHER_MUNICIPALITY' });
    await expect(
      heatmap(database.db, fleetA, { ...period, vehicleId: randomUUID() }, zone),
    ).rejects.toMatchObject({ code: 'VEHICLE_NOT_FOUND' });
  });

  it('refuses staff and a period that ends before it starts, at its field', async () => {
    await expect(callerFor(database.db, staffA).reports.heatmap(period)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      callerFor(database.db, fleetA).reports.heatmap({ from: '2026-10-27', to: '2026-10-25' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
