/**
 * Two connection pools writing the same car-day at once: each transaction holds its write open a
 * while, so the other's trigger runs meanwhile. Every transaction must succeed and the roll-up
 * end equal to the recomputation from the raw rows (no stale row, no lost update).
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, type Db, openDatabase } from '@/db/client';
import { bookings, tripIgnitions, trips, vehicleBlocks } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { testContext } from '../test-context';
import { ensureRollupZone } from './rollups';
import { type Fleet, makeFleet, staleRows } from './rollups-fixture';

const database = testDatabaseForFile();
const zone = testContext(null as never, null).settings.timeZone;
const url = process.env.DATABASE_URL;
let pools: Database[] = [];

beforeAll(async () => {
  if (!url) return;
  pools = [
    await openDatabase({ databaseUrl: url, poolSize: 4 }),
    await openDatabase({ databaseUrl: url, poolSize: 4 }),
  ];
});
afterAll(async () => {
  for (const pool of pools) await pool.close();
});

/** Sun 25 Oct 2026 (the 25-hour day) at `hour` UTC plus `minutes`. */
const on25th = (hour: number, minutes = 0) => new Date(Date.UTC(2026, 9, 25, hour, minutes));
const hold = (tx: Db) => tx.execute(sql`select pg_sleep(0.15)`);

async function round(first: Db, second: Db, fleet: Fleet, i: number) {
  const [car] = fleet.vehicles as [string];
  const booking = (db: Db, hour: number) =>
    db
      .insert(bookings)
      .values({
        vehicleId: car,
        userId: fleet.user.id,
        startsAt: on25th(hour),
        endsAt: on25th(hour, 45),
        status: 'completed',
      })
      .returning();
  // Made beforehand: the second pool gives it a trip while the first books the same day.
  const [earlier] = await booking(database.db, 2 * i);
  if (!earlier) throw new Error('no booking');
  await Promise.all([
    first.transaction(async (tx) => {
      await booking(tx, 2 * i + 1);
      await hold(tx);
    }),
    second.transaction(async (tx) => {
      const [trip] = await tx
        .insert(trips)
        .values({
          bookingId: earlier.id,
          startedAt: on25th(2 * i, 5),
          endedAt: on25th(2 * i, 35),
          odometerStart: 0,
          odometerEnd: 100 + i,
        })
        .returning();
      if (!trip) throw new Error('no trip');
      await tx
        .insert(tripIgnitions)
        .values({ tripId: trip.id, onAt: on25th(2 * i, 6), offAt: on25th(2 * i, 30) });
      await hold(tx);
    }),
    second.transaction(async (tx) => {
      await tx.insert(vehicleBlocks).values({
        vehicleId: car,
        startsAt: on25th(12 + i),
        endsAt: on25th(12 + i, 30),
        kind: 'cleaning',
        reason: 'Reinigung',
      });
      await hold(tx);
    }),
    first.transaction(async (tx) => {
      // the booking of the round before is shortened and no-show while the others write
      await tx
        .update(bookings)
        .set({ endsAt: on25th(2 * i - 1, 15), status: 'no_show' })
        .where(eq(bookings.startsAt, on25th(2 * i - 1)));
      await hold(tx);
    }),
  ]);
}

describe('roll-ups under concurrent writers', () => {
  // PostgreSQL only: PGlite has one connection, so its writers never overlap.
  it.runIf(url)(
    'end equal to the recomputation when two pools write the same car-day',
    async () => {
      const [first, second] = pools as [Database, Database];
      await ensureRollupZone(database.db, zone);
      const fleet = await makeFleet(database.db);
      for (let i = 0; i < 5; i++) await round(first.db, second.db, fleet, i);
      expect(await staleRows(database.db, zone, fleet.vehicles)).toEqual([]);
      const [day] = (
        (await database.db.execute(sql`select held_seconds::float8 as held, blocked_seconds::float8 as blocked,
        ignition_seconds::float8 as ignition, km::float8 as km, trips, bookings, no_shows
        from vehicle_day_figures where vehicle_id = ${fleet.vehicles[0]}::uuid and day = '2026-10-25'`)) as {
          rows: Record<string, number>[];
        }
      ).rows;
      // 10 bookings of 45 min, of which the odd ones before the last shortened to 15 min, no-show
      expect(day).toEqual({
        held: (6 * 45 + 4 * 15) * 60,
        blocked: 5 * 30 * 60,
        ignition: 5 * 24 * 60,
        km: (100 + 101 + 102 + 103 + 104) / 10,
        trips: 5,
        bookings: 10,
        no_shows: 4,
      });
    },
    60_000,
  );
});
