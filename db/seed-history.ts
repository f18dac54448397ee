import { randomUUID } from 'node:crypto';
import { TZDate } from '@date-fns/tz';
import type { Db } from './client';
import type { Region } from './region';
import { bookings, tripIgnitions, trips, vehicleBlocks } from './schema';

type BookingRow = typeof bookings.$inferInsert;
type TripRow = typeof trips.$inferInsert;
type IgnitionRow = typeof tripIgnitions.$inferInsert;
type BlockRow = typeof vehicleBlocks.$inferInsert;
type History = NonNullable<Region['demoHistory']>;
type Model = Region['models'][string];

export interface HistoryCar {
  id: string;
  plate: string;
  municipalityId: string;
  model: Model;
}
export interface HistoryPerson {
  id: string;
  municipalityId: string;
}

/**
 * The demo's past and near future: from the first day of the month `completedMonths` back until
 * `daysAhead` days after today, bookings in the working days' slots, with trips for the completed
 * ones and the region's maintenance blocks. The same region, day and zone give the same rows.
 */
export function demoHistory(
  history: History,
  cars: readonly HistoryCar[],
  people: readonly HistoryPerson[],
  { now, timeZone }: { now: Date; timeZone: string },
) {
  const random = mulberry32(history.randomSeed);
  const between = (r: { min: number; max: number }) => r.min + random() * (r.max - r.min);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const today = new TZDate(now, timeZone);
  const local = (day: TZDate, hour: number) =>
    new Date(
      new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), 0, 0, timeZone).getTime() +
        hour * 3_600_000,
    );
  const firstDay = new TZDate(today.getFullYear(), today.getMonth() - history.completedMonths, 1, timeZone);
  const lastDay = new TZDate(
    today.getFullYear(),
    today.getMonth(),
    today.getDate() + history.daysAhead,
    timeZone,
  );

  const blocks: BlockRow[] = history.blocks.flatMap((b) => {
    const car = cars.find((c) => c.plate === b.plate);
    if (!car) return [];
    const from = new TZDate(today.getFullYear(), today.getMonth() - b.monthsAgo, b.day, timeZone);
    const to = new TZDate(from.getFullYear(), from.getMonth(), from.getDate() + b.days, timeZone);
    return [
      { vehicleId: car.id, startsAt: local(from, 0), endsAt: local(to, 0), kind: b.kind, reason: b.reason },
    ];
  });
  const blocked = (vehicleId: string, start: Date, end: Date) =>
    blocks.some((b) => b.vehicleId === vehicleId && b.startsAt < end && start < b.endsAt);

  const rows: BookingRow[] = [];
  const tripRows: TripRow[] = [];
  const ignitionRows: IgnitionRow[] = [];
  const odometer = new Map(cars.map((c) => [c.id, Math.round(between(history.odometerStartKm) * 10)]));
  for (
    let day = firstDay;
    day <= lastDay;
    day = new TZDate(day.getFullYear(), day.getMonth(), day.getDate() + 1, timeZone)
  ) {
    if (day.getDay() === 0 || day.getDay() === 6) continue;
    for (const car of cars) {
      for (const slot of history.slots) {
        // Fewer ahead than behind: people book near the day, and each has a cap on open bookings.
        const open = local(day, slot.toHour) > now;
        if (random() > (open ? history.upcomingBookingChancePerSlot : history.bookingChancePerSlot)) continue;
        const startHour = slot.fromHour + Math.floor(random() * (slot.toHour - slot.fromHour));
        const hours = 1 + Math.floor(random() * (slot.toHour - startHour));
        const startsAt = local(day, startHour);
        const endsAt = local(day, startHour + hours);
        if (blocked(car.id, startsAt, endsAt)) continue;
        const own = people.filter((p) => p.municipalityId === car.municipalityId);
        const others = people.filter((p) => p.municipalityId !== car.municipalityId);
        const driver = random() < history.crossMunicipalShare || own.length === 0 ? pick(others) : pick(own);
        if (!driver) continue;
        const status = statusOf(startsAt, endsAt, now, random(), history);
        const id = randomUUID();
        rows.push({
          id,
          vehicleId: car.id,
          userId: driver.id,
          startsAt,
          endsAt,
          status,
          purpose: pick(history.purposes),
          cancelledAt:
            status === 'cancelled'
              ? new Date(Math.min(startsAt.getTime() - 86_400_000, now.getTime()))
              : null,
        });
        if (status !== 'completed') continue;
        const km = Math.max(1, Math.round(hours * between(history.kmPerHeldHour) * 10) / 10);
        const trip = tripOf(
          id,
          car,
          startsAt,
          endsAt,
          km,
          odometer.get(car.id) ?? 0,
          between(history.stateOfChargeAtStart),
        );
        odometer.set(car.id, trip.row.odometerEnd);
        // Whole seconds, as a box reports them; at most 80 % of the trip.
        const drivingSeconds = Math.round(
          Math.min((km / history.averageSpeedKmh) * 3600, 0.8 * ((+endsAt - +startsAt) / 1000 - 600)),
        );
        const ignitions = ignitionsOf(trip.row.startedAt, trip.endedAt, drivingSeconds * 1000);
        tripRows.push({
          ...trip.row,
          ignitionSeconds: ignitions.reduce((s, i) => s + Math.round((+i.offAt - +i.onAt) / 1000), 0),
        });
        ignitionRows.push(...ignitions.map((i) => ({ tripId: trip.row.id as string, ...i })));
      }
    }
  }
  return { blocks, bookings: rows, trips: tripRows, ignitions: ignitionRows };
}

function statusOf(
  startsAt: Date,
  endsAt: Date,
  now: Date,
  roll: number,
  history: History,
): BookingRow['status'] {
  if (roll < history.cancellationShare) return 'cancelled';
  if (endsAt <= now) return roll < history.cancellationShare + history.noShowShare ? 'no_show' : 'completed';
  if (startsAt <= now) return 'active';
  return 'reserved';
}

/**
 * A completed booking's trip: five minutes in and out of the booking, odometer in 100 m steps;
 * an electric car's energy is its state-of-charge drop × battery (the figures' rule), a plug-in
 * hybrid drives electric until 15 % charge and then on fuel.
 */
function tripOf(
  bookingId: string,
  car: HistoryCar,
  startsAt: Date,
  endsAt: Date,
  km: number,
  odometerStart: number,
  socStart: number,
) {
  const { model } = car;
  const startedAt = new Date(+startsAt + 300_000);
  const endedAt = new Date(+endsAt - 300_000);
  const base = {
    id: randomUUID(),
    bookingId,
    startedAt,
    endedAt,
    odometerStart,
    odometerEnd: odometerStart + Math.round(km * 10),
  };
  if (!model.batteryKwh || !model.consumptionKwhPer100Km) {
    const litres = Math.round(((km * (model.consumptionLitresPer100Km ?? 0)) / 100) * 100) / 100;
    return { endedAt, row: { ...base, fuelLitres: litres } satisfies TripRow };
  }
  const start = Math.round(socStart);
  const wantedKwh = (km * model.consumptionKwhPer100Km) / 100;
  const floor = model.powertrain === 'phev' ? 15 : 5;
  const drop = Math.min(start - floor, Math.round((wantedKwh / model.batteryKwh) * 100));
  const energyKwh = Math.round((drop / 100) * model.batteryKwh * 100) / 100;
  const electricKm = (energyKwh / model.consumptionKwhPer100Km) * 100;
  const fuelLitres =
    model.powertrain === 'phev'
      ? Math.round(((Math.max(0, km - electricKm) * (model.consumptionLitresPer100Km ?? 0)) / 100) * 100) /
        100
      : null;
  return {
    endedAt,
    row: {
      ...base,
      socStart: start,
      socEnd: start - drop,
      energyKwh,
      chargedKwh: 0,
      fuelLitres,
    } satisfies TripRow,
  };
}

/** Driving out and back: two ignition intervals at the trip's ends (one when the drive is short). */
function ignitionsOf(startedAt: Date, endedAt: Date, drivingMs: number) {
  const on = new Date(+startedAt + 120_000);
  const off = new Date(+endedAt - 120_000);
  if (drivingMs < 30 * 60_000) return [{ onAt: on, offAt: new Date(+on + Math.round(drivingMs)) }];
  const half = 1000 * Math.round(drivingMs / 2000);
  return [
    { onAt: on, offAt: new Date(+on + half) },
    { onAt: new Date(+off - half), offAt: off },
  ];
}

/** Writes the history in one statement a table, so each table's roll-up trigger runs once. */
export async function writeHistory(db: Db, history: ReturnType<typeof demoHistory>) {
  if (history.blocks.length > 0) await db.insert(vehicleBlocks).values(history.blocks);
  if (history.bookings.length > 0) await db.insert(bookings).values(history.bookings);
  if (history.trips.length > 0) await db.insert(trips).values(history.trips);
  if (history.ignitions.length > 0) await db.insert(tripIgnitions).values(history.ignitions);
}

// A small seeded generator: the demo data is the same on every machine.
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
