import { randomBytes } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { boxRecords, tripIgnitions, trips } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { CarSimulator } from '@/telematics/box';
import {
  decodeCertificate,
  decodeChallenge,
  decodeResponse,
  encodeCommand,
  keyPairFromSeed,
  Op,
  Status,
  signCommand,
  toHex,
} from '@/telematics/protocol';
import { carWithBox, type Setting } from './test-fixtures';
import { stopWakeups } from './wakeups';

const database = testDatabaseForFile(stopWakeups);

const T0 = Math.floor(Date.now() / 1000) + 180;

/**
 * A week-long booking driven on the reference box with a phone key, never in gateway range:
 * ten short drives, a charge, ten more and another charge each day. Deterministic, so two cars
 * driven alike produce the same records apart from ids and signatures.
 */
async function offlineWeek(s: Setting) {
  s.clock.set(T0);
  const booking = await s.api.bookings.create({
    vehicleId: s.car.id,
    from: new Date(T0 * 1000),
    to: new Date((T0 + 7 * 86_400 + 3_600) * 1000),
  });
  const holder = keyPairFromSeed(new Uint8Array(randomBytes(32)));
  const key = await s.api.telematics.phoneKey({
    bookingId: booking.id,
    holderPublicKey: toHex(holder.publicKey),
  });
  const certificate = decodeCertificate(Buffer.from(key.certificate, 'hex'));
  if (!certificate.ok) throw new Error('certificate did not decode');
  const send = (op: number) => {
    const challenge = decodeChallenge(s.box.readChallenge());
    if (!challenge.ok) throw new Error('no challenge');
    const frame = encodeCommand(
      signCommand({ op, nonce: challenge.frame.nonce, certificate: certificate.frame }, holder),
    );
    expect(decodeResponse(s.box.writeCommand(frame))).toMatchObject({ frame: { status: Status.OK } });
  };
  const car = new CarSimulator({ box: s.box, clock: s.clock, odometerKm: 12_345, socPercent: 90 });
  send(Op.UNLOCK);
  car.openDoor();
  car.closeDoor();
  for (let day = 0; day < 7; day++) {
    for (const _half of [0, 1]) {
      for (let drive = 0; drive < 10; drive++) {
        car.ignitionOn();
        car.drive(6, 40);
        car.ignitionOff();
        car.wait(1_200);
      }
      car.startCharging();
      car.charge(120, 11);
      car.stopCharging();
    }
    car.wait(86_400 - (s.clock.now() - T0 - day * 86_400));
  }
  send(Op.END_BOOKING);
  return { booking, records: s.store.log.map((r) => toHex(r)) };
}

const upload = (s: Setting, records: string[], boxId = s.boxId) =>
  s.gateway.gateway.uploadLog({ boxId, records });

const cursor = async (s: Setting) =>
  (await s.gateway.gateway.logCursor({ boxIds: [s.boxId] })).cursors[0]?.nextSeq;

async function tripOf(bookingId: string) {
  const [trip] = await database.db.select().from(trips).where(eq(trips.bookingId, bookingId));
  if (!trip) throw new Error('no trip');
  const ignitions = await database.db
    .select({ onAt: tripIgnitions.onAt, offAt: tripIgnitions.offAt })
    .from(tripIgnitions)
    .where(eq(tripIgnitions.tripId, trip.id))
    .orderBy(asc(tripIgnitions.onAt));
  const { id: _id, bookingId: _b, boxId: _x, derivedAt: _d, ...rest } = trip;
  return { ...rest, ignitions };
}

describe('gateway.uploadLog', () => {
  it('stores a week of offline records exactly once, with the cursor stopping at a gap', async () => {
    const s = await carWithBox(database.db);
    const { booking, records } = await offlineWeek(s);
    expect(records.length).toBeGreaterThan(300);
    expect(await cursor(s)).toBe(1);

    const missing = 100;
    const withGap = records.filter((_, i) => i + 1 !== missing);
    let stored = 0;
    for (let i = 0; i < withGap.length; i += 64) stored += (await upload(s, withGap.slice(i, i + 64))).stored;
    expect(stored).toBe(records.length - 1);
    expect(await cursor(s)).toBe(missing);

    // The gateway asks again from the cursor: the gap is filled, everything else is a duplicate.
    const again = await upload(s, records.slice(missing - 1, missing - 1 + 64));
    expect(again).toEqual({ stored: 1, duplicates: 63, rejected: 0, nextSeq: records.length + 1 });
    expect(await cursor(s)).toBe(records.length + 1);

    const rows = await database.db.select().from(boxRecords).where(eq(boxRecords.boxId, s.boxId));
    expect(rows.length).toBe(records.length);
    expect(new Set(rows.map((r) => r.seq)).size).toBe(records.length);
    expect(rows.every((r) => r.bookingId === booking.id)).toBe(true);

    const trip = await tripOf(booking.id);
    expect(trip.endedAt).toBeInstanceOf(Date);
    expect((trip.odometerEnd - trip.odometerStart) / 10).toBe(7 * 20 * 6);
    expect(trip.ignitionSeconds).toBe(7 * 20 * 9 * 60);
    // Each drive's interval is kept (reports clip them to the day), once though derived many times.
    expect(trip.ignitions.length).toBe(7 * 20);
    expect(trip.ignitions.every((i) => i.offAt.getTime() - i.onAt.getTime() === 9 * 60_000)).toBe(true);
    expect(trip.energyKwh).toBeGreaterThan(0);
    expect(trip.chargedKwh).toBeGreaterThan(0);
  });

  it('rejects a record with a bad signature or from another box, and counts duplicates in a batch', async () => {
    const s = await carWithBox(database.db);
    const other = await carWithBox(database.db);
    const { records } = await offlineWeek(s);
    const { records: foreign } = await offlineWeek(other);
    const first = records[0] ?? '';
    const flipped = `${first.slice(0, 200)}${first[200] === '0' ? '1' : '0'}${first.slice(201)}`;
    expect(await upload(s, [flipped, foreign[0] ?? '', 'ab'])).toEqual({
      stored: 0,
      duplicates: 0,
      rejected: 3,
      nextSeq: 1,
    });
    expect(await upload(s, [first, first, records[1] ?? ''])).toEqual({
      stored: 2,
      duplicates: 1,
      rejected: 0,
      nextSeq: 3,
    });
    await expect(upload(s, [first], '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('derives the same trip from records arriving late, out of order and twice', async () => {
    const inOrder = await carWithBox(database.db);
    const shuffled = await carWithBox(database.db);
    const a = await offlineWeek(inOrder);
    const b = await offlineWeek(shuffled);
    for (let i = 0; i < a.records.length; i += 64) await upload(inOrder, a.records.slice(i, i + 64));

    // A fixed permutation (no randomness in a test): every 7th record, stepping through.
    const order = b.records.map((_, i) => (i * 7) % b.records.length);
    expect(new Set(order).size).toBe(b.records.length);
    const mixed = [...order.map((i) => b.records[i] ?? ''), ...b.records.slice(0, 20)].reverse();
    for (let i = 0; i < mixed.length; i += 50) await upload(shuffled, mixed.slice(i, i + 50));

    expect(await cursor(shuffled)).toBe(b.records.length + 1);
    expect(await tripOf(b.booking.id)).toEqual(await tripOf(a.booking.id));
  });
});
