/**
 * The world the authorization matrix calls every procedure in: municipality A owns the objects
 * (a car with a box, its station's gateway, bookings, a job, a block), municipality B is "the
 * other one", and each persona is one caller relative to A's objects.
 */

import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookings, boxes, gateways } from '@/db/schema';
import { benchKeys } from '@/telematics/box/testing';
import { toHex } from '@/telematics/protocol';
import type { SessionUser } from './auth/queries';
import { defaultPolicy } from './bookings/policy';
import { hashToken } from './telematics/gateways';
import { carWithBox } from './telematics/test-fixtures';
import { testContext } from './test-context';
import { callerFor, hoursFromNow, makeMunicipality, makeUser, makeVehicle } from './test-support';
import type { Context } from './trpc';

export const personas = [
  'anonymous',
  'staffOwn',
  'staffOther',
  'fleetOwn',
  'fleetOther',
  'operator',
  'gatewayOwn',
  'gatewayOther',
] as const;
export type Persona = (typeof personas)[number];

const HOUR = 3_600_000;

/** A block window far enough ahead to touch nothing else of the world. */
export const blockWindow = () => {
  const { from, to } = hoursFromNow(40 * 24, 2);
  return { from, to, kind: 'maintenance' as const, reason: 'Inspektion fällig' };
};

/** A one-day weekly series on the given car, a week ahead. */
export const seriesInput = (vehicleId: string) => ({
  vehicleId,
  firstDay: new Date(Date.now() + 8 * 24 * HOUR).toISOString().slice(0, 10),
  startTime: '09:00',
  endTime: '10:00',
  weeks: 1,
});

export async function makeWorld(db: Db) {
  const a = await carWithBox(db);
  const other = await makeMunicipality(db);
  const staffOther = await makeUser(db, other);
  const fleetOther = await makeUser(db, other, 'fleet_manager');
  const operator = await makeUser(db, null, 'operator');
  const { token: otherToken } = await callerFor(db, fleetOther).telematics.registerGateway({
    stationId: other.station.id,
    name: `GW ${randomUUID()}`,
  });
  const [ownGateway] = await db
    .select({ id: gateways.id })
    .from(gateways)
    .where(eq(gateways.tokenHash, hashToken(a.token)));
  if (!ownGateway) throw new Error('own gateway missing');

  const staffOwn = a.driver;
  const asBooker = a.api;
  const asManager = a.admin;
  const users: Record<Persona, SessionUser | null> = {
    anonymous: null,
    staffOwn,
    staffOther,
    fleetOwn: a.manager,
    fleetOther,
    operator,
    gatewayOwn: null,
    gatewayOther: null,
  };
  const tokens: Partial<Record<Persona, string>> = { gatewayOwn: a.token, gatewayOther: otherToken };
  const contextOf = (persona: Persona): Context => {
    const token = tokens[persona];
    return testContext(db, users[persona], token ? `Bearer ${token}` : null);
  };

  /** A fresh car of A: for calls that change a car's schedule or records. */
  const freshCar = () => makeVehicle(db, a.home);
  /** A fresh reserved booking of staffOwn's, a day ahead, on a fresh car of A. */
  const freshBooking = async () =>
    asBooker.bookings.create({ vehicleId: (await freshCar()).id, ...hoursFromNow(24, 2) });
  /** A booking in a state the API reaches only through other parties (approval, the box). */
  const insertBooking = async (status: 'pending' | 'active', window: { start: Date; end: Date }) => {
    const [row] = await db
      .insert(bookings)
      .values({
        vehicleId: (await freshCar()).id,
        userId: staffOwn.id,
        startsAt: window.start,
        endsAt: window.end,
        status,
      })
      .returning({ id: bookings.id });
    if (!row) throw new Error('booking not inserted');
    return row;
  };
  const freshPendingBooking = () => {
    const { from, to } = hoursFromNow(24, 2);
    return insertBooking('pending', { start: from, end: to });
  };
  const freshActiveBooking = () =>
    insertBooking('active', { start: new Date(Date.now() - HOUR), end: new Date(Date.now() + HOUR) });
  const freshSeries = async () => asBooker.bookings.createSeries(seriesInput((await freshCar()).id));
  const freshBlock = async () =>
    (await asManager.blocks.create({ vehicleId: (await freshCar()).id, ...blockWindow() })).block;
  const freshGateway = () =>
    asManager.telematics.registerGateway({ stationId: a.home.station.id, name: `GW ${randomUUID()}` });

  // staffOwn books a fresh car for each changing call: more than the default ten at a time.
  await asManager.policies.update({
    municipalityId: a.home.id,
    ...defaultPolicy,
    maxFutureBookingsPerPerson: 100,
  });
  // The shared objects that queries read (calls that change state make their own, above).
  const booking = await asBooker.bookings.create({ vehicleId: a.car.id, ...hoursFromNow(24, 1) });
  const started = new Date(Date.now() + 2 * 60_000);
  const current = await asBooker.bookings.create({
    vehicleId: a.car.id,
    from: started,
    to: new Date(started.getTime() + 2 * HOUR),
  });
  const job = await asBooker.telematics.command({ bookingId: current.id, op: 'lock' });
  const pending = await freshPendingBooking();
  const block = await freshBlock();
  // A cursor a gateway could not guess: 1 is what it hears for a box the server has nothing of.
  await db.update(boxes).set({ nextSeq: 42 }).where(eq(boxes.id, a.boxId));

  /** A command job of the current booking, handed to A's gateway and not answered yet. */
  const sentJob = async () => {
    const { jobId } = await asBooker.telematics.command({ bookingId: current.id, op: 'unlock' });
    const taken = await a.gateway.gateway.pull({ waitMs: 0 });
    if (!taken.jobs.some((j) => j.id === jobId)) throw new Error('the job was not handed to the gateway');
    return jobId;
  };
  const boxFrames = () => ({ info: toHex(a.box.readInfo()), challenge: toHex(a.box.readChallenge()) });

  return {
    db,
    a,
    other,
    users,
    contextOf,
    car: a.car,
    boxId: a.boxId,
    stationId: a.home.station.id,
    municipalityId: a.home.id,
    ownGatewayId: ownGateway.id,
    booking,
    current,
    job,
    pending,
    block,
    holderKey: toHex(benchKeys.holder.publicKey),
    freshCar,
    freshBooking,
    freshPendingBooking,
    freshActiveBooking,
    freshSeries,
    freshBlock,
    freshGateway,
    sentJob,
    boxFrames,
  };
}

export type World = Awaited<ReturnType<typeof makeWorld>>;
