import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookings, gatewayJobs } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { benchKeys } from '@/telematics/box/testing';
import {
  decodeResponse,
  encodeResponse,
  LockState,
  Status,
  signResponse,
  toHex,
} from '@/telematics/protocol';
import { callerFor, makeUser } from '../test-support';
import { carryCommand, carWithBox, currentBooking, pullOne, type Setting } from './test-fixtures';
import { stopWakeups } from './wakeups';

const database = testDatabaseForFile(stopWakeups);

const statusOf = async (bookingId: string) =>
  (await database.db.select().from(bookings).where(eq(bookings.id, bookingId)))[0]?.status;

async function command(s: Setting, bookingId: string, op: 'unlock' | 'lock' | 'end') {
  const { jobId } = await s.api.telematics.command({ bookingId, op });
  const job = await pullOne(s);
  expect(job).toMatchObject({ id: jobId, kind: 'command', boxId: s.boxId });
  return jobId;
}

describe('relay commands through a gateway to the reference box', () => {
  it('unlocks, locks and ends: booking active after the first unlock, completed after the end', async () => {
    const s = await carWithBox(database.db);
    const booking = await currentBooking(s);
    const unlock = await command(s, booking.id, 'unlock');
    expect(await s.api.telematics.job({ jobId: unlock })).toMatchObject({ state: 'sent' });
    await s.gateway.gateway.progress({ jobId: unlock, stage: 'connected' });
    expect(await s.api.telematics.job({ jobId: unlock })).toMatchObject({ stage: 'connected' });
    await carryCommand(s, unlock);
    expect(s.box.car.locked).toBe(false);
    expect(await s.api.telematics.job({ jobId: unlock })).toEqual({
      state: 'done',
      stage: 'connected',
      status: 'OK',
      reason: 'Das Fahrzeug ist entriegelt.',
      cause: null,
    });
    expect(await statusOf(booking.id)).toBe('active');

    await carryCommand(s, await command(s, booking.id, 'lock'));
    expect(s.box.car.locked).toBe(true);
    expect(await statusOf(booking.id)).toBe('active');

    const end = await command(s, booking.id, 'end');
    await carryCommand(s, end);
    expect(await s.api.telematics.job({ jobId: end })).toMatchObject({ status: 'OK' });
    expect(await statusOf(booking.id)).toBe('completed');
    const [row] = await database.db.select().from(gatewayJobs).where(eq(gatewayJobs.id, end));
    expect(row).toMatchObject({ lockState: LockState.LOCKED, state: 'done' });
  });

  it('records a refusal of the box with its German reason and leaves the booking as it was', async () => {
    const s = await carWithBox(database.db);
    const booking = await currentBooking(s);
    const jobId = await command(s, booking.id, 'unlock');
    const { command: frame } = await s.gateway.gateway.challenge({
      jobId,
      info: toHex(s.box.readInfo()),
      challenge: toHex(s.box.readChallenge()),
    });
    s.box.readChallenge(); // someone else read the challenge meanwhile: the nonce is gone
    const response = s.box.writeCommand(Buffer.from(frame, 'hex'));
    await s.gateway.gateway.result({ jobId, response: toHex(response) });
    expect(await s.api.telematics.job({ jobId })).toMatchObject({
      state: 'done',
      status: 'STALE_NONCE',
      reason: 'Die Anfrage an die Box war veraltet. Bitte erneut versuchen.',
    });
    expect(await statusOf(booking.id)).toBe('reserved');
  });

  it('refuses a flipped, forged or replayed response', async () => {
    const s = await carWithBox(database.db);
    const booking = await currentBooking(s);
    const flipped = await command(s, booking.id, 'unlock');
    await carryCommand(s, flipped, (r) => {
      const copy = new Uint8Array(r);
      copy[28] = (copy[28] ?? 0) ^ 0x01;
      return copy;
    });
    expect(await s.api.telematics.job({ jobId: flipped })).toMatchObject({
      state: 'failed',
      reason: 'Die Antwort der Box war nicht gültig signiert und wurde verworfen.',
    });
    expect(await statusOf(booking.id)).toBe('reserved');

    const forged = await command(s, booking.id, 'unlock');
    await carryCommand(s, forged, (r) => {
      const decoded = decodeResponse(r);
      if (!decoded.ok) throw new Error('no response');
      return encodeResponse(signResponse(decoded.frame, benchKeys.stranger));
    });
    expect(await s.api.telematics.job({ jobId: forged })).toMatchObject({ state: 'failed' });

    // A genuine OK answer to an earlier job is no answer to this one.
    const earlier = await command(s, booking.id, 'unlock');
    const genuine = await carryCommand(s, earlier, () => new Uint8Array(102));
    const replayed = await command(s, booking.id, 'unlock');
    await carryCommand(s, replayed, () => genuine);
    expect(await s.api.telematics.job({ jobId: replayed })).toMatchObject({ state: 'failed' });
    expect(await statusOf(booking.id)).toBe('reserved');
  });

  it('fails a job the gateway could not carry, in German', async () => {
    const s = await carWithBox(database.db);
    const booking = await currentBooking(s);
    const jobId = await command(s, booking.id, 'unlock');
    await s.gateway.gateway.result({ jobId, failure: 'NOT_IN_RANGE' });
    expect(await s.api.telematics.job({ jobId })).toMatchObject({
      state: 'failed',
      reason: 'Das Fahrzeug ist nicht in Reichweite des Gateways der Station.',
    });
  });

  it('refuses the challenge of an expired job', async () => {
    const s = await carWithBox(database.db);
    const booking = await currentBooking(s);
    const jobId = await command(s, booking.id, 'unlock');
    const past = new Date(Date.now() - 1_000);
    await database.db
      .update(gatewayJobs)
      .set({ createdAt: new Date(past.getTime() - 60_000), expiresAt: past })
      .where(eq(gatewayJobs.id, jobId));
    await expect(
      s.gateway.gateway.challenge({
        jobId,
        info: toHex(s.box.readInfo()),
        challenge: toHex(s.box.readChallenge()),
      }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    expect(await s.api.telematics.job({ jobId })).toMatchObject({ state: 'failed', status: null });
  });
});

describe('who may use a key', () => {
  it('issues a phone certificate only for the own booking in its window', async () => {
    const s = await carWithBox(database.db);
    const holderPublicKey = toHex(benchKeys.holder.publicKey);
    const now = await currentBooking(s);
    const key = await s.api.telematics.phoneKey({ bookingId: now.id, holderPublicKey });
    expect(key.certificate).toHaveLength(294);

    const stranger = callerFor(database.db, await makeUser(database.db, s.home));
    // Someone else's booking is, to a stranger, one that does not exist.
    await expect(stranger.telematics.phoneKey({ bookingId: now.id, holderPublicKey })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Diese Buchung gibt es nicht (mehr).',
    });
    await expect(stranger.telematics.command({ bookingId: now.id, op: 'unlock' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    const later = await s.api.bookings.create({
      vehicleId: s.car.id,
      from: new Date(Date.now() + 48 * 3_600_000),
      to: new Date(Date.now() + 50 * 3_600_000),
    });
    await expect(s.api.telematics.phoneKey({ bookingId: later.id, holderPublicKey })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringContaining('10 Minuten vor Beginn'),
    });
    await s.api.bookings.cancel({ id: later.id });
    await expect(s.api.telematics.command({ bookingId: later.id, op: 'unlock' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringContaining('storniert'),
    });
  });

  it('allocates serials per box, one after another', async () => {
    const s = await carWithBox(database.db);
    const booking = await currentBooking(s);
    const holderPublicKey = toHex(benchKeys.holder.publicKey);
    const serials = [];
    for (let i = 0; i < 3; i++)
      serials.push((await s.api.telematics.phoneKey({ bookingId: booking.id, holderPublicKey })).serial);
    expect(serials).toEqual([1, 2, 3]);
  });
});

it('has a German and an English reason for every status a box can answer', async () => {
  const { statusReason } = await import('./rules');
  for (const code of Object.values(Status)) {
    expect(statusReason(code, 'unlock', null, 'de')).toMatch(/^[A-ZÄÖÜ].*\.$/);
    expect(statusReason(code, 'unlock', null, 'de')).not.toContain('Unbekannt');
    expect(statusReason(code, 'unlock', null, 'en')).toMatch(/^[A-Z].*\.$/);
    expect(statusReason(code, 'unlock', null, 'en')).not.toContain('Unknown');
  }
});

describe('what the server refuses before a command goes out', () => {
  it('refuses „Fahrt beenden“ of a booking never unlocked, before any command is queued', async () => {
    const s = await carWithBox(database.db);
    const booking = await currentBooking(s);
    await expect(s.api.telematics.command({ bookingId: booking.id, op: 'end' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message:
        'Die Fahrt hat noch nicht begonnen: Das Fahrzeug wurde mit dieser Buchung noch nicht entriegelt. Beenden geht erst danach.',
    });
    expect(await database.db.select().from(gatewayJobs).where(eq(gatewayJobs.bookingId, booking.id))).toEqual(
      [],
    );
    expect((await s.gateway.gateway.pull({ waitMs: 0 })).jobs).toEqual([]);
    expect(await statusOf(booking.id)).toBe('reserved');

    // Once the box confirmed the unlock, ending is offered and works.
    await carryCommand(s, await command(s, booking.id, 'unlock'));
    await carryCommand(s, await command(s, booking.id, 'end'));
    expect(await statusOf(booking.id)).toBe('completed');
  });

  it('refuses to open with an expired licence check (the booking rule and words), but still lets lock', async () => {
    const s = await carWithBox(database.db);
    const booking = await currentBooking(s);
    await carryCommand(s, await command(s, booking.id, 'unlock'));
    const lapsed = callerFor(database.db, { ...s.driver, licenceCheckValidUntil: '2026-01-31' });
    const refusal = {
      code: 'FORBIDDEN',
      message: 'Führerscheinkontrolle abgelaufen am 31.01.2026 – bitte beim Fuhrpark melden',
    };
    await expect(lapsed.telematics.command({ bookingId: booking.id, op: 'unlock' })).rejects.toMatchObject(
      refusal,
    );
    await expect(
      lapsed.telematics.phoneKey({
        bookingId: booking.id,
        holderPublicKey: toHex(benchKeys.holder.publicKey),
      }),
    ).rejects.toMatchObject(refusal);
    const unchecked = callerFor(database.db, { ...s.driver, licenceCheckValidUntil: null });
    await expect(unchecked.telematics.command({ bookingId: booking.id, op: 'unlock' })).rejects.toMatchObject(
      {
        code: 'FORBIDDEN',
        message: 'Keine gültige Führerscheinkontrolle hinterlegt – bitte beim Fuhrpark melden',
      },
    );
    expect((await s.gateway.gateway.pull({ waitMs: 0 })).jobs).toEqual([]);
    const { jobId } = await lapsed.telematics.command({ bookingId: booking.id, op: 'lock' });
    expect(await pullOne(s)).toMatchObject({ id: jobId });
  });
});
