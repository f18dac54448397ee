/**
 * The roll-ups against a recomputation from the raw rows: random writes of every kind (bookings
 * created, cancelled, no-show, extended, shortened, moved across midnight and the 25-hour day,
 * moved to another car, deleted; blocks; trips with ignition intervals; deletions), then every
 * roll-up row equals the raw recomputation, and the figures of random periods read from the
 * roll-ups equal the raw statement's.
 */
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseForFile } from '@/db/test-db';
import { testContext } from '../test-context';
import { ensureRollupZone, rebuildRollups, vehicleFigures } from './rollups';
import { apply, type Fleet, figureQuery, makeFleet, period, staleRows, write } from './rollups-fixture';
import { rawVehicleFigures } from './rollups-raw';

const database = testDatabaseForFile();
const zone = testContext(null as never, null).settings.timeZone;

beforeAll(async () => {
  await ensureRollupZone(database.db, zone);
});

type Row = Record<string, unknown>;
/** Equal up to float summation order: the roll-ups add day by day, the raw statement slice by slice. */
function expectSameFigures(actual: Row[], expected: Row[]) {
  expect(actual.map((r) => r.key)).toEqual(expected.map((r) => r.key));
  actual.forEach((row, i) => {
    for (const [field, value] of Object.entries(expected[i] ?? {})) {
      if (typeof value === 'number') expect(row[field], field).toBeCloseTo(value, 6);
      else expect(row[field], field).toEqual(value);
    }
  });
}

async function expectFiguresOfRawRows(fleet: Fleet, periods: { from: string; to: string }[]) {
  for (const p of periods)
    for (const groupBy of ['vehicle', 'month'] as const) {
      const q = figureQuery(p, zone, fleet.municipality.id, groupBy);
      expectSameFigures(await vehicleFigures(database.db, q), await rawVehicleFigures(database.db, q));
    }
}

describe('daily roll-ups', () => {
  it('equal the raw recomputation after any sequence of writes, for any period', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(write, { minLength: 1, maxLength: 25 }),
        fc.array(period, { minLength: 1, maxLength: 3 }),
        async (writes, periods) => {
          const fleet = await makeFleet(database.db);
          for (const w of writes) {
            await apply(database.db, fleet, w);
            // after every write, not only at the end: a later write to the same car-day would hide a miss
            expect(await staleRows(database.db, zone, fleet.vehicles)).toEqual([]);
          }
          await expectFiguresOfRawRows(fleet, periods);
        },
      ),
      {
        numRuns: 20,
        // Paths random sequences seldom take: a booking deleted, or moved to the other car, while
        // its trip and ignition start days after it.
        examples: [
          [
            [
              { op: 'book', car: 0, at: 0, quarters: 1, status: 'completed' },
              { op: 'trip', which: 0, offset: 120, km: 100, kwh: 5, litres: null },
              { op: 'ignition', which: 0, offset: 4, quarters: 8 },
              { op: 'otherCar', which: 0 },
              { op: 'unbook', which: 0 },
            ],
            [{ from: '2026-10-22', to: '2026-10-30' }],
          ],
        ],
      },
    );
  }, 120_000);

  // PGlite only: a rebuild truncates and recomputes the one roll-up table that every file on the
  // run's shared PostgreSQL writes through, holding them all up (the bench rebuilds on PostgreSQL).
  it.skipIf(process.env.DATABASE_URL)(
    'a rebuild gives the rows the triggers kept',
    async () => {
      const fleet = await makeFleet(database.db);
      const writes = fc.sample(write, { numRuns: 60, seed: 8 });
      for (const w of writes) await apply(database.db, fleet, w);
      const before = await staleRows(database.db, zone, fleet.vehicles);
      await rebuildRollups(database.db);
      expect(before).toEqual([]);
      expect(await staleRows(database.db, zone, fleet.vehicles)).toEqual([]);
      await expectFiguresOfRawRows(fleet, [{ from: '2026-10-01', to: '2026-11-15' }]);
    },
    60_000,
  );

  // PGlite only: the run's PostgreSQL is shared by files running at once, and the zone is one per database.
  it.skipIf(process.env.DATABASE_URL)(
    'are cut anew when the report zone changes',
    async () => {
      const fleet = await makeFleet(database.db);
      for (const w of fc.sample(write, { numRuns: 40, seed: 25 })) await apply(database.db, fleet, w);
      try {
        await ensureRollupZone(database.db, 'UTC');
        expect(await staleRows(database.db, 'UTC', fleet.vehicles)).toEqual([]);
        const q = figureQuery(
          { from: '2026-10-22', to: '2026-11-02' },
          'UTC',
          fleet.municipality.id,
          'vehicle',
        );
        expectSameFigures(await vehicleFigures(database.db, q), await rawVehicleFigures(database.db, q));
      } finally {
        await ensureRollupZone(database.db, zone);
      }
      expect(await staleRows(database.db, zone, fleet.vehicles)).toEqual([]);
    },
    60_000,
  );

  // PGlite only, as above: a deferred load marks the whole database's roll-ups stale.
  it.skipIf(process.env.DATABASE_URL)(
    'after a load with the triggers deferred, the next report rebuilds first',
    async () => {
      const fleet = await makeFleet(database.db);
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`set local rollups.defer = on`);
        for (const w of fc.sample(write, { numRuns: 30, seed: 9 })) await apply(tx, fleet, w);
      });
      expect((await staleRows(database.db, zone, fleet.vehicles)).length).toBeGreaterThan(0);
      const q = figureQuery({ from: '2026-10-22', to: '2026-11-02' }, zone, fleet.municipality.id, 'vehicle');
      expectSameFigures(await vehicleFigures(database.db, q), await rawVehicleFigures(database.db, q));
      expect(await staleRows(database.db, zone, fleet.vehicles)).toEqual([]);
    },
    60_000,
  );
});
