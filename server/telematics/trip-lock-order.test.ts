/**
 * Deriving a trip takes the car's schedule lock before the trip's row, as every booking write
 * does. Seen in CI before it did: a log upload held the trip's row and waited for the car (the
 * roll-up trigger), the box's answer to "end" held the car and waited for the row, and PostgreSQL
 * killed one after its deadlock timeout: the person's "end" was never recorded.
 */
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { testDatabaseForFile } from '@/db/test-db';
import { CarSimulator } from '@/telematics/box';
import { decodeResponse, toHex } from '@/telematics/protocol';
import { lockVehicleSchedule } from '../bookings/schedule';
import { applyTransition } from '../bookings/transitions';
import { ensureRollupZone } from '../reports/rollups';
import { testContext } from '../test-context';
import { isWaitedFor } from '../test-support';
import { carryCommand, carWithBox, currentBooking, pullOne } from './test-fixtures';
import { deriveTrips } from './trips';
import { stopWakeups } from './wakeups';

const database = testDatabaseForFile(stopWakeups);

// Two transactions interleaved need two connections: PGlite has one, so this runs on PostgreSQL.
it.runIf(process.env.DATABASE_URL)(
  'a trip derived while another transaction holds the car waits for the car, then both commit',
  async () => {
    // The roll-up triggers, which take the car's lock, work once the database has its zone.
    await ensureRollupZone(database.db, testContext(null as never, null).settings.timeZone);
    const s = await carWithBox(database.db);
    const booking = await currentBooking(s);
    s.clock.set(Math.floor(Date.now() / 1000) + 60);
    const car = new CarSimulator({ box: s.box, clock: s.clock, odometerKm: 5_000, socPercent: 80 });
    const { jobId } = await s.api.telematics.command({ bookingId: booking.id, op: 'unlock' });
    expect(await pullOne(s)).toMatchObject({ id: jobId });
    expect(decodeResponse(await carryCommand(s, jobId)).ok).toBe(true);
    car.openDoor();
    car.closeDoor();
    const uploadAll = () =>
      s.gateway.gateway.uploadLog({ boxId: s.boxId, records: s.store.log.map((r) => toHex(r)) });
    await uploadAll();
    // New records: the next upload changes the trip's figures, so its roll-up trigger wants the car.
    car.ignitionOn();
    car.drive(10, 50);
    car.ignitionOff();

    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked: (pid: number) => void = () => undefined;
    const carHeld = new Promise<number>((resolve) => {
      locked = resolve;
    });
    // As the box's answer to "end" does: the car first, then the trip.
    const answer = database.db.transaction(async (tx) => {
      await lockVehicleSchedule(tx, s.car.id);
      const [me] = await tx.select({ pid: sql<number>`pg_backend_pid()` }).from(sql`(select 1) as one`);
      locked(me?.pid ?? 0);
      await released;
      await deriveTrips(tx, booking.id);
    });
    const holder = await carHeld;
    // The gateway's log upload, meanwhile.
    const upload = uploadAll();
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
    const outcomes = await Promise.allSettled([answer, upload]);
    expect(outcomes.map((o) => (o.status === 'rejected' ? String(o.reason) : 'ok'))).toEqual(['ok', 'ok']);
  },
);

// Seen in CI: a log upload's records point at the booking (a foreign key: the upload holds the
// booking's row in key share) and then want the car; the box's answer to "end" held the car and
// asked for the booking's row in update mode, which waits for key share. A booking step changes no
// key, so it takes the row in no-key-update mode, which leaves inserts that refer to it alone.
it.runIf(process.env.DATABASE_URL)(
  'a booking step does not wait for a log upload that refers to the booking, so the two cannot deadlock',
  async () => {
    const s = await carWithBox(database.db);
    const booking = await currentBooking(s);
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let shared: () => void = () => undefined;
    const keyShared = new Promise<void>((resolve) => {
      shared = resolve;
    });
    const upload = database.db.transaction(async (tx) => {
      await tx.execute(sql`select 1 from bookings where id = ${booking.id} for key share`);
      shared();
      await released;
      await lockVehicleSchedule(tx, s.car.id);
    });
    await keyShared;
    const step = applyTransition(
      database.db,
      booking.id,
      { type: 'unlock' },
      { id: null, role: 'system' },
      new Date(),
    );
    const settled = await Promise.race([
      step.then(() => 'stepped'),
      new Promise((r) => setTimeout(() => r('waiting'), 2_000)),
    ]);
    release();
    expect(settled).toBe('stepped');
    const outcomes = await Promise.allSettled([upload, step]);
    expect(outcomes.map((o) => (o.status === 'rejected' ? String(o.reason) : 'ok'))).toEqual(['ok', 'ok']);
  },
);
