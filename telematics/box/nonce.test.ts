/** Step 6: the nonce is the current one, under 30 s old, unused; spent by any command reaching step 6. */
import { describe, expect, it } from 'vitest';
import { LogEvent, Op, Right, Status } from '../protocol/constants';
import { benchBox } from './testing';

describe('the nonce', () => {
  it('refuses a replayed command: the first use spent it', () => {
    const bench = benchBox();
    const frame = bench.commandFrame(Op.UNLOCK);
    expect(bench.send(frame).status).toBe(Status.OK);
    const replay = bench.send(frame);
    expect(replay.status).toBe(Status.STALE_NONCE);
    expect(bench.records().map((r) => r.event)).toEqual([LogEvent.UNLOCKED, LogEvent.COMMAND_REJECTED]);
  });

  it('refuses the nonce of an earlier challenge: each read makes a new one', () => {
    const bench = benchBox();
    const first = bench.challengeNonce();
    const second = bench.challengeNonce();
    expect(second).not.toEqual(first);
    expect(bench.send(bench.commandFrame(Op.UNLOCK, { nonce: first })).status).toBe(Status.STALE_NONCE);
  });

  it('refuses a nonce the box never gave, and any nonce before the first challenge read', () => {
    const bench = benchBox();
    expect(bench.send(bench.commandFrame(Op.UNLOCK, { nonce: new Uint8Array(16) })).status).toBe(
      Status.STALE_NONCE,
    );
    bench.challengeNonce();
    const made = new Uint8Array(16).fill(0x5a);
    expect(bench.send(bench.commandFrame(Op.UNLOCK, { nonce: made })).status).toBe(Status.STALE_NONCE);
  });

  it.each([
    [29, Status.OK],
    [30, Status.STALE_NONCE],
  ])('is %i s old → status %i', (age, status) => {
    const bench = benchBox();
    const nonce = bench.challengeNonce();
    bench.clock.advance(age);
    expect(bench.send(bench.commandFrame(Op.UNLOCK, { nonce })).status).toBe(status);
  });

  it('is spent by a command refused at step 7 or 8, so the same nonce then fails', () => {
    const bench = benchBox();
    const nonce = bench.challengeNonce();
    const refused = bench.send(bench.commandFrame(Op.UNLOCK, { nonce, cert: { rights: Right.LOCK } }));
    expect(refused.status).toBe(Status.NOT_PERMITTED);
    expect(bench.send(bench.commandFrame(Op.UNLOCK, { nonce })).status).toBe(Status.STALE_NONCE);
  });

  it('is spent by a stale-nonce refusal too, and by a VEHICLE_STATE refusal', () => {
    const bench = benchBox({ car: { locked: false, ignitionOn: true } });
    const nonce = bench.challengeNonce();
    expect(bench.send(bench.commandFrame(Op.END_BOOKING, { nonce })).status).toBe(Status.VEHICLE_STATE);
    expect(bench.send(bench.commandFrame(Op.LOCK, { nonce })).status).toBe(Status.STALE_NONCE);
  });

  it('does not survive a restart of the box (a new box on the same store)', async () => {
    const bench = benchBox();
    const nonce = bench.challengeNonce();
    const { ReferenceBox } = await import('./box');
    const restarted = new ReferenceBox({ store: bench.store, clock: bench.clock.now });
    const frame = bench.commandFrame(Op.UNLOCK, { nonce });
    expect(restarted.writeCommand(frame)[2]).toBe(Status.STALE_NONCE);
  });
});
