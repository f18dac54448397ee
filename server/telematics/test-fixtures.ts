/** A car with a real reference box, a gateway and a driver, for the telematics integration tests. */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '@/db/client';
import { createBoxStore, createManualClock, ReferenceBox } from '@/telematics/box';
import { fromHex, toHex, uuidToBytes } from '@/telematics/protocol';
import { createCaller } from '../root';
import { testContext } from '../test-context';
import { callerFor, makeMunicipality, makeUser, makeVehicle } from '../test-support';
import { fleetKeys } from './keys';

export const randomMac = () =>
  [...randomBytes(6)]
    .map((b, i) => (i === 0 ? (b & 0xfc) | 0x02 : b).toString(16).padStart(2, '0'))
    .join(':');

export const gatewayCaller = (db: Db, token: string | null) =>
  createCaller(testContext(db, null, token === null ? null : `Bearer ${token}`));

export async function carWithBox(db: Db) {
  const keys = await fleetKeys();
  const home = await makeMunicipality(db);
  const car = await makeVehicle(db, home);
  const driver = await makeUser(db, home);
  const manager = await makeUser(db, home, 'fleet_manager');
  const api = callerFor(db, driver);
  const admin = callerFor(db, manager);
  const provisioned = await admin.telematics.provisionBox({ vehicleId: car.id, address: randomMac() });
  if (!provisioned.seed) throw new Error('expected a server-made seed');
  const clock = createManualClock(Math.floor(Date.now() / 1000));
  const store = createBoxStore({
    boxId: uuidToBytes(provisioned.boxId),
    seed: fromHex(provisioned.seed),
    caPublicKey: keys.ca.publicKey,
  });
  const box = new ReferenceBox({ store, clock: clock.now });
  const { token } = await admin.telematics.registerGateway({
    stationId: home.station.id,
    name: `GW ${randomUUID()}`,
  });
  const gateway = gatewayCaller(db, token);
  return {
    keys,
    home,
    car,
    driver,
    manager,
    api,
    admin,
    box,
    store,
    clock,
    gateway,
    token,
    boxId: provisioned.boxId,
  };
}

export type Setting = Awaited<ReturnType<typeof carWithBox>>;

/** A booking that has just begun (its key is usable now). */
export async function currentBooking(s: Setting, hours = 2) {
  const from = new Date(Date.now() + 2 * 60_000);
  return s.api.bookings.create({
    vehicleId: s.car.id,
    from,
    to: new Date(from.getTime() + hours * 3_600_000),
  });
}

/** What a gateway does with a command job: read, ask the server, write, report. */
export async function carryCommand(s: Setting, jobId: string, tamper?: (response: Uint8Array) => Uint8Array) {
  const { command } = await s.gateway.gateway.challenge({
    jobId,
    info: toHex(s.box.readInfo()),
    challenge: toHex(s.box.readChallenge()),
  });
  const response = s.box.writeCommand(fromHex(command));
  await s.gateway.gateway.result({ jobId, response: toHex(tamper ? tamper(response) : response) });
  return response;
}

/** Pulls without waiting and expects exactly the given job. */
export async function pullOne(s: Setting) {
  const { jobs } = await s.gateway.gateway.pull({ waitMs: 0 });
  const [job] = jobs;
  if (!job || jobs.length !== 1) throw new Error(`expected one job, got ${jobs.length}`);
  return job;
}
