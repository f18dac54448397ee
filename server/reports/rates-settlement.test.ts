/**
 * Settlement where a tariff is missing, worked out by hand (Europe/Berlin, March 2019; summer time
 * starts on Sunday 31 March at 02:00 CET → 03:00 CEST, so that night has an hour less).
 *
 * P owns car p1 and has a tariff only from 10 March (6 €/h, 0.40 €/km); Q owns car q1 and has none;
 * R owns nothing. The settlement is region-wide: assertions look at P, Q and R only.
 */

import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookings, trips } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import type { SessionUser } from '../auth/queries';
import { callerFor, makeMunicipality, makeUser, makeVehicle } from '../test-support';

const database = testDatabaseForFile();
const month = '2019-03-01';

let p: Awaited<ReturnType<typeof makeMunicipality>>;
let q: Awaited<ReturnType<typeof makeMunicipality>>;
let r: Awaited<ReturnType<typeof makeMunicipality>>;
let operator: SessionUser;
let fleetP: SessionUser;
const booking: Record<string, string> = {};

async function book(
  name: string,
  vehicleId: string,
  user: SessionUser,
  window: [string, string],
  km: number | null,
  status: 'completed' | 'no_show' = 'completed',
) {
  const [row] = await database.db
    .insert(bookings)
    .values({
      vehicleId,
      userId: user.id,
      startsAt: new Date(window[0]),
      endsAt: new Date(window[1]),
      status,
    })
    .returning({ id: bookings.id });
  if (!row) throw new Error('no booking');
  booking[name] = row.id;
  if (km !== null)
    await database.db.insert(trips).values({
      bookingId: row.id,
      startedAt: new Date(window[0]),
      endedAt: new Date(window[1]),
      odometerStart: 50_000,
      odometerEnd: 50_000 + km * 10,
      ignitionSeconds: 0,
    });
}

beforeAll(async () => {
  const db = database.db;
  [p, q, r] = [await makeMunicipality(db), await makeMunicipality(db), await makeMunicipality(db)];
  const p1 = await makeVehicle(db, p);
  const q1 = await makeVehicle(db, q);
  operator = await makeUser(db, null, 'operator');
  fleetP = await makeUser(db, p, 'fleet_manager');
  const staffR = await makeUser(db, r);
  const staffQ = await makeUser(db, q);
  await callerFor(db, fleetP).reports.setTariff({
    municipalityId: p.id,
    validFrom: '2019-03-10',
    perHour: 6,
    perKm: 0.4,
  });
  // x1: R on p1, Tue 5 Mar 09:00–12:00 CET (08–11Z): 3 h, 30 km, before P's tariff → flagged, 0 €.
  await book('x1', p1.id, staffR, ['2019-03-05T08:00Z', '2019-03-05T11:00Z'], 30);
  // x2: R on p1, Tue 12 Mar 08:00–10:30 CET: 2.5 h × 6 + 45.5 km × 0.40 = 15 + 18.20 = 33.20 €.
  await book('x2', p1.id, staffR, ['2019-03-12T07:00Z', '2019-03-12T09:30Z'], 45.5);
  // x3: R's no-show on q1, Wed 20 Mar 11:00–12:00 CET: 1 h, Q has no tariff → flagged, 0 €.
  await book('x3', q1.id, staffR, ['2019-03-20T10:00Z', '2019-03-20T11:00Z'], null, 'no_show');
  // x4: Q on p1 through the change, Sun 31 Mar 01:00 CET (00Z) → 04:00 CEST (02Z): 2 elapsed hours
  // (3 on the wall clock), 10 km: 2 × 6 + 10 × 0.40 = 16.00 €.
  await book('x4', p1.id, staffQ, ['2019-03-31T00:00Z', '2019-03-31T02:00Z'], 10);
});

afterAll(async () => {
  // Nothing was frozen (that is the point), so the bookings can go and a rerun starts alike.
  await database.db.delete(bookings).where(inArray(bookings.id, Object.values(booking)));
});

const ours = () => new Set([p.id, q.id, r.id]);

async function settled() {
  const s = await callerFor(database.db, operator).reports.settlement({ month });
  const cell = (driver: string, owner: string) =>
    s.matrix.find((m) => m.driverMunicipalityId === driver && m.ownerMunicipalityId === owner);
  const lines = s.lines.filter((l) => ours().has(l.ownerMunicipalityId));
  return { s, cell, lines };
}

describe('settlement of March 2019 with tariffs missing', () => {
  it('flags the lines without a valid tariff and counts them in their cell', async () => {
    const { s, cell, lines } = await settled();
    expect(s.frozen).toBe(false);
    expect(lines.map((l) => [l.bookingId, l.hours, l.km, l.amount, l.tariffMissing])).toEqual([
      [booking.x1, 3, 30, 0, true],
      [booking.x2, 2.5, 45.5, 33.2, undefined],
      [booking.x3, 1, 0, 0, true],
      [booking.x4, 2, 10, 16, undefined],
    ]);
    // R → P: x1 + x2 = 5.5 h, 75.5 km, 33.20 € with one line short of a tariff.
    expect(cell(r.id, p.id)).toEqual({
      driverMunicipalityId: r.id,
      ownerMunicipalityId: p.id,
      hours: 5.5,
      km: 75.5,
      amount: 33.2,
      linesWithoutTariff: 1,
    });
    expect(cell(r.id, q.id)).toMatchObject({ hours: 1, km: 0, amount: 0, linesWithoutTariff: 1 });
    expect(cell(q.id, p.id)).toEqual({
      driverMunicipalityId: q.id,
      ownerMunicipalityId: p.id,
      hours: 2,
      km: 10,
      amount: 16,
    });
  });

  it('refuses to freeze the month while a line lacks its tariff, and freezes nothing', async () => {
    await expect(callerFor(database.db, operator).reports.freezeMonth({ month })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      cause: { code: 'SETTLEMENT_TARIFF_MISSING' },
    });
    expect((await settled()).s.frozen).toBe(false);
  });

  it('charges x1 once P’s tariff reaches back before it: 3 h × 4 + 30 km × 0.30 = 21.00 €', async () => {
    await callerFor(database.db, fleetP).reports.setTariff({
      municipalityId: p.id,
      validFrom: '2019-03-01',
      perHour: 4,
      perKm: 0.3,
    });
    const { cell, lines } = await settled();
    expect(lines.find((l) => l.bookingId === booking.x1)).toMatchObject({ amount: 21 });
    expect(lines.find((l) => l.bookingId === booking.x1)).not.toHaveProperty('tariffMissing');
    // R → P: 21.00 + 33.20 = 54.20 €, nothing short any more; R → Q still is.
    expect(cell(r.id, p.id)).not.toHaveProperty('linesWithoutTariff');
    expect(cell(r.id, p.id)?.amount).toBe(54.2);
    expect(cell(r.id, q.id)?.linesWithoutTariff).toBe(1);
  });
});
