/**
 * The embedded demo with DEMO_RADIO=bluez: the same unlock → drive → end → trip as demo.test.ts,
 * but every gateway reaches its box through node-ble, a real dbus-daemon and the BlueZ double —
 * and stopping the demo leaves no daemon behind.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { openTestDatabase } from '@/db/test-db';
import { beginStopping } from '../process/state';
import { stopWakeups } from '../telematics/wakeups';
import { makeMunicipality, makeVehicle } from '../test-support';
import type { DemoRuntime } from './current';
import { driverWithBooking, endedTrip, press, startTestDemo, stopTestDemo } from './test-kit';

let database: Database;
let home: Awaited<ReturnType<typeof makeMunicipality>>;
let demo: DemoRuntime | null = null;
const cars: Awaited<ReturnType<typeof makeVehicle>>[] = [];
let startMs = 0;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const stop = async () => {
  await stopTestDemo(demo);
  demo = null;
};

beforeAll(async () => {
  database = await openTestDatabase();
  home = await makeMunicipality(database.db);
  for (let i = 0; i < 2; i++)
    cars.push(await makeVehicle(database.db, home, { batteryKwh: 58, rangeKm: 400 }));
  const started = Date.now();
  demo = await startTestDemo(database.db, home.id, 'bluez');
  startMs = Date.now() - started;
});
afterAll(async () => {
  await stop();
  await stopWakeups(database.db);
  await database.close();
});

describe('the embedded demo over node-ble (DEMO_RADIO=bluez)', () => {
  it('runs its gateways on a private dbus-daemon, and leaves the process’s own bus setting alone', async () => {
    const pid = demo?.radio.busPid;
    expect(demo?.radio.kind).toBe('bluez');
    if (pid === undefined) throw new Error('no bus PID');
    expect(await readFile(`/proc/${pid}/cmdline`, 'utf8')).toContain('dbus-daemon');
    expect(process.env.DBUS_SYSTEM_BUS_ADDRESS ?? '').not.toContain('bluez-double-');
  });

  it('unlock → drive 10 km → end: the booking completes and the trip shows 10 km', async () => {
    const { api, booking } = await driverWithBooking(database.db, home, cars[0]);
    const started = Date.now();
    expect(await press(api, booking.id, 'unlock')).toMatchObject({ state: 'done', status: 'OK' });
    const unlockMs = Date.now() - started;
    const before = await api.telematics.demo.car({ bookingId: booking.id });
    expect(before).toMatchObject({ locked: false, ignitionOn: false });

    const after = await api.telematics.demo.act({ bookingId: booking.id, action: 'drive' });
    expect(after.odometerKm).toBeCloseTo(before.odometerKm + 10, 5);

    // The box's refusal travels back over GATT as well.
    await api.telematics.demo.act({ bookingId: booking.id, action: 'ignitionOn' });
    expect(await press(api, booking.id, 'end')).toMatchObject({ state: 'done', status: 'VEHICLE_STATE' });
    await api.telematics.demo.act({ bookingId: booking.id, action: 'ignitionOff' });
    expect(await press(api, booking.id, 'end')).toMatchObject({ state: 'done', status: 'OK' });

    const trip = await endedTrip(api, booking.id);
    expect(trip.km).toBeCloseTo(10, 5);
    expect(trip.socStart).toBe(before.socPercent);
    expect(trip.socEnd).toBe(after.socPercent);
    console.log(`demo over node-ble: started in ${startMs} ms; unlock ${unlockMs} ms from command to done`);
  });

  it('stop() in a stopping process ends the gateways, the link, the double and the dbus-daemon', async () => {
    const pid = demo?.radio.busPid;
    if (pid === undefined) throw new Error('no bus PID');
    expect(alive(pid)).toBe(true);
    // As server/http-server.ts stops: long-polls end first. The gateways' pulls then came back
    // empty at once, in a loop of promises that starved the timers D-Bus and the stop wait for.
    beginStopping();
    await stop();
    expect(alive(pid)).toBe(false);
  });
});
