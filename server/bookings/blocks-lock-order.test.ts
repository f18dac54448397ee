/**
 * Lifting a block takes the car's schedule lock before the block's row, as every schedule write
 * does. Seen in the interleavings property test on PostgreSQL before it did: lifting a block held
 * its row and waited for the car (the block's triggers), a block being placed on the same car held
 * the car and its overlap check waited for that row, and PostgreSQL killed the lifting (untyped).
 */
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { vehicleBlocks } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import {
  callerFor,
  hoursFromNow,
  isWaitedFor,
  makeMunicipality,
  makeUser,
  makeVehicle,
} from '../test-support';
import { lockVehicleSchedule } from './schedule';

const database = testDatabaseForFile();

// Two transactions interleaved need two connections: PGlite has one, so this runs on PostgreSQL.
it.runIf(process.env.DATABASE_URL)(
  'a block lifted while another block is being placed on the car waits for the car, and neither deadlocks',
  async () => {
    const { db } = database;
    const home = await makeMunicipality(db);
    const manager = callerFor(db, await makeUser(db, home, 'fleet_manager'));
    const car = await makeVehicle(db, home);
    const window = hoursFromNow(24, 4);
    const { block } = await manager.blocks.create({
      vehicleId: car.id,
      ...window,
      kind: 'maintenance',
      reason: 'Inspektion',
    });

    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked: (pid: number) => void = () => undefined;
    const carHeld = new Promise<number>((resolve) => {
      locked = resolve;
    });
    // As placing a block does: the car first, then the new block, which overlaps the one lifted.
    const placing = db.transaction(async (tx) => {
      await lockVehicleSchedule(tx, car.id);
      const [me] = await tx.select({ pid: sql<number>`pg_backend_pid()` }).from(sql`(select 1) as one`);
      locked(me?.pid ?? 0);
      await released;
      await tx.insert(vehicleBlocks).values({
        vehicleId: car.id,
        startsAt: window.from,
        endsAt: window.to,
        kind: 'damage',
        reason: 'Unfall',
      });
    });
    const holder = await carHeld;
    const lifting = manager.blocks.cancel({ id: block.id });
    let waited = false;
    try {
      for (let i = 0; i < 100 && !waited; i++) {
        await new Promise((r) => setTimeout(r, 20));
        waited = await isWaitedFor(database.db, holder);
      }
    } finally {
      release();
    }
    expect(waited).toBe(true);
    const [placed, lifted] = await Promise.allSettled([placing, lifting]);
    expect(lifted.status).toBe('fulfilled');
    // The new block met the old one before it was lifted: the database's no-overlap verdict, not a deadlock.
    expect(placed.status === 'rejected' ? String(placed.reason) : 'ok').not.toMatch(/deadlock/);
  },
);
