/**
 * Random writes for the roll-up tests: a small fleet around the change to winter time (Sun 25 Oct
 * 2026 in Europe/Berlin) and the turn of the month, and an interpreter that applies one write in
 * its own transaction the way any writer would (plain rows, no domain code), so the triggers are
 * all that keeps the roll-ups.
 */
import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { Db } from '@/db/client';
import { bookings, co2Factors, tripIgnitions, trips, vehicleBlocks, vehicleCostRates } from '@/db/schema';
import { makeMunicipality, makeUser, makeVehicle } from '../test-support';
import { type FigureQuery, rowsOf } from './queries';
import { periodBounds } from './rules';

/** Quarter hours from Fri 23 Oct 2026 00:00 CEST: the window spans the 25-hour day and 1 Nov. */
const BASE = Date.parse('2026-10-22T22:00:00Z');
const QUARTER = 15 * 60_000;
const WINDOW = 10 * 24 * 4;
const instant = (quarters: number) => new Date(BASE + quarters * QUARTER);

export async function makeFleet(db: Db) {
  const municipality = await makeMunicipality(db);
  const ev = await makeVehicle(db, municipality, { turnaroundBufferMinutes: 0 });
  const ice = await makeVehicle(db, municipality, {
    turnaroundBufferMinutes: 0,
    powertrain: 'ice',
    batteryKwh: null,
    rangeKm: null,
  });
  const user = await makeUser(db, municipality);
  const fixed = { insuranceMonthly: 50, taxMonthly: 10, boxFeeMonthly: 20, otherMonthly: 30, perKwh: 0.3 };
  await db.insert(vehicleCostRates).values([
    // the EV's rates change on the 26th; the combustion car enters service on the 25-hour day
    {
      vehicleId: ev.id,
      validFrom: '2026-10-01',
      commissionedOn: '2026-10-01',
      leasingMonthly: 200,
      perKm: 0.1,
      perLitre: 0,
      ...fixed,
    },
    {
      vehicleId: ev.id,
      validFrom: '2026-10-26',
      commissionedOn: '2026-10-01',
      leasingMonthly: 510,
      perKm: 0.2,
      perLitre: 0,
      ...fixed,
    },
    {
      vehicleId: ice.id,
      validFrom: '2026-10-25',
      commissionedOn: '2026-10-25',
      leasingMonthly: 300,
      perKm: 0.15,
      perLitre: 1.8,
      ...fixed,
    },
  ]);
  // Region-wide and maybe there from another test: both queries read whichever is there.
  await db
    .insert(co2Factors)
    .values({ validFrom: '2026-01-01', referenceGPerKm: 150, electricityGPerKm: 50 })
    .onConflictDoNothing();
  return { municipality, vehicles: [ev.id, ice.id], user };
}

const pick = fc.nat({ max: 1_000 });
// Weighted towards what makes rows to change: bookings, trips, ignition intervals.
export const write = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('book' as const),
      car: fc.nat({ max: 1 }),
      at: fc.nat({ max: WINDOW - 1 }),
      quarters: fc.integer({ min: 1, max: 4 * 30 }),
      status: fc.constantFrom('completed', 'reserved', 'no_show', 'cancelled'),
    }),
  },
  fc.record({ op: fc.constant('cancel' as const), which: pick }),
  fc.record({ op: fc.constant('noShow' as const), which: pick }),
  fc.record({ op: fc.constant('resize' as const), which: pick, by: fc.integer({ min: -12, max: 24 }) }),
  fc.record({ op: fc.constant('move' as const), which: pick, by: fc.integer({ min: -48, max: 48 }) }),
  fc.record({ op: fc.constant('otherCar' as const), which: pick }),
  { weight: 2, arbitrary: fc.record({ op: fc.constant('unbook' as const), which: pick }) },
  fc.record({
    op: fc.constant('block' as const),
    car: fc.nat({ max: 1 }),
    at: fc.nat({ max: WINDOW - 1 }),
    quarters: fc.integer({ min: 1, max: 4 * 30 }),
  }),
  fc.record({ op: fc.constant('unblock' as const), which: pick, remove: fc.boolean() }),
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('trip' as const),
      which: pick,
      // may start before its booking or days after it: a trip counts on its own start day
      offset: fc.integer({ min: -8, max: 4 * 48 }),
      km: fc.integer({ min: 0, max: 4_000 }),
      kwh: fc.option(fc.integer({ min: 0, max: 4_000 })),
      litres: fc.option(fc.integer({ min: 0, max: 4_000 })),
    }),
  },
  fc.record({ op: fc.constant('retrip' as const), which: pick, km: fc.integer({ min: 0, max: 4_000 }) }),
  fc.record({ op: fc.constant('untrip' as const), which: pick }),
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('ignition' as const),
      which: pick,
      offset: fc.integer({ min: -8, max: 100 }),
      quarters: fc.integer({ min: 0, max: 4 * 12 }),
    }),
  },
  fc.record({ op: fc.constant('unignite' as const), which: pick }),
);
type Write = typeof write extends fc.Arbitrary<infer T> ? T : never;

const nth = async <T>(rows: Promise<T[]>, which: number) => {
  const all = await rows;
  return all.length === 0 ? undefined : all[which % all.length];
};

/** Applies one write; one refused by a constraint (an overlap, say) is rolled back and skipped. */
export async function apply(db: Db, fleet: Fleet, w: Write) {
  const [ev, ice] = fleet.vehicles as [string, string];
  const mine = sql`vehicle_id in (${ev}::uuid, ${ice}::uuid)`;
  const ofFleet = (tx: Db) => tx.select().from(bookings).where(mine).orderBy(bookings.createdAt, bookings.id);
  const tripsOf = (tx: Db) =>
    tx
      .select({ id: trips.id, bookingId: trips.bookingId, startedAt: trips.startedAt })
      .from(trips)
      .innerJoin(bookings, eq(bookings.id, trips.bookingId))
      .where(mine)
      .orderBy(trips.id);
  await db
    .transaction(async (tx) => {
      if (w.op === 'book') {
        await tx.insert(bookings).values({
          vehicleId: fleet.vehicles[w.car] ?? ev,
          userId: fleet.user.id,
          startsAt: instant(w.at),
          endsAt: instant(w.at + w.quarters),
          status: w.status,
          cancelledAt: w.status === 'cancelled' ? instant(w.at) : null,
        });
      } else if (w.op === 'block') {
        await tx.insert(vehicleBlocks).values({
          vehicleId: fleet.vehicles[w.car] ?? ev,
          startsAt: instant(w.at),
          endsAt: instant(w.at + w.quarters),
          kind: 'maintenance',
          reason: 'Prüfung',
        });
      } else if (w.op === 'unblock') {
        const block = await nth(
          tx.select().from(vehicleBlocks).where(mine).orderBy(vehicleBlocks.id),
          w.which,
        );
        if (!block) return;
        if (w.remove) await tx.delete(vehicleBlocks).where(eq(vehicleBlocks.id, block.id));
        else
          await tx
            .update(vehicleBlocks)
            .set({ cancelledAt: new Date() })
            .where(eq(vehicleBlocks.id, block.id));
      } else if (
        w.op === 'trip' ||
        w.op === 'retrip' ||
        w.op === 'untrip' ||
        w.op === 'ignition' ||
        w.op === 'unignite'
      ) {
        await tripWrite(tx, w, ofFleet(tx), tripsOf(tx));
      } else {
        const b = await nth(ofFleet(tx), 'which' in w ? w.which : 0);
        if (!b) return;
        const set = (values: Partial<typeof bookings.$inferInsert>) =>
          tx.update(bookings).set(values).where(eq(bookings.id, b.id));
        const shift = (by: number) => new Date(b.endsAt.getTime() + by * QUARTER);
        if (w.op === 'cancel') await set({ status: 'cancelled', cancelledAt: b.startsAt });
        if (w.op === 'noShow') await set({ status: 'no_show', cancelledAt: null });
        if (w.op === 'resize') await set({ endsAt: shift(w.by) });
        if (w.op === 'move')
          await set({ startsAt: new Date(b.startsAt.getTime() + w.by * QUARTER), endsAt: shift(w.by) });
        if (w.op === 'otherCar') await set({ vehicleId: b.vehicleId === ev ? ice : ev });
        if (w.op === 'unbook') await tx.delete(bookings).where(eq(bookings.id, b.id));
      }
    })
    .catch((error: unknown) => {
      const code =
        (error as { cause?: { code?: string }; code?: string }).cause?.code ??
        (error as { code?: string }).code;
      // a check, a backward range or an overlap (exclusion, block against booking) refused it;
      // anything else fails the test
      if (!['23514', '23P01', '22000'].includes(code ?? '')) throw error;
    });
}

async function tripWrite(
  tx: Db,
  w: Extract<Write, { op: 'trip' | 'retrip' | 'untrip' | 'ignition' | 'unignite' }>,
  ofFleet: Promise<(typeof bookings.$inferSelect)[]>,
  tripsOf: Promise<{ id: string; bookingId: string; startedAt: Date }[]>,
) {
  if (w.op === 'trip') {
    const b = await nth(ofFleet, w.which);
    if (!b) return;
    await tx
      .insert(trips)
      .values({
        bookingId: b.id,
        startedAt: new Date(b.startsAt.getTime() + w.offset * QUARTER),
        // Closed, as a completed booking's trip is (an open one would be trip healing's to redo).
        endedAt: new Date(b.startsAt.getTime() + (w.offset + 1) * QUARTER),
        odometerStart: 10_000,
        odometerEnd: 10_000 + w.km,
        energyKwh: w.kwh === null ? null : w.kwh / 100,
        fuelLitres: w.litres === null ? null : w.litres / 100,
      })
      .onConflictDoNothing();
    return;
  }
  const t = await nth(tripsOf, w.which);
  if (!t) return;
  if (w.op === 'retrip')
    await tx
      .update(trips)
      .set({ odometerEnd: 10_000 + w.km })
      .where(eq(trips.id, t.id));
  if (w.op === 'untrip') await tx.delete(trips).where(eq(trips.id, t.id));
  if (w.op === 'ignition') {
    const onAt = new Date(t.startedAt.getTime() + w.offset * QUARTER);
    await tx
      .insert(tripIgnitions)
      .values({ tripId: t.id, onAt, offAt: new Date(onAt.getTime() + w.quarters * QUARTER) });
  }
  if (w.op === 'unignite') {
    const [i] = await tx.select().from(tripIgnitions).where(eq(tripIgnitions.tripId, t.id)).limit(1);
    if (i) await tx.delete(tripIgnitions).where(eq(tripIgnitions.id, i.id));
  }
}

/** A period of whole local days inside (or around) the window, as `figures()` would ask. */
export const period = fc
  .record({ first: fc.integer({ min: 0, max: 11 }), days: fc.integer({ min: 1, max: 12 }) })
  .map(({ first, days }) => {
    const day = (n: number) => new Date(Date.UTC(2026, 9, 22 + n)).toISOString().slice(0, 10);
    return { from: day(first), to: day(first + days) };
  });

export function figureQuery(
  p: { from: string; to: string },
  zone: string,
  municipalityId: string,
  groupBy: FigureQuery['groupBy'],
): FigureQuery {
  return { ...periodBounds(p.from, p.to, zone), ...p, zone, groupBy, municipalityId };
}

/** Roll-up rows of these cars that differ from a recomputation from the raw rows (both ways). */
export async function staleRows(db: Db, zone: string, vehicles: readonly string[]) {
  const cars = sql`array[${sql.join(
    vehicles.map((v) => sql`${v}::uuid`),
    sql`, `,
  )}]`;
  return rowsOf(
    await db.execute(sql`
      (select * from vehicle_day_figures where vehicle_id = any(${cars})
        except select * from rollups_compute(${zone}, ${cars}, null, null))
      union all
      (select * from rollups_compute(${zone}, ${cars}, null, null)
        except select * from vehicle_day_figures where vehicle_id = any(${cars}))`),
  );
}

export type Fleet = Awaited<ReturnType<typeof makeFleet>>;
