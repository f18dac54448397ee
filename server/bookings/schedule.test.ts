import { type SQL, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { bookingStatuses, liveBookingStatuses } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { makeMunicipality, makeVehicle } from '../test-support';
import { lockVehicleSchedule } from './schedule';

const database = testDatabaseForFile();

/** Both drivers answer a raw statement with `{ rows }`; drizzle types it only per driver. */
async function query<T>(db: Db, statement: SQL): Promise<T[]> {
  const result = (await db.execute(statement)) as { rows: T[] };
  return result.rows;
}

/** The advisory locks this transaction holds. */
async function advisoryLocksHeld(tx: Db) {
  const rows = await query<{ objid: string }>(
    tx,
    sql`select objid::text from pg_locks where locktype = 'advisory' and pid = pg_backend_pid() and granted`,
  );
  return rows.map((r) => r.objid);
}

describe('the per-car lock', () => {
  it('is one lock per car however its id is spelled', async () => {
    const { db } = database;
    const car = await makeVehicle(db, await makeMunicipality(db));
    await db.transaction(async (tx) => {
      await lockVehicleSchedule(tx, car.id.toUpperCase());
      await lockVehicleSchedule(tx, car.id);
      // The triggers' own call, on the stored (canonical) id.
      await tx.execute(sql`select lock_vehicle_schedule(${car.id}::uuid)`);
      expect(await advisoryLocksHeld(tx)).toHaveLength(1);
    });
  });

  // PostgreSQL only: waiting needs a second connection, and PGlite has just one.
  it.runIf(process.env.DATABASE_URL)(
    'makes an upper-case writer and a lower-case writer of one car wait for each other',
    async () => {
      const { db } = database;
      const car = await makeVehicle(db, await makeMunicipality(db));
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let locked = () => {};
      const isLocked = new Promise<void>((resolve) => {
        locked = resolve;
      });
      const holder = db.transaction(async (tx) => {
        await lockVehicleSchedule(tx, car.id.toUpperCase());
        locked();
        await held;
      });
      await isLocked;
      const waiter = db.transaction(async (tx) => {
        await tx.execute(sql`set local lock_timeout = '300ms'`);
        await lockVehicleSchedule(tx, car.id);
      });
      await expect(waiter).rejects.toMatchObject({ cause: { code: '55P03' } });
      release();
      await holder;
    },
  );
});

describe('the live statuses', () => {
  it('are the same in TypeScript and in the database function the constraint and triggers use', async () => {
    const { db } = database;
    for (const status of bookingStatuses) {
      const rows = await query<{ live: boolean }>(db, sql`select booking_holds_vehicle(${status}) as live`);
      expect([status, rows[0]?.live]).toEqual([
        status,
        (liveBookingStatuses as readonly string[]).includes(status),
      ]);
    }
    const constraint = await query<{ def: string }>(
      db,
      sql`
      select pg_get_constraintdef(oid) as def from pg_constraint where conname = 'bookings_no_overlap'`,
    );
    expect(constraint[0]?.def).toMatch(/WHERE \(booking_holds_vehicle\(status\)\)/);
    const triggers = await query<{ name: string; body: string }>(
      db,
      sql`
      select proname as name, prosrc as body from pg_proc
      where proname in ('bookings_refuse_blocked', 'vehicle_blocks_refuse_booked')`,
    );
    expect(triggers).toHaveLength(2);
    for (const { name, body } of triggers) {
      expect([name, body]).toEqual([name, expect.stringContaining('booking_holds_vehicle(')]);
      expect([name, body]).toEqual([name, expect.not.stringContaining("'reserved'")]);
    }
  });
});
