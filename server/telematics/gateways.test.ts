import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { gatewayJobs, gateways, keyCertificates } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { benchKeys } from '@/telematics/box/testing';
import {
  decodeCertificate,
  decodeResponse,
  encodeCommand,
  fromHex,
  Op,
  Status,
  signCommand,
  toHex,
} from '@/telematics/protocol';
import { callerFor, makeUser } from '../test-support';
import { carWithBox, currentBooking, gatewayCaller, pullOne, randomMac } from './test-fixtures';
import { stopWakeups } from './wakeups';

const database = testDatabaseForFile(stopWakeups);

describe('gateway tokens', () => {
  it('keeps only the SHA-256 of the token and refuses a revoked, unknown or missing one', async () => {
    const s = await carWithBox(database.db);
    const [row] = await database.db.select().from(gateways).where(eq(gateways.stationId, s.home.station.id));
    expect(toHex(row?.tokenHash ?? new Uint8Array())).toBe(
      createHash('sha256').update(s.token).digest('hex'),
    );
    const [{ hits } = { hits: -1 }] = await database.db
      .select({ hits: sql<number>`count(*)::int` })
      .from(gateways)
      .where(
        sql`position(convert_to(${s.token}, 'UTF8') in ${gateways.tokenHash}) > 0 or ${gateways.name} = ${s.token}`,
      );
    expect(hits).toBe(0);

    expect(await s.gateway.gateway.boxes()).toEqual({
      stationId: s.home.station.id,
      boxes: [{ boxId: s.boxId, address: expect.stringMatching(/^[0-9A-F:]{17}$/) }],
    });
    await s.admin.telematics.revokeGateway({ gatewayId: row?.id ?? '' });
    await expect(s.gateway.gateway.boxes()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(gatewayCaller(database.db, 'x'.repeat(43)).gateway.boxes()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    await expect(gatewayCaller(database.db, null).gateway.pull({ waitMs: 0 })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });

  it('lets only fleet managers of the municipality and the operator manage gateways and boxes', async () => {
    const s = await carWithBox(database.db);
    await expect(
      s.api.telematics.registerGateway({ stationId: s.home.station.id, name: 'Nebenan' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const other = await carWithBox(database.db);
    await expect(
      other.admin.telematics.registerGateway({ stationId: s.home.station.id, name: 'Fremd' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('anderen Kommune') });
    const operator = callerFor(database.db, await makeUser(database.db, null, 'operator'));
    const made = await operator.telematics.registerGateway({ stationId: s.home.station.id, name: 'Zweites' });
    expect(made.token.length).toBeGreaterThanOrEqual(43);
    await expect(
      operator.telematics.registerGateway({ stationId: s.home.station.id, name: 'Zweites' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      s.admin.telematics.provisionBox({ vehicleId: s.car.id, address: randomMac() }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('revocation on cancellation', () => {
  it('queues a CA-signed revocation for the station gateway, and the box then refuses the key', async () => {
    const s = await carWithBox(database.db);
    const booking = await currentBooking(s);
    const key = await s.api.telematics.phoneKey({
      bookingId: booking.id,
      holderPublicKey: toHex(benchKeys.holder.publicKey),
    });
    await s.api.bookings.cancel({ id: booking.id });

    // The gateway's next contact finds the revocation, whoever cancelled the booking and how.
    const job = await pullOne(s);
    if (job.kind !== 'revocation') throw new Error('expected a revocation');
    expect(job.boxId).toBe(s.boxId);
    const response = s.box.writeCommand(fromHex(job.frame));
    expect(decodeResponse(response)).toMatchObject({ ok: true, frame: { status: Status.OK } });
    await s.gateway.gateway.result({ jobId: job.id, response: toHex(response) });
    expect(await s.admin.telematics.job({ jobId: job.id })).toMatchObject({
      state: 'done',
      reason: 'Der Schlüssel wurde in der Box gesperrt.',
    });
    const [certificate] = await database.db
      .select()
      .from(keyCertificates)
      .where(eq(keyCertificates.bookingId, booking.id));
    expect(certificate?.revokedAt).toBeInstanceOf(Date);
    expect((await s.gateway.gateway.pull({ waitMs: 0 })).jobs).toEqual([]);

    const decoded = decodeCertificate(fromHex(key.certificate));
    if (!decoded.ok) throw new Error('certificate did not decode');
    const nonce = s.box.readChallenge().slice(0, 16);
    const phoneCommand = encodeCommand(
      signCommand({ op: Op.UNLOCK, nonce, certificate: decoded.frame }, benchKeys.holder),
    );
    expect(decodeResponse(s.box.writeCommand(phoneCommand))).toMatchObject({
      frame: { status: Status.REVOKED },
    });
    expect(s.box.car.locked).toBe(true);
  });

  it('offers a revocation again after the gateway could not reach the box', async () => {
    const s = await carWithBox(database.db);
    const booking = await currentBooking(s);
    await s.api.telematics.phoneKey({
      bookingId: booking.id,
      holderPublicKey: toHex(benchKeys.holder.publicKey),
    });
    await s.api.bookings.cancel({ id: booking.id });
    const job = await pullOne(s);
    await s.gateway.gateway.result({ jobId: job.id, failure: 'NOT_IN_RANGE' });
    const [row] = await database.db.select().from(gatewayJobs).where(eq(gatewayJobs.id, job.id));
    expect(row).toMatchObject({ state: 'queued', gatewayId: null });
    expect(row?.availableAt.getTime()).toBeGreaterThan(Date.now());
  });

  it('accepts a revocation answer only for the job whose frame it names (erratum 1)', async () => {
    const s = await carWithBox(database.db);
    // Two keys of one booking (a phone key, then another phone's): cancelling revokes both.
    const booking = await currentBooking(s);
    for (const seed of [benchKeys.holder, benchKeys.stranger])
      await s.api.telematics.phoneKey({ bookingId: booking.id, holderPublicKey: toHex(seed.publicKey) });
    await s.api.bookings.cancel({ id: booking.id });
    const { jobs } = await s.gateway.gateway.pull({ waitMs: 0 });
    const [jobA, jobB] = jobs;
    if (jobA?.kind !== 'revocation' || jobB?.kind !== 'revocation')
      throw new Error('expected two revocations');
    const answerA = toHex(s.box.writeCommand(fromHex(jobA.frame)));

    // The box's signed "OK" for A, reported as the answer to B: refused, and B stays to be delivered.
    await expect(s.gateway.gateway.result({ jobId: jobB.id, response: answerA })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Diese Antwort der Box gehört nicht zu diesem Auftrag; er bleibt offen.',
    });
    const [pendingB] = await database.db.select().from(gatewayJobs).where(eq(gatewayJobs.id, jobB.id));
    expect(pendingB).toMatchObject({ state: 'queued', status: null, gatewayId: null });
    const [certificateB] = await database.db
      .select()
      .from(keyCertificates)
      .where(eq(keyCertificates.id, pendingB?.certificateId ?? ''));
    expect(certificateB?.serial).toBeGreaterThan(0);
    expect(s.store.revokedSerials.has(certificateB?.serial ?? -1)).toBe(false);
    // Delivered for real, B's own answer closes it.
    const { jobs: again } = await s.gateway.gateway.pull({ waitMs: 0 });
    expect(again).toEqual([]);

    await s.gateway.gateway.result({ jobId: jobA.id, response: answerA });
    expect(await s.admin.telematics.job({ jobId: jobA.id })).toMatchObject({ state: 'done', status: 'OK' });
  });
});
