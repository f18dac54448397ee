/** "What the box checks", one fault at a time, each with its exact status code. */
import { describe, expect, it } from 'vitest';
import { LockState, LogEvent, Op, Right, Status } from '../protocol/constants';
import { verifyResponse } from '../protocol/response';
import { BENCH_BOOKING_ID, BENCH_T0, benchBox, benchKeys } from './testing';

const otherBox = new Uint8Array(16).fill(0xbb);

describe('a well-formed, valid unlock', () => {
  it('opens the car, raises the counter, logs the unlock and answers OK signed by the box', () => {
    const bench = benchBox();
    const frame = bench.commandFrame(Op.UNLOCK);
    const response = bench.send(frame);
    expect(response).toMatchObject({
      status: Status.OK,
      op: Op.UNLOCK,
      nonce: frame.subarray(3, 19),
      counter: 1,
      boxTime: BENCH_T0,
      lockState: LockState.UNLOCKED,
      logSeq: 1,
    });
    expect(verifyResponse(response, benchKeys.box.publicKey)).toBe(true);
    expect(bench.records()).toMatchObject([
      { seq: 1, event: LogEvent.UNLOCKED, bookingId: BENCH_BOOKING_ID, at: BENCH_T0 },
    ]);
  });
});

describe('step 1: length, version and type', () => {
  const malformed: [string, (f: Uint8Array) => Uint8Array][] = [
    ['one byte short', (f) => f.subarray(0, 229)],
    ['one byte long', (f) => new Uint8Array([...f, 0])],
    ['empty', () => new Uint8Array(0)],
    ['version 2', (f) => patch(f, 0, 2)],
    ['unknown type 0x09', (f) => patch(f, 1, 0x09)],
    ['a response type', (f) => patch(f, 1, 0x03)],
    ['a certificate whose own type is wrong', (f) => patch(f, 20, 0x04)],
    ['a certificate whose own version is wrong', (f) => patch(f, 19, 0x00)],
  ];

  it.each(malformed)('%s → MALFORMED, zero op and nonce, nothing logged, nonce not spent', (_, mangle) => {
    const bench = benchBox();
    const good = bench.commandFrame(Op.UNLOCK);
    const response = bench.send(mangle(good));
    expect(response).toMatchObject({
      status: Status.MALFORMED,
      op: 0,
      nonce: new Uint8Array(16),
      counter: 0,
    });
    expect(verifyResponse(response, benchKeys.box.publicKey)).toBe(true);
    expect(bench.records()).toEqual([]);
    expect(bench.send(good).status).toBe(Status.OK);
  });
});

describe('steps 2–4: refused without logging and without spending the nonce', () => {
  const cases: [string, number, Parameters<ReturnType<typeof benchBox>['commandFrame']>[1]][] = [
    ['a certificate signed by another key', Status.BAD_CA_SIGNATURE, { issuer: benchKeys.stranger }],
    ['a certificate for another box', Status.WRONG_BOX, { cert: { boxId: otherBox } }],
    ['a window starting 301 s after now', Status.NOT_YET_VALID, { cert: { notBefore: BENCH_T0 + 301 } }],
    [
      'a window that ended 301 s ago',
      Status.EXPIRED,
      { cert: { notBefore: BENCH_T0 - 7200, notAfter: BENCH_T0 - 301 } },
    ],
  ];

  it.each(cases)('%s → status %i', (_, status, options) => {
    const bench = benchBox();
    const nonce = bench.challengeNonce();
    const response = bench.send(bench.commandFrame(Op.UNLOCK, { ...options, nonce }));
    expect(response.status).toBe(status);
    expect(response.op).toBe(Op.UNLOCK);
    expect(response.nonce).toEqual(nonce);
    expect(verifyResponse(response, benchKeys.box.publicKey)).toBe(true);
    expect(bench.records()).toEqual([]);
    expect(bench.box.car.locked).toBe(true);
    expect(bench.send(bench.commandFrame(Op.UNLOCK, { nonce })).status).toBe(Status.OK);
  });

  it('checks the CA signature before the box id: a forged cert for another box is BAD_CA_SIGNATURE', () => {
    const bench = benchBox();
    const frame = bench.commandFrame(Op.UNLOCK, { issuer: benchKeys.stranger, cert: { boxId: otherBox } });
    expect(bench.send(frame).status).toBe(Status.BAD_CA_SIGNATURE);
  });
});

describe('step 4: the 300 s tolerance, at its edges', () => {
  const window = { notBefore: BENCH_T0, notAfter: BENCH_T0 + 3600 };
  it.each([
    [-301, Status.NOT_YET_VALID],
    [-300, Status.OK],
    [3600 + 300, Status.OK],
    [3600 + 301, Status.EXPIRED],
  ])('at notBefore %+i s → status %i', (offset, status) => {
    const bench = benchBox({ start: BENCH_T0 + offset });
    expect(bench.send(bench.commandFrame(Op.UNLOCK, { cert: window })).status).toBe(status);
  });
});

describe('step 5: the holder signature', () => {
  it('is refused when another key signs, logged as a rejected command; the nonce survives', () => {
    const bench = benchBox();
    const nonce = bench.challengeNonce();
    const response = bench.send(bench.commandFrame(Op.UNLOCK, { nonce, signer: benchKeys.stranger }));
    expect(response).toMatchObject({ status: Status.BAD_HOLDER_SIGNATURE, logSeq: 1, counter: 0 });
    expect(bench.records()).toMatchObject([
      { seq: 1, event: LogEvent.COMMAND_REJECTED, bookingId: BENCH_BOOKING_ID },
    ]);
    expect(bench.send(bench.commandFrame(Op.UNLOCK, { nonce })).status).toBe(Status.OK);
  });
});

describe('steps 7 and 8', () => {
  it('refuses a revoked serial with REVOKED and logs it', () => {
    const bench = benchBox();
    expect(bench.send(bench.revocationFrame(1)).status).toBe(Status.OK);
    const response = bench.send(bench.commandFrame(Op.UNLOCK));
    expect(response.status).toBe(Status.REVOKED);
    expect(bench.records().map((r) => r.event)).toEqual([LogEvent.COMMAND_REJECTED]);
  });

  it.each([
    ['unlock without the unlock right', Op.UNLOCK, Right.LOCK | Right.END_BOOKING],
    ['lock without the lock right', Op.LOCK, Right.UNLOCK | Right.END_BOOKING],
    ['end booking without its right', Op.END_BOOKING, Right.UNLOCK | Right.LOCK],
    ['an op no right covers (0x04)', 0x04, 0xff],
    ['op 0', 0x00, 0xff],
  ])('refuses %s with NOT_PERMITTED and logs it', (_, op, rights) => {
    const bench = benchBox();
    const response = bench.send(bench.commandFrame(op, { cert: { rights } }));
    expect(response).toMatchObject({ status: Status.NOT_PERMITTED, op, counter: 0 });
    expect(bench.records().map((r) => r.event)).toEqual([LogEvent.COMMAND_REJECTED]);
  });
});

describe('step 9: the vehicle state', () => {
  it('refuses end booking while the ignition is on with VEHICLE_STATE, logged, counter unchanged', () => {
    const bench = benchBox({ car: { locked: false, ignitionOn: true } });
    const response = bench.send(bench.commandFrame(Op.END_BOOKING));
    expect(response).toMatchObject({
      status: Status.VEHICLE_STATE,
      counter: 0,
      lockState: LockState.UNLOCKED,
    });
    expect(bench.records().map((r) => r.event)).toEqual([LogEvent.COMMAND_REJECTED]);
  });

  it.each([
    ['lock', Op.LOCK, 'a door open', { doorOpen: true }],
    ['lock', Op.LOCK, 'the ignition on', { ignitionOn: true }],
    ['end booking', Op.END_BOOKING, 'a door open', { doorOpen: true }],
  ])('refuses %s with %s with VEHICLE_STATE, logged, the car left unlocked', (_, op, _why, car) => {
    const bench = benchBox({ car: { locked: false, ...car } });
    expect(bench.send(bench.commandFrame(op))).toMatchObject({
      status: Status.VEHICLE_STATE,
      counter: 0,
      lockState: LockState.UNLOCKED,
    });
    expect(bench.box.car.locked).toBe(false);
    expect(bench.records().map((r) => r.event)).toEqual([LogEvent.COMMAND_REJECTED]);
  });

  it('locks once the door is shut and the ignition off', () => {
    const bench = benchBox({ car: { locked: false, doorOpen: true, ignitionOn: true } });
    bench.box.doorChanged(false);
    expect(bench.send(bench.commandFrame(Op.LOCK)).status).toBe(Status.VEHICLE_STATE);
    bench.box.ignitionChanged(false);
    expect(bench.send(bench.commandFrame(Op.LOCK))).toMatchObject({
      status: Status.OK,
      lockState: LockState.LOCKED,
    });
  });
});

function patch(frame: Uint8Array, offset: number, value: number): Uint8Array {
  const copy = new Uint8Array(frame);
  copy[offset] = value;
  return copy;
}
