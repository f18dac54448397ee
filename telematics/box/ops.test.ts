/** What the ops do, revocations, the counter and the clock floor. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LockState, LogEvent, Op, Status } from '../protocol/constants';
import { verifyResponse } from '../protocol/response';
import { revocationDigest } from '../protocol/revocation';
import { BENCH_BOOKING_ID, BENCH_T0, benchBox, benchKeys } from './testing';

describe('ops', () => {
  it('lock after unlock locks and logs, end booking closes the trip; the counter counts OKs only', () => {
    const bench = benchBox();
    bench.send(bench.commandFrame(Op.UNLOCK));
    bench.box.doorChanged(true);
    bench.box.doorChanged(false);
    expect(bench.send(bench.commandFrame(Op.LOCK))).toMatchObject({ status: Status.OK, counter: 2 });
    expect(bench.box.car.locked).toBe(true);
    expect(bench.box.car.activeBookingId).toEqual(BENCH_BOOKING_ID);
    bench.send(bench.commandFrame(Op.UNLOCK, { cert: { rights: 0 } }));
    const end = bench.send(bench.commandFrame(Op.END_BOOKING));
    expect(end).toMatchObject({ status: Status.OK, counter: 3, lockState: LockState.LOCKED, logSeq: 4 });
    expect(bench.box.car.activeBookingId).toBeNull();
    expect(bench.records().map((r) => r.event)).toEqual([
      LogEvent.UNLOCKED,
      LogEvent.LOCKED,
      LogEvent.COMMAND_REJECTED,
      LogEvent.BOOKING_ENDED,
    ]);
  });

  it('end booking locks an unlocked car with one record, booking ended', () => {
    const bench = benchBox();
    bench.send(bench.commandFrame(Op.UNLOCK));
    expect(bench.send(bench.commandFrame(Op.END_BOOKING)).lockState).toBe(LockState.LOCKED);
    expect(bench.records().map((r) => r.event)).toEqual([LogEvent.UNLOCKED, LogEvent.BOOKING_ENDED]);
  });

  it('reports the car in every response: odometer, state of charge, newest seq', () => {
    const bench = benchBox({ car: { odometer: 123_456, soc: 77 } });
    const response = bench.send(bench.commandFrame(Op.UNLOCK));
    expect(response).toMatchObject({ odometer: 123_456, soc: 77, logSeq: 1 });
    expect(bench.records()[0]).toMatchObject({ odometer: 123_456, soc: 77 });
  });
});

describe('revocation', () => {
  it("adds the serial and answers OK with op 0 and the frame's digest, signed, logging nothing", () => {
    const bench = benchBox();
    const frame = bench.revocationFrame(7);
    const response = bench.send(frame);
    expect(response).toMatchObject({ status: Status.OK, op: 0, nonce: revocationDigest(frame), counter: 0 });
    expect(response.nonce).toEqual(
      new Uint8Array(createHash('sha256').update(frame).digest().subarray(0, 16)),
    );
    expect(verifyResponse(response, benchKeys.box.publicKey)).toBe(true);
    expect(bench.store.revokedSerials.has(7)).toBe(true);
    expect(bench.records()).toEqual([]);
  });

  it.each([
    ['signed by another key', { issuer: benchKeys.stranger }, Status.BAD_CA_SIGNATURE],
    ['for another box', { boxId: new Uint8Array(16).fill(1) }, Status.WRONG_BOX],
  ])('%s is refused and changes nothing', (_, options, status) => {
    const bench = benchBox();
    const frame = bench.revocationFrame(1, options);
    expect(bench.send(frame)).toMatchObject({ status, op: 0, nonce: revocationDigest(frame) });
    expect(bench.store.revokedSerials.size).toBe(0);
    expect(bench.send(bench.commandFrame(Op.UNLOCK)).status).toBe(Status.OK);
  });

  it('of the wrong length is MALFORMED', () => {
    const bench = benchBox();
    const short = bench.revocationFrame(1).subarray(0, 89);
    expect(bench.send(short)).toMatchObject({ status: Status.MALFORMED, nonce: revocationDigest(short) });
  });

  it('leaves other serials working', () => {
    const bench = benchBox();
    bench.send(bench.revocationFrame(2));
    expect(bench.send(bench.commandFrame(Op.UNLOCK, { cert: { serial: 1 } })).status).toBe(Status.OK);
  });
});

describe('the clock floor', () => {
  it('never lets box time run below the newest accepted issuedAt', () => {
    const bench = benchBox();
    const later = BENCH_T0 + 10_000;
    const cert = { issuedAt: later, notBefore: BENCH_T0, notAfter: later + 3600 };
    expect(bench.send(bench.commandFrame(Op.UNLOCK, { cert })).status).toBe(Status.OK);
    expect(bench.box.now()).toBe(later);
    // The clock still says BENCH_T0, but a key that ended at BENCH_T0 + 3600 is now expired.
    const response = bench.send(bench.commandFrame(Op.LOCK, { cert: { notAfter: BENCH_T0 + 3600 } }));
    expect(response).toMatchObject({ status: Status.EXPIRED, boxTime: later });
  });

  it('is not raised by a refused command', () => {
    const bench = benchBox();
    const cert = { issuedAt: BENCH_T0 + 10_000, rights: 0 };
    expect(bench.send(bench.commandFrame(Op.UNLOCK, { cert })).status).toBe(Status.NOT_PERMITTED);
    expect(bench.box.now()).toBe(BENCH_T0);
  });

  it('is raised by an accepted revocation', () => {
    const bench = benchBox();
    bench.clock.advance(500);
    bench.send(bench.revocationFrame(9));
    bench.clock.set(BENCH_T0);
    expect(bench.box.now()).toBe(BENCH_T0 + 500);
  });
});
