/** A changed command frame never opens the car: every single bit, then random multi-byte damage. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Op, Status } from '../protocol/constants';
import { decodeResponse, verifyResponse } from '../protocol/response';
import { benchBox, benchKeys } from './testing';

describe('the box under damaged commands', () => {
  it('refuses a command with any one of its 1840 bits flipped, and answers each signed', () => {
    const bench = benchBox();
    const statuses = new Map<number, number>();
    for (let bit = 0; bit < 230 * 8; bit++) {
      const frame = bench.commandFrame(Op.UNLOCK);
      frame[bit >> 3] = (frame[bit >> 3] ?? 0) ^ (1 << (bit & 7));
      const response = decodeResponse(bench.box.writeCommand(frame));
      if (!response.ok) throw new Error(response.error);
      expect(verifyResponse(response.frame, benchKeys.box.publicKey)).toBe(true);
      expect(response.frame.status, `bit ${bit}`).not.toBe(Status.OK);
      statuses.set(response.frame.status, (statuses.get(response.frame.status) ?? 0) + 1);
    }
    expect(bench.box.car.locked).toBe(true);
    expect(bench.store.counter).toBe(0);
    // Where the bit lands decides the refusal: header → MALFORMED, certificate → CA signature,
    // op, nonce or holder signature → holder signature.
    expect([...statuses.keys()].sort()).toEqual([
      Status.MALFORMED,
      Status.BAD_CA_SIGNATURE,
      Status.BAD_HOLDER_SIGNATURE,
    ]);
  });

  it('never answers OK to randomly damaged, truncated or extended commands', () => {
    const bench = benchBox();
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 229 }), fc.integer({ min: 1, max: 255 })), {
          minLength: 1,
          maxLength: 6,
          selector: ([offset]) => offset,
        }),
        fc.integer({ min: -3, max: 3 }),
        (changes, lengthChange) => {
          const good = bench.commandFrame(Op.UNLOCK);
          const frame = new Uint8Array(Math.max(0, good.length + lengthChange));
          frame.set(good.subarray(0, frame.length));
          for (const [offset, xor] of changes)
            if (offset < frame.length) frame[offset] = (frame[offset] ?? 0) ^ xor;
          fc.pre(frame.length !== good.length || frame.some((b, i) => b !== good[i]));
          return bench.box.writeCommand(frame)[2] !== Status.OK;
        },
      ),
      { numRuns: 500 },
    );
    expect(bench.box.car.locked).toBe(true);
  });

  it('answers a signed response, never an exception, to random bytes', () => {
    const bench = benchBox();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (frame) => {
        const response = decodeResponse(bench.box.writeCommand(frame));
        return response.ok && response.frame.status !== Status.OK;
      }),
      { numRuns: 500 },
    );
  });
});
