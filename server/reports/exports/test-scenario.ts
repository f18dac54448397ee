/**
 * A small month worked out by hand, for the export and CLI tests: March 2031 in Europe/Berlin
 * (summer time begins on Sunday 30 March, so the month has 31 × 24 − 1 = 743 hours).
 *
 * Municipality A owns carA (tariff 5 €/h + 0.50 €/km; fixed 310 €/month, 0.10 €/km from 1 March),
 * B owns carB (tariff 4 €/h + 0.30 €/km). Bookings (local time):
 *   b1 B's staff on carA, Tue  4 Mar 09:00–12:00, 42 km → 3 × 5 + 42 × 0.5 = 36.00 € owed by B
 *   b2 B's staff on carA, Wed  5 Mar 10:00–12:00, no-show → 2 × 5 = 10.00 € owed by B
 *   b3 A's staff on carB, Thu  6 Mar 08:00–09:00, 10 km → 1 × 4 + 10 × 0.3 = 7.00 € owed by A
 *   b4 A's staff on carA, Fri  7 Mar 14:00–15:00 (own car: no charge)
 *   b5 B's staff on carA, Mon 10 Mar 09:00–11:00, cancelled (nothing)
 *   b6 C's staff on carB, Wed 12 Mar 09:00–10:00 → 1 × 4 = 4.00 € owed by C, which has no accounting data
 * Matrix B→A 5 h, 42 km, 46.00 €; A→B 1 h, 10 km, 7.00 €; net: B owes A 39.00 €.
 * carA in March: held 3 + 2 + 1 = 6 h of 743 available; 42 km; 4 bookings, 1 trip, 1 no-show,
 * 1 cancellation; costs 310 + 42 × 0.10 = 314.20 €.
 */
import type { Db } from '@/db/client';
import { bookings, trips } from '@/db/schema';
import type { SessionUser } from '../../auth/queries';
import { callerFor, makeMunicipality, makeUser, makeVehicle } from '../../test-support';

export const MONTH = '2031-03';

export const accountingOf = (municipalityId: string, tag: string, costCentre: string) => ({
  municipalityId,
  costCentre,
  expenseAccount: `5421-${tag}`,
  revenueAccount: `4461-${tag}`,
  legalName: `Gemeinde ${tag}`,
  street: 'Markt 1',
  postalCode: '04821',
  city: 'Brandis',
  countryCode: 'DE',
  leitwegId: '04011000-1234512345-06',
  vatId: null,
  taxNumber: '231/149/01234',
  iban: 'DE89 3704 0044 0532 0130 00',
  bic: 'COBADEFFXXX',
  contactName: `Kämmerei ${tag}`,
  contactPhone: '+49 34292 0',
  contactEmail: `kaemmerei-${tag.toLowerCase()}@test.example`,
});

export async function handScenario(db: Db) {
  const a = await makeMunicipality(db);
  const b = await makeMunicipality(db);
  const c = await makeMunicipality(db);
  const carA = await makeVehicle(db, a, { batteryKwh: 50 });
  const carB = await makeVehicle(db, b);
  const operator = await makeUser(db, null, 'operator');
  const fleetA = await makeUser(db, a, 'fleet_manager');
  const fleetB = await makeUser(db, b, 'fleet_manager');
  const fleetC = await makeUser(db, c, 'fleet_manager');
  const staffA = await makeUser(db, a);
  const staffB = await makeUser(db, b);
  const staffC = await makeUser(db, c);
  await callerFor(db, fleetA).reports.setTariff({
    municipalityId: a.id,
    validFrom: '2031-01-01',
    perHour: 5,
    perKm: 0.5,
  });
  await callerFor(db, fleetB).reports.setTariff({
    municipalityId: b.id,
    validFrom: '2031-01-01',
    perHour: 4,
    perKm: 0.3,
  });
  await callerFor(db, fleetA).reports.setVehicleCosts({
    vehicleId: carA.id,
    validFrom: '2031-03-01',
    commissionedOn: '2031-03-01',
    retiredOn: null,
    leasingMonthly: 310,
    insuranceMonthly: 0,
    taxMonthly: 0,
    boxFeeMonthly: 0,
    otherMonthly: 0,
    perKm: 0.1,
    perKwh: 0,
    perLitre: 0,
  });
  await callerFor(db, fleetA).reports.setAccounting(accountingOf(a.id, 'A', 'KST-A'));
  await callerFor(db, fleetB).reports.setAccounting(accountingOf(b.id, 'B', 'KST-B'));

  const book = async (
    vehicleId: string,
    user: SessionUser,
    startsAt: string,
    endsAt: string,
    status: 'completed' | 'no_show' | 'cancelled',
    km?: number,
  ) => {
    const [row] = await db
      .insert(bookings)
      .values({
        vehicleId,
        userId: user.id,
        startsAt: new Date(startsAt),
        endsAt: new Date(endsAt),
        status,
        cancelledAt: status === 'cancelled' ? new Date('2031-03-01T00:00:00Z') : null,
      })
      .returning();
    if (!row) throw new Error('no booking');
    // The odometer counts tenths of a kilometre.
    if (km !== undefined)
      await db.insert(trips).values({
        bookingId: row.id,
        startedAt: new Date(startsAt),
        endedAt: new Date(endsAt),
        odometerStart: 10_000,
        odometerEnd: 10_000 + km * 10,
        ignitionSeconds: 0,
      });
    return row.id;
  };
  // March 2031 before the 30th is CET, UTC+1.
  const b1 = await book(carA.id, staffB, '2031-03-04T08:00:00Z', '2031-03-04T11:00:00Z', 'completed', 42);
  const b2 = await book(carA.id, staffB, '2031-03-05T09:00:00Z', '2031-03-05T11:00:00Z', 'no_show');
  const b3 = await book(carB.id, staffA, '2031-03-06T07:00:00Z', '2031-03-06T08:00:00Z', 'completed', 10);
  const b4 = await book(carA.id, staffA, '2031-03-07T13:00:00Z', '2031-03-07T14:00:00Z', 'completed');
  const b5 = await book(carA.id, staffB, '2031-03-10T08:00:00Z', '2031-03-10T10:00:00Z', 'cancelled');
  const b6 = await book(carB.id, staffC, '2031-03-12T08:00:00Z', '2031-03-12T09:00:00Z', 'completed');
  return {
    a,
    b,
    c,
    carA,
    carB,
    operator,
    fleetA,
    fleetB,
    fleetC,
    staffA,
    bookings: { b1, b2, b3, b4, b5, b6 },
  };
}
