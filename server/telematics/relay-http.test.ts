/**
 * The whole relay path with nothing stood in on the server side: a person's `telematics.command`
 * (createCaller) → the app's own tRPC router served over HTTP on localhost → a real gateway
 * (createHttpServerLink) → node-ble → the BlueZ double on a private dbus-daemon → the reference
 * box → back; then the box's log reaches the server and becomes the trip.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { bookings, boxes } from '@/db/schema';
import { openTestDatabase } from '@/db/test-db';
import { RecordingPeripheral } from '@/telematics/bluez-double/recording-peripheral';
import { CarSimulator } from '@/telematics/box';
import { createGateway, type Gateway } from '@/telematics/gateway/gateway';
import { createHttpServerLink } from '@/telematics/gateway/http-server-link';
import type { LogEntry } from '@/telematics/gateway/log';
import { type RadioRig, startRadio } from '@/telematics/gateway/testing/fleet';
import { appRouter } from '../root';
import { testContext } from '../test-context';
import { carWithBox, currentBooking, type Setting } from './test-fixtures';
import { stopWakeups } from './wakeups';

let database: Database;
let server: http.Server;
let serverUrl: string;
let s: Setting;
let simulator: CarSimulator;
let radio: RadioRig;
let gateway: Gateway;
const lines: LogEntry[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  const { db } = database;
  // The app's router as /api/trpc serves it, with the same context a request gets (no session: a gateway).
  const handler = createHTTPHandler({
    router: appRouter,
    basePath: '/api/trpc/',
    createContext: ({ req }) => testContext(db, null, req.headers.authorization ?? null),
  });
  server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  s = await carWithBox(db);
  simulator = new CarSimulator({ box: s.box, clock: s.clock, odometerKm: 12_345, socPercent: 80 });
  const [row] = await db.select().from(boxes).where(eq(boxes.id, s.boxId));
  if (!row) throw new Error('box not provisioned');
  radio = await startRadio([
    {
      boxId: s.boxId,
      address: row.bleAddress,
      box: s.box,
      store: s.store,
      radio: new RecordingPeripheral(s.box),
      car: simulator,
    },
  ]);
  gateway = createGateway({
    server: createHttpServerLink({ serverUrl, token: s.token }),
    link: radio.link,
    stationId: s.home.station.id,
    pullWaitMs: 5_000,
    logSyncIntervalMs: 60_000,
    backoff: { minMs: 20, maxMs: 200 },
    logger: (entry) => lines.push(entry),
  });
  gateway.start();
});

afterAll(async () => {
  await gateway?.stop();
  await radio?.stop();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await stopWakeups(database.db);
  await database.close();
});

const statusOf = async (id: string) =>
  (await database.db.select().from(bookings).where(eq(bookings.id, id)))[0]?.status;

/** As the web: press, then poll the job until it is finished; the stages seen on the way. */
async function press(bookingId: string, op: 'unlock' | 'lock' | 'end') {
  const started = performance.now();
  const { jobId } = await s.api.telematics.command({ bookingId, op });
  const seen: string[] = [];
  for (;;) {
    const job = await s.api.telematics.job({ jobId });
    const step = `${job.state}${job.stage ? `/${job.stage}` : ''}`;
    if (seen.at(-1) !== step) seen.push(step);
    if (job.state === 'done' || job.state === 'failed')
      return { ...job, seen, ms: Math.round(performance.now() - started) };
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('relay over HTTP and node-ble against the real server procedures', () => {
  it('unlocks (booking active), drives, ends (completed); the trip arrives with the log', async () => {
    const booking = await currentBooking(s);
    const unlock = await press(booking.id, 'unlock');
    expect(unlock).toMatchObject({ state: 'done', status: 'OK', reason: 'Das Fahrzeug ist entriegelt.' });
    expect(unlock.seen.at(-1)).toBe('done/connected');
    expect(s.box.car.locked).toBe(false);
    expect(await statusOf(booking.id)).toBe('active');

    simulator.openDoor();
    simulator.closeDoor();
    simulator.ignitionOn();
    simulator.drive(10, 50);
    simulator.ignitionOff();

    // Ending with the ignition on: the box refuses, the web says why, the booking stays active.
    simulator.ignitionOn();
    const refused = await press(booking.id, 'end');
    // The gateway brought the box's log before the result: its ignition records say which state.
    expect(refused).toMatchObject({
      state: 'done',
      status: 'VEHICLE_STATE',
      cause: 'ignition',
      reason: 'Die Zündung ist noch eingeschaltet. Bitte zuerst die Zündung ausschalten.',
    });
    expect(await statusOf(booking.id)).toBe('active');
    simulator.ignitionOff();

    // Locking with a door open: refused by the box, and the ignition records say it was the door.
    simulator.openDoor();
    const open = await press(booking.id, 'lock');
    expect(open).toMatchObject({
      state: 'done',
      status: 'VEHICLE_STATE',
      cause: 'door',
      reason: 'Eine Tür ist noch offen. Bitte zuerst alle Türen schließen.',
    });
    expect(s.box.car.locked).toBe(false);
    simulator.closeDoor();

    const end = await press(booking.id, 'end');
    expect(end).toMatchObject({ state: 'done', status: 'OK' });
    expect(s.box.car.locked).toBe(true);
    expect(await statusOf(booking.id)).toBe('completed');

    const reports = await gateway.syncLogs();
    // Eight records: unlocked, ignition on/off twice, two refusals (0x08), booking ended; all but
    // the last came with the refusals.
    expect(reports).toEqual([expect.objectContaining({ boxId: s.boxId, fetched: 1, stored: 1, nextSeq: 9 })]);
    const [trip] = await s.api.telematics.trips({ bookingId: booking.id });
    expect(trip).toMatchObject({ km: 10, odometerStartKm: 12_345, odometerEndKm: 12_355, socStart: 80 });
    expect(trip?.endedAt).toBeInstanceOf(Date);
    expect(trip?.energyKwh).toBeGreaterThan(0);
    console.log(
      `relay over HTTP + node-ble: unlock ${unlock.ms} ms (${unlock.seen.join(' → ')}), end ${end.ms} ms`,
    );
  });

  it('logged nothing but jobs and log syncs on the way', () => {
    expect(lines.filter((l) => l.level !== 'info')).toEqual([]);
    expect(lines.filter((l) => l.event === 'job').map((l) => l.status)).toEqual([
      'OK',
      'VEHICLE_STATE',
      'VEHICLE_STATE',
      'OK',
    ]);
  });
});
