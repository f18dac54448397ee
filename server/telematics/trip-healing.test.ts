/** Log ingest all or nothing, trips that close themselves, and boxes whose log restarts. */
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { boxes, boxRecords, trips } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { CarSimulator, createBoxStore, ReferenceBox } from '@/telematics/box';
import { decodeResponse, keyPairFromSeed, toHex } from '@/telematics/protocol';
import { carryCommand, carWithBox, currentBooking, pullOne, type Setting } from './test-fixtures';
import { healTrips } from './trips';
import { stopWakeups } from './wakeups';

const database = testDatabaseForFile(stopWakeups);

/** Presses a button and carries the job to the box, as the station's gateway does. */
async function press(s: Setting, bookingId: string, op: 'unlock' | 'lock' | 'end') {
  const { jobId } = await s.api.telematics.command({ bookingId, op });
  expect(await pullOne(s)).toMatchObject({ id: jobId });
  const response = decodeResponse(await carryCommand(s, jobId));
  if (!response.ok) throw new Error('no response');
  return response.frame;
}

const upload = (s: Setting, records: Uint8Array[]) =>
  s.gateway.gateway.uploadLog({ boxId: s.boxId, records: records.map(toHex) });

const tripOf = async (bookingId: string) =>
  (await database.db.select().from(trips).where(eq(trips.bookingId, bookingId)))[0];

const boxRow = async (s: Setting) => (await database.db.select().from(boxes).where(eq(boxes.id, s.boxId)))[0];

/** Unlock, a 10 km drive at 50 km/h (12 minutes with the ignition on), and a car standing by. */
async function unlockAndDrive(s: Setting, km = 10) {
  const booking = await currentBooking(s);
  // The car's clock a minute ahead of the wall clock: a certificate's issuedAt (wall time at the
  // server) then never lifts the box's clock floor mid-test, however slow the machine.
  s.clock.set(Math.floor(Date.now() / 1000) + 60);
  const car = new CarSimulator({ box: s.box, clock: s.clock, odometerKm: 5_000, socPercent: 80 });
  const unlocked = await press(s, booking.id, 'unlock');
  car.openDoor();
  car.closeDoor();
  car.ignitionOn();
  car.drive(km, 50);
  car.ignitionOff();
  return { booking, car, unlocked };
}

describe('trips that heal themselves', () => {
  it('closes the trip from the box’s answer when the end is confirmed and no log was uploaded', async () => {
    const s = await carWithBox(database.db);
    const { booking, unlocked } = await unlockAndDrive(s);
    const ended = await press(s, booking.id, 'end');
    expect(s.store.log.length).toBeGreaterThan(0);
    expect(await database.db.select().from(boxRecords).where(eq(boxRecords.boxId, s.boxId))).toEqual([]);

    const trip = await tripOf(booking.id);
    expect(trip).toMatchObject({
      startedAt: new Date(unlocked.boxTime * 1000),
      endedAt: new Date(ended.boxTime * 1000),
      odometerStart: 50_000,
      odometerEnd: 50_100,
      socStart: unlocked.soc,
      socEnd: ended.soc,
      ignitionSeconds: null,
    });
    expect(ended.soc).toBeLessThan(unlocked.soc);
    expect(await healTrips(database.db)).toBe(0);

    // The log arrives after all: the records replace the answers, the figures stay and gain the ignition.
    await upload(s, s.store.log);
    expect(await tripOf(booking.id)).toMatchObject({
      endedAt: new Date(ended.boxTime * 1000),
      odometerStart: 50_000,
      odometerEnd: 50_100,
    });
    // 12 minutes of driving, in whole seconds of box time.
    expect(Math.abs(((await tripOf(booking.id))?.ignitionSeconds ?? 0) - 12 * 60)).toBeLessThanOrEqual(2);
  });

  it('the periodic job closes a trip left open by a booking ended by hand', async () => {
    const s = await carWithBox(database.db);
    const { booking } = await unlockAndDrive(s, 6);
    await upload(s, s.store.log);
    expect(await tripOf(booking.id)).toMatchObject({ endedAt: null, odometerEnd: 50_060 });
    const last = s.store.log.length;

    await s.api.bookings.end({ id: booking.id });
    expect((await tripOf(booking.id))?.endedAt).toBeNull();
    expect(await healTrips(database.db)).toBeGreaterThanOrEqual(1);
    const trip = await tripOf(booking.id);
    expect(trip?.endedAt).toBeInstanceOf(Date);
    expect(trip).toMatchObject({ odometerStart: 50_000, odometerEnd: 50_060 });
    expect(Math.abs((trip?.ignitionSeconds ?? 0) - (6 / 50) * 3600)).toBeLessThanOrEqual(2);
    expect(last).toBe(3);
    expect(await healTrips(database.db)).toBe(0);
  });
});

describe('a box whose log restarts', () => {
  it('keeps the records of both epochs, and the trip spans them', async () => {
    const s = await carWithBox(database.db);
    const { booking } = await unlockAndDrive(s, 5);
    const before = [...s.store.log];
    expect(await upload(s, before)).toMatchObject({ stored: 3, nextSeq: 4 });

    // The box is wiped mid-booking (same key, empty flash); the car around it stays as it was.
    const store = createBoxStore({
      boxId: s.store.boxId,
      seed: s.store.seed,
      caPublicKey: s.keys.ca.publicKey,
    });
    const box = new ReferenceBox({ store, clock: s.clock.now, car: { ...s.box.car, activeBookingId: null } });
    const wiped: Setting = { ...s, box, store };
    expect(keyPairFromSeed(store.seed).publicKey).toEqual(s.box.publicKey);
    const car2 = new CarSimulator({
      box,
      clock: s.clock,
      odometerKm: s.box.car.odometer / 10,
      socPercent: 70,
    });
    car2.ignitionOn();
    car2.drive(7, 50);
    car2.ignitionOff();
    car2.wait(60);
    const ended = await press(wiped, booking.id, 'end');
    expect(store.log.length).toBe(3);

    const outcome = await upload(wiped, store.log);
    expect(outcome).toEqual({ stored: 3, duplicates: 0, rejected: 0, nextSeq: 4 });
    const rows = await database.db.select().from(boxRecords).where(eq(boxRecords.boxId, s.boxId));
    expect(rows.map((r) => [r.epoch, r.seq]).sort()).toEqual([
      [0, 1],
      [0, 2],
      [0, 3],
      [1, 1],
      [1, 2],
      [1, 3],
    ]);
    expect(await boxRow(s)).toMatchObject({ epoch: 1, nextSeq: 4 });
    // The same frames again (a second gateway, a retry): duplicates, in whichever epoch they are.
    expect(await upload(wiped, [...before, ...store.log])).toMatchObject({ stored: 0, duplicates: 6 });

    expect(await tripOf(booking.id)).toMatchObject({
      endedAt: new Date(ended.boxTime * 1000),
      odometerStart: 50_000,
      odometerEnd: 50_120,
    });
  });
});

describe('gateway.uploadLog', () => {
  it('stores a batch all or nothing: a failure mid-batch leaves no record and the cursor where it was', async () => {
    const s = await carWithBox(database.db);
    const { booking } = await unlockAndDrive(s);
    // A real failure inside the batch's work: deriving this booking's trip is refused by the database.
    await database.db.execute(
      sql.raw(`
      create or replace function pm_test_refuse_trip() returns trigger language plpgsql as $$
      begin
        if new.booking_id = '${booking.id}' then raise exception 'refused for the test'; end if;
        return new;
      end $$;`),
    );
    await database.db.execute(
      sql.raw(`
      create trigger pm_test_refuse_trip before insert or update on trips
        for each row execute function pm_test_refuse_trip();`),
    );
    try {
      await expect(upload(s, s.store.log)).rejects.toThrow();
    } finally {
      await database.db.execute(sql.raw('drop trigger pm_test_refuse_trip on trips'));
    }
    expect(await database.db.select().from(boxRecords).where(eq(boxRecords.boxId, s.boxId))).toEqual([]);
    expect(await boxRow(s)).toMatchObject({ epoch: 0, nextSeq: 1 });
    expect(await upload(s, s.store.log)).toMatchObject({ stored: 3, nextSeq: 4 });
  });
});
