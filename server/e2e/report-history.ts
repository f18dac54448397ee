import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import {
  bookings,
  demandMisses,
  municipalities,
  stations,
  trips,
  users,
  vehicleBlocks,
  vehicleCostRates,
  vehicles,
} from '@/db/schema';
import { monthOf, startOfLocalDay } from '../reports/rules';

/** A month of a test world to fill with report data, as `YYYY-MM-01`. */
export const reportHistorySpec = z.object({ municipalityId: z.uuid(), month: z.iso.date() });

const HOUR = 3_600_000;

/**
 * A finished month for the dashboard spec: cost rates from the month's first day, completed
 * bookings with trips (the first car busiest), a no-show, a cancellation, a block and searches
 * that found no car. Times are local (`zone`) so the heatmap shows them at the hours written here.
 */
export async function addReportHistory(db: Db, input: z.infer<typeof reportHistorySpec>, zone: string) {
  const { first } = monthOf(input.month);
  const [municipality] = await db
    .select({ slug: municipalities.slug })
    .from(municipalities)
    .where(eq(municipalities.id, input.municipalityId));
  if (!municipality?.slug.startsWith('e2e-')) throw new Error('e2e: not a test world');
  const cars = await db
    .select({ id: vehicles.id, stationId: vehicles.homeStationId })
    .from(vehicles)
    .where(eq(vehicles.ownerMunicipalityId, input.municipalityId))
    .orderBy(vehicles.plate);
  // The manager drives: the staff member's own bookings list, which other specs read, stays as it was.
  const [driver] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.municipalityId, input.municipalityId), eq(users.role, 'fleet_manager')));
  const [station] = await db
    .select({ id: stations.id })
    .from(stations)
    .where(eq(stations.municipalityId, input.municipalityId));
  if (!driver || !station || cars.length === 0)
    throw new Error('e2e: the world has no cars, people or station');
  const day = (n: number) => `${first.slice(0, 8)}${String(n).padStart(2, '0')}`;
  const at = (n: number, hour: number) => new Date(startOfLocalDay(day(n), zone).getTime() + hour * HOUR);

  for (const car of cars)
    await db.insert(vehicleCostRates).values({
      vehicleId: car.id,
      validFrom: first,
      commissionedOn: first,
      leasingMonthly: 300,
      insuranceMonthly: 40,
      taxMonthly: 0,
      boxFeeMonthly: 15,
      otherMonthly: 0,
      perKm: 0.12,
      perKwh: 0.3,
      perLitre: 0,
    });

  // [car index, day, start hour, hours, km]: car 1 busy on weekday mornings, car 2 now and then.
  const driven: [number, number, number, number, number][] = [
    [0, 2, 8, 4, 62],
    [0, 4, 8, 3, 35],
    [0, 9, 9, 5, 120],
    [0, 11, 8, 4, 48],
    [0, 16, 13, 3, 27],
    [0, 18, 8, 4, 75],
    [1, 3, 10, 2, 18],
    [1, 17, 14, 3, 40],
    [2 % cars.length, 23, 7, 8, 210],
  ];
  let odometer = 100_000;
  for (const [index, n, hour, hours, km] of driven) {
    const car = cars[index];
    if (!car) continue;
    const [booking] = await db
      .insert(bookings)
      .values({
        vehicleId: car.id,
        userId: driver.id,
        startsAt: at(n, hour),
        endsAt: at(n, hour + hours),
        status: 'completed',
      })
      .returning({ id: bookings.id });
    if (!booking) throw new Error('e2e: no booking');
    await db.insert(trips).values({
      bookingId: booking.id,
      startedAt: new Date(at(n, hour).getTime() + HOUR / 6),
      endedAt: new Date(at(n, hour + hours).getTime() - HOUR / 6),
      odometerStart: odometer,
      odometerEnd: odometer + km * 10,
      ignitionSeconds: Math.round(km * 90),
      energyKwh: Math.round(km * 17) / 100,
    });
    odometer += km * 10;
  }
  const last = cars[cars.length - 1] ?? cars[0];
  if (last) {
    await db.insert(bookings).values([
      { vehicleId: last.id, userId: driver.id, startsAt: at(6, 9), endsAt: at(6, 11), status: 'no_show' },
      {
        vehicleId: last.id,
        userId: driver.id,
        startsAt: at(12, 9),
        endsAt: at(12, 12),
        status: 'cancelled',
        cancelledAt: at(5, 9),
      },
    ]);
    await db.insert(vehicleBlocks).values({
      vehicleId: last.id,
      startsAt: at(20, 0),
      endsAt: at(22, 0),
      kind: 'maintenance',
      reason: 'Inspektion',
    });
  }
  await db.insert(demandMisses).values([
    { stationId: station.id, hour: at(9, 9), count: 3 },
    { stationId: station.id, hour: at(18, 8), count: 1 },
  ]);
}
