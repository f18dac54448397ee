/**
 * The embedded demo end to end, in-process: demo boxes and gateways provisioned, one real gateway
 * per station over the real `gateway.*` procedures, simulated cars; a driver unlocks, drives,
 * ends, and finds the trip — and a restart of the demo in the middle of a trip loses nothing.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { bookings, boxes } from '@/db/schema';
import { openTestDatabase } from '@/db/test-db';
import { stopWakeups } from '../telematics/wakeups';
import { callerFor, makeMunicipality, makeUser, makeVehicle } from '../test-support';
import { type DemoRuntime, setCurrentDemo } from './current';
import {
  driverWithBooking as bookNow,
  endedTrip,
  press,
  startTestDemo,
  stopTestDemo,
  until,
} from './test-kit';

let database: Database;
let home: Awaited<ReturnType<typeof makeMunicipality>>;
let demo: DemoRuntime | null = null;
/** One car per test, made before the demo starts (the demo provisions the cars it finds then). */
const cars: Awaited<ReturnType<typeof makeVehicle>>[] = [];

const start = async () => {
  demo = await startTestDemo(database.db, home.id);
  return demo;
};
const stop = async () => {
  await stopTestDemo(demo);
  demo = null;
};

beforeAll(async () => {
  database = await openTestDatabase();
  home = await makeMunicipality(database.db);
  for (let i = 0; i < 4; i++)
    cars.push(await makeVehicle(database.db, home, { batteryKwh: 58, rangeKm: 400 }));
  await start();
});
afterAll(async () => {
  await stop();
  await stopWakeups(database.db);
  await database.close();
});

const driverWithBooking = (index: number, minutes = 60) => bookNow(database.db, home, cars[index], minutes);
const statusOf = async (id: string) =>
  (await database.db.select().from(bookings).where(eq(bookings.id, id)))[0]?.status;

describe('the embedded demo', () => {
  it('unlock → drive 10 km → end: the booking completes and the trip shows 10 km', async () => {
    const { api, booking } = await driverWithBooking(0);
    expect(await api.telematics.demo.status()).toEqual({ running: true });
    await expect(api.telematics.demo.act({ bookingId: booking.id, action: 'drive' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: 'Das Fahrzeug ist verriegelt. Bitte zuerst entriegeln.',
    });

    const started = Date.now();
    expect(await press(api, booking.id, 'unlock')).toMatchObject({ state: 'done', status: 'OK' });
    const unlockMs = Date.now() - started;
    expect(await statusOf(booking.id)).toBe('active');
    const before = await api.telematics.demo.car({ bookingId: booking.id });
    expect(before).toMatchObject({ locked: false, ignitionOn: false });

    const after = await api.telematics.demo.act({ bookingId: booking.id, action: 'drive' });
    expect(after.odometerKm).toBeCloseTo(before.odometerKm + 10, 5);
    expect(after).toMatchObject({ ignitionOn: false, locked: false });
    expect(after.socPercent).toBeLessThan(before.socPercent);

    // With the ignition on the box refuses to end the booking, and says why.
    await api.telematics.demo.act({ bookingId: booking.id, action: 'ignitionOn' });
    expect(await press(api, booking.id, 'end')).toMatchObject({ state: 'done', status: 'VEHICLE_STATE' });
    await api.telematics.demo.act({ bookingId: booking.id, action: 'ignitionOff' });
    expect(await press(api, booking.id, 'end')).toMatchObject({ state: 'done', status: 'OK' });
    expect(await statusOf(booking.id)).toBe('completed');

    const trip = await endedTrip(api, booking.id);
    expect(trip.km).toBeCloseTo(10, 5);
    expect(trip.socStart).toBe(before.socPercent);
    expect(trip.socEnd).toBe(after.socPercent);
    expect(trip.energyKwh).toBeGreaterThan(0);
    const minutes = ((trip.endedAt?.getTime() ?? 0) - trip.startedAt.getTime()) / 60_000;
    expect(minutes).toBeGreaterThanOrEqual(12);
    expect(minutes).toBeLessThan(14);
    console.log(
      `demo unlock: ${unlockMs} ms from command to done; trip ${trip.km} km, ${trip.energyKwh} kWh`,
    );
  });

  it('is FORBIDDEN without a running demo, and only for the booking’s own driver', async () => {
    const { api, booking } = await driverWithBooking(1);
    const stranger = callerFor(database.db, await makeUser(database.db, home));
    // Someone else's booking is, to a stranger, one that does not exist.
    await expect(stranger.telematics.demo.car({ bookingId: booking.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Diese Buchung gibt es nicht (mehr).',
    });
    setCurrentDemo(null);
    try {
      expect(await api.telematics.demo.status()).toEqual({ running: false });
      await expect(
        api.telematics.demo.act({ bookingId: booking.id, action: 'openDoor' }),
      ).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    } finally {
      setCurrentDemo(demo);
    }
  });

  it('keeps simulated time inside the key: a drive that would outlast it is refused', async () => {
    // 15 minutes booked: the key holds 15 minutes more, so two drives of 12 minutes fit, a third not.
    const { api, booking } = await driverWithBooking(2, 15);
    expect(await press(api, booking.id, 'unlock')).toMatchObject({ status: 'OK' });
    await api.telematics.demo.act({ bookingId: booking.id, action: 'drive' });
    await api.telematics.demo.act({ bookingId: booking.id, action: 'drive' });
    await expect(api.telematics.demo.act({ bookingId: booking.id, action: 'drive' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringContaining('Buchungszeit'),
    });
    expect(await press(api, booking.id, 'end')).toMatchObject({ status: 'OK' });
    expect((await endedTrip(api, booking.id)).km).toBeCloseTo(20, 5);
  });

  it('survives a restart mid-trip: the box gets its log back from the server, and seqs go on', async () => {
    const { car, api, booking } = await driverWithBooking(3);
    expect(await press(api, booking.id, 'unlock')).toMatchObject({ status: 'OK' });
    await api.telematics.demo.act({ bookingId: booking.id, action: 'drive' });
    const driven = await api.telematics.demo.car({ bookingId: booking.id });
    await stop(); // uploads what the box still holds, then a power cut

    const again = await start();
    const box = again.car(car.id);
    const [row] = await database.db.select().from(boxes).where(eq(boxes.vehicleId, car.id));
    // unlocked, ignition on, ignition off: all on the server before the stop, and back on the box.
    expect(row?.nextSeq).toBe(4);
    expect(box?.box.car.locked).toBe(true); // a restarted box comes up locked
    const restarted = await api.telematics.demo.car({ bookingId: booking.id });
    expect(restarted.odometerKm).toBeCloseTo(driven.odometerKm, 1);
    expect(restarted.socPercent).toBe(driven.socPercent);

    expect(await press(api, booking.id, 'end')).toMatchObject({ status: 'OK' });
    const trip = await endedTrip(api, booking.id);
    expect(trip.km).toBeCloseTo(10, 5);
    // The trip closes with the box's answer; the booking-ended record follows with the log sync.
    const after = await until('the last record', async () => {
      const [row] = await database.db.select().from(boxes).where(eq(boxes.vehicleId, car.id));
      return row?.nextSeq === 5 ? row : undefined;
    });
    expect(after).toMatchObject({ epoch: 0, nextSeq: 5 });
  });
});
