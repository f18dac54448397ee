/**
 * Rotating the fleet CA key end to end through a gateway: the operator's procedures → the app's
 * router over HTTP → a real gateway → node-ble → the BlueZ double → reference boxes. One box takes
 * the new key at once and opens under it; one out of range keeps opening under the old key; the
 * rotation finishes only once both confirmed, and afterwards the old key's certificate is refused.
 *
 * A rotation is fleet-wide, so this file has a database of its own (on PostgreSQL a scratch
 * database; PGlite gives each file its own copy anyway): the shared one's boxes must not move.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '@/db/client';
import { auditLog, fleetCaKeys, gatewayJobs, keyCertificates } from '@/db/schema';
import { openTestDatabase } from '@/db/test-db';
import { RecordingPeripheral } from '@/telematics/bluez-double/recording-peripheral';
import { CarSimulator, createBoxStore, ReferenceBox } from '@/telematics/box';
import { createGateway, type Gateway } from '@/telematics/gateway/gateway';
import { createHttpServerLink } from '@/telematics/gateway/http-server-link';
import { type PoolCar, type RadioRig, startRadio } from '@/telematics/gateway/testing/fleet';
import {
  decodeCertificate,
  decodeChallenge,
  decodeResponse,
  encodeCommand,
  fromHex,
  Op,
  Status,
  signCommand,
  toHex,
  uuidToBytes,
  verifyCertificate,
} from '@/telematics/protocol';
import { env } from '../env';
import { scratchDatabase } from '../process/harness';
import { appRouter } from '../root';
import { overrideProcessSingleton } from '../singleton';
import { testContext } from '../test-context';
import { callerFor, makeUser, makeVehicle } from '../test-support';
import { loadFleetKeys } from './keys';
import { carWithBox, currentBooking, randomMac, type Setting } from './test-fixtures';
import { stopWakeups, wakeStation } from './wakeups';

let database: Database;
let dropDatabase = async () => {};
let server: http.Server;
let s: Setting;
let radio: RadioRig;
let gateway: Gateway;
let carB: PoolCar & { vehicleId: string };
let operator: ReturnType<typeof callerFor>;
let restoreKeys = () => {};

async function isolatedDatabase() {
  if (!process.env.DATABASE_URL) return openTestDatabase();
  const scratch = await scratchDatabase();
  dropDatabase = scratch.drop;
  const opened = await openDatabase({ databaseUrl: scratch.url, poolSize: 10 });
  await opened.migrate();
  return opened;
}

beforeAll(async () => {
  // The next generation's seed configured, as every instance on a PostgreSQL needs it (README).
  const configured = { ...env(), FLEET_CA_NEXT_SEEDS: [new Uint8Array(randomBytes(32))] };
  const keys = await loadFleetKeys(configured);
  restoreKeys = overrideProcessSingleton('fleetKeys', Promise.resolve(keys));
  database = await isolatedDatabase();
  const { db } = database;
  const handler = createHTTPHandler({
    router: appRouter,
    basePath: '/api/trpc/',
    createContext: ({ req }) => testContext(db, null, req.headers.authorization ?? null),
  });
  server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  s = await carWithBox(db);
  operator = callerFor(db, await makeUser(db, s.home, 'operator'));
  // A second car at the same station, provisioned the same way, on the same clock.
  const vehicle = await makeVehicle(db, s.home);
  const provisioned = await s.admin.telematics.provisionBox({ vehicleId: vehicle.id, address: randomMac() });
  if (!provisioned.seed) throw new Error('expected a server-made seed');
  const storeB = createBoxStore({
    boxId: uuidToBytes(provisioned.boxId),
    seed: fromHex(provisioned.seed),
    caPublicKey: fromHex(provisioned.caPublicKey),
  });
  const boxB = new ReferenceBox({ store: storeB, clock: s.clock.now });
  carB = {
    vehicleId: vehicle.id,
    boxId: provisioned.boxId,
    address: provisioned.address,
    box: boxB,
    store: storeB,
    radio: new RecordingPeripheral(boxB),
    car: new CarSimulator({ box: boxB, clock: s.clock, odometerKm: 500, socPercent: 60 }),
  };
  const carA: PoolCar = {
    boxId: s.boxId,
    address: (await s.admin.telematics.boxes()).find((row) => row.box?.boxId === s.boxId)?.box?.address ?? '',
    box: s.box,
    store: s.store,
    radio: new RecordingPeripheral(s.box),
    car: new CarSimulator({ box: s.box, clock: s.clock, odometerKm: 12_345, socPercent: 80 }),
  };
  radio = await startRadio([carA, carB]);
  gateway = createGateway({
    server: createHttpServerLink({ serverUrl, token: s.token }),
    link: radio.link,
    stationId: s.home.station.id,
    pullWaitMs: 2_000,
    logSyncIntervalMs: 60_000,
    backoff: { minMs: 20, maxMs: 200 },
    logger: () => {},
  });
  // Car B is away when the rotation starts.
  radio.double.removeDevice(carB.address);
  gateway.start();
}, 60_000);

afterAll(async () => {
  await gateway?.stop();
  await radio?.stop();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  if (database) {
    await stopWakeups(database.db);
    await database.close();
  }
  await dropDatabase();
  restoreKeys();
});

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** As the web: press, then poll the job until it is finished. */
async function press(bookingId: string, op: 'unlock' | 'lock', api = s.api) {
  const { jobId } = await api.telematics.command({ bookingId, op });
  return until('the job', async () => {
    const job = await api.telematics.job({ jobId });
    return job.state === 'done' || job.state === 'failed' ? job : undefined;
  });
}

const generationKey = async (generation: number) => {
  const [row] = await database.db.select().from(fleetCaKeys).where(eq(fleetCaKeys.generation, generation));
  if (!row) throw new Error(`no generation ${generation}`);
  return row.publicKey;
};

/** The CA key that signed the booking's newest relay certificate. */
async function signedUnder(bookingId: string) {
  const rows = await database.db
    .select()
    .from(keyCertificates)
    .where(eq(keyCertificates.bookingId, bookingId));
  const newest = rows.sort((a, b) => b.serial - a.serial)[0];
  const cert = newest ? decodeCertificate(newest.frame) : null;
  if (!cert?.ok) throw new Error('no certificate');
  for (const generation of [1, 2])
    if (verifyCertificate(cert.frame, await generationKey(generation))) return generation;
  return null;
}

const holds = (store: { trustAnchors: Uint8Array[] }) => store.trustAnchors.map(toHex);

describe('rotating the fleet CA key through a gateway', () => {
  it('carries the new key to the box in range, which then opens under it', async () => {
    expect((await operator.telematics.caRotation()).phase).toBe('idle');
    // Two tabs pressing at once: one rotation starts, the other is told one runs.
    const [first, second] = await Promise.allSettled([
      operator.telematics.startCaRotation({ activeGeneration: 1 }),
      operator.telematics.startCaRotation({ activeGeneration: 1 }),
    ]);
    const started = [first, second].filter((r) => r.status === 'fulfilled');
    const refused = [first, second].filter((r) => r.status === 'rejected');
    expect(started).toHaveLength(1);
    expect(started[0]).toMatchObject({ value: { generation: 2, state: 'next' } });
    expect(refused[0]).toMatchObject({ reason: { message: expect.stringContaining('bereits') } });
    const next = toHex(await generationKey(2));
    await until('box A holding the new key', async () => holds(s.store).includes(next));
    const overview = await until('box A confirmed', async () => {
      const o = await operator.telematics.caRotation();
      return o.totals.withNext === 1 ? o : undefined;
    });
    expect(overview).toMatchObject({ phase: 'adding', activeGeneration: 1, nextGeneration: 2 });
    expect(overview.totals).toMatchObject({ boxes: 2, withNext: 1 });

    const booking = await currentBooking(s);
    expect(await press(booking.id, 'unlock')).toMatchObject({ state: 'done', status: 'OK' });
    expect(s.box.car.locked).toBe(false);
    expect(await signedUnder(booking.id)).toBe(2);
  });

  it('keeps the box not yet updated opening under the old key, and will not finish without it', async () => {
    await expect(operator.telematics.finishCaRotation({ nextGeneration: 2 })).rejects.toMatchObject({
      message: expect.stringContaining('Noch nicht jede Box'),
    });
    // The gateway tried B, did not find it, and the update waits out its retry pause.
    await until('box B missed', async () => {
      const [job] = await database.db
        .select()
        .from(gatewayJobs)
        .where(and(eq(gatewayJobs.boxId, carB.boxId), eq(gatewayJobs.kind, 'trust')));
      return job?.state === 'queued' && job.availableAt > new Date();
    });
    // Car B comes back; its update waits on, the person's unlock does not.
    radio.double.addDevice({ address: carB.address, name: 'PMK1 pool car', peripheral: carB.radio });
    const from = new Date(Date.now() + 2 * 60_000);
    const booking = await s.api.bookings.create({
      vehicleId: carB.vehicleId,
      from,
      to: new Date(from.getTime() + 2 * 3_600_000),
    });
    expect(await press(booking.id, 'unlock')).toMatchObject({ state: 'done', status: 'OK' });
    expect(carB.box.car.locked).toBe(false);
    expect(await signedUnder(booking.id)).toBe(1);
    expect(carB.store.trustAnchors).toHaveLength(1);

    // The pause is over: the gateway brings B the new key too.
    await database.db
      .update(gatewayJobs)
      .set({ availableAt: new Date() })
      .where(and(eq(gatewayJobs.boxId, carB.boxId), eq(gatewayJobs.kind, 'trust')));
    await wakeStation(database.db, s.home.station.id);
    await until(
      'box B confirmed',
      async () => (await operator.telematics.caRotation()).totals.withNext === 2,
    );
  });

  it('retires the old key on every box; a certificate under it is refused afterwards', async () => {
    const bookingB = (
      await database.db.select().from(keyCertificates).where(eq(keyCertificates.boxId, carB.boxId))
    )[0];
    if (!bookingB) throw new Error('box B has no certificate');
    expect(await operator.telematics.finishCaRotation({ nextGeneration: 2 })).toMatchObject({
      generation: 2,
      state: 'active',
    });
    const next = toHex(await generationKey(2));
    await until('both boxes dropping the old key', async () => {
      const o = await operator.telematics.caRotation();
      return o.phase === 'idle' && o.totals.stillOld === 0;
    });
    expect(holds(s.store)).toEqual([next]);
    expect(holds(carB.store)).toEqual([next]);

    // B's certificate from before, signed under the old key, with a correct relay signature.
    const cert = decodeCertificate(bookingB.frame);
    const challenge = decodeChallenge(carB.box.readChallenge());
    if (!cert.ok || !challenge.ok) throw new Error('frames');
    const keys = s.keys;
    const command = encodeCommand(
      signCommand({ op: Op.UNLOCK, nonce: challenge.frame.nonce, certificate: cert.frame }, keys.relay),
    );
    const answer = decodeResponse(carB.box.writeCommand(command));
    expect(answer.ok && answer.frame.status).toBe(Status.BAD_CA_SIGNATURE);

    // Through the relay the server signs under the new key: B still locks.
    expect(await press(bookingB.bookingId, 'lock')).toMatchObject({ state: 'done', status: 'OK' });
    expect(await signedUnder(bookingB.bookingId)).toBe(2);
  });

  it('wrote every step to the audit log', async () => {
    const actions = (
      await database.db.select({ action: auditLog.action, objectId: auditLog.objectId }).from(auditLog)
    )
      .map((row) => row.action)
      .filter((action) => action.startsWith('ca.') || action.startsWith('box.trust'));
    expect(actions.sort()).toEqual(
      [
        'box.trust.add',
        'box.trust.add',
        'box.trust.retire',
        'box.trust.retire',
        'ca.rotation.finish',
        'ca.rotation.start',
      ].sort(),
    );
  });
});
