/** The box locks again when no door opens within 120 s of an unlock. */
import { describe, expect, it } from 'vitest';
import { LogEvent, Op, Status } from '../protocol/constants';
import { BENCH_BOOKING_ID, BENCH_T0, benchBox } from './testing';

function unlocked() {
  const bench = benchBox();
  expect(bench.send(bench.commandFrame(Op.UNLOCK)).status).toBe(Status.OK);
  return bench;
}

describe('auto-lock', () => {
  it('locks at 120 s, not at 119 s, and logs a lock for the booking at the deadline', () => {
    const bench = unlocked();
    bench.clock.advance(119);
    bench.box.tick();
    expect(bench.box.car.locked).toBe(false);
    bench.clock.advance(1);
    bench.box.tick();
    expect(bench.box.car.locked).toBe(true);
    expect(bench.records().at(-1)).toMatchObject({
      event: LogEvent.LOCKED,
      at: BENCH_T0 + 120,
      bookingId: BENCH_BOOKING_ID,
    });
  });

  it('happens on the next interaction even without tick(), dated at the deadline', () => {
    const bench = unlocked();
    bench.clock.advance(3600);
    bench.box.readChallenge();
    expect(bench.box.car.locked).toBe(true);
    expect(bench.records().map((r) => [r.event, r.at - BENCH_T0])).toEqual([
      [LogEvent.UNLOCKED, 0],
      [LogEvent.LOCKED, 120],
    ]);
  });

  it('is called off by a door opening within the 120 s', () => {
    const bench = unlocked();
    bench.clock.advance(119);
    bench.box.doorChanged(true);
    bench.box.doorChanged(false);
    bench.clock.advance(600);
    bench.box.tick();
    expect(bench.box.car.locked).toBe(false);
  });

  it('comes first when the door opens only at 120 s', () => {
    const bench = unlocked();
    bench.clock.advance(120);
    bench.box.doorChanged(true);
    expect(bench.box.car.locked).toBe(true);
  });

  it('restarts with every unlock and is cleared by a lock', () => {
    const bench = unlocked();
    bench.clock.advance(100);
    bench.send(bench.commandFrame(Op.UNLOCK));
    bench.clock.advance(100);
    bench.box.tick();
    expect(bench.box.car.locked).toBe(false);
    bench.send(bench.commandFrame(Op.LOCK));
    bench.clock.advance(500);
    bench.box.tick();
    expect(bench.records().map((r) => r.event)).toEqual([
      LogEvent.UNLOCKED,
      LogEvent.UNLOCKED,
      LogEvent.LOCKED,
    ]);
  });

  it('starts no timer when a door is already open at the unlock', () => {
    const bench = benchBox({ car: { doorOpen: true } });
    expect(bench.send(bench.commandFrame(Op.UNLOCK)).status).toBe(Status.OK);
    bench.clock.advance(600);
    bench.box.tick();
    expect(bench.box.car.locked).toBe(false);
  });
});
