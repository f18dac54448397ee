/** The box's side of a fleet CA rotation: trust anchor updates (type 0x08) and what they change. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesEqual } from '../protocol/bytes';
import { FrameLength, Op, Status } from '../protocol/constants';
import { decodeResponse, verifyResponse } from '../protocol/response';
import { frameDigest } from '../protocol/trust-anchor';
import { benchBox, benchKeys } from './testing';

const { ca, nextCa, stranger } = benchKeys;
const hex = (key: Uint8Array) => Buffer.from(key).toString('hex');
const holds = (bench: ReturnType<typeof benchBox>) => bench.store.trustAnchors.map(hex);

/** A bench box in its booking window, so an unlock under a valid certificate is OK. */
const inWindow = () => {
  const bench = benchBox();
  bench.clock.advance(60);
  return bench;
};

describe('trust anchor updates at the box', () => {
  it('adds the next CA key, signed by the current one: both open the car until the old one is retired', () => {
    const bench = inWindow();
    const frame = bench.addAnchor(nextCa.publicKey);
    const response = bench.send(frame);
    expect(response).toMatchObject({ status: Status.OK, op: Op.NONE });
    // The answer names the update it answers, as erratum 1 does for revocations.
    expect(bytesEqual(response.nonce, frameDigest(frame))).toBe(true);
    expect(verifyResponse(response, benchKeys.box.publicKey)).toBe(true);
    expect(holds(bench)).toEqual([hex(ca.publicKey), hex(nextCa.publicKey)]);

    expect(bench.send(bench.commandFrame(Op.UNLOCK, { issuer: nextCa })).status).toBe(Status.OK);
    expect(bench.send(bench.commandFrame(Op.LOCK, { issuer: ca })).status).toBe(Status.OK);

    bench.clock.advance(1);
    expect(bench.send(bench.retireAnchor(ca.publicKey, { issuer: nextCa })).status).toBe(Status.OK);
    expect(holds(bench)).toEqual([hex(nextCa.publicKey)]);
    expect(bench.send(bench.commandFrame(Op.UNLOCK, { issuer: ca })).status).toBe(Status.BAD_CA_SIGNATURE);
    expect(bench.send(bench.revocationFrame(1, { issuer: ca })).status).toBe(Status.BAD_CA_SIGNATURE);
    expect(bench.send(bench.commandFrame(Op.UNLOCK, { issuer: nextCa })).status).toBe(Status.OK);
  });

  it('refuses an update signed by a key it does not trust, and changes nothing', () => {
    const bench = inWindow();
    const response = bench.send(bench.addAnchor(stranger.publicKey, { issuer: stranger }));
    expect(response.status).toBe(Status.BAD_CA_SIGNATURE);
    expect(holds(bench)).toEqual([hex(ca.publicKey)]);
    // Nor can the key being added vouch for itself.
    expect(bench.send(bench.addAnchor(nextCa.publicKey, { issuer: nextCa })).status).toBe(
      Status.BAD_CA_SIGNATURE,
    );
  });

  it('refuses an update for another box', () => {
    const bench = inWindow();
    const boxId = new Uint8Array(16).fill(7);
    expect(bench.send(bench.addAnchor(nextCa.publicKey, { boxId })).status).toBe(Status.WRONG_BOX);
    expect(holds(bench)).toEqual([hex(ca.publicKey)]);
  });

  it('refuses a replayed older update: a retired key cannot be brought back by its old add', () => {
    const bench = inWindow();
    const t = bench.clock.now();
    expect(bench.send(bench.addAnchor(nextCa.publicKey, { issuedAt: t })).status).toBe(Status.OK);
    const oldAdd = bench.addAnchor(stranger.publicKey, { issuedAt: t - 10 });
    expect(bench.send(oldAdd).status).toBe(Status.STALE_UPDATE);
    expect(bench.send(bench.retireAnchor(ca.publicKey, { issuer: nextCa, issuedAt: t + 5 })).status).toBe(
      Status.OK,
    );
    // The add of the first rotation, replayed under the new key's signature cannot happen (it was
    // signed by ca); one signed by the new key but older than the retire is stale.
    const replay = bench.addAnchor(ca.publicKey, { issuer: nextCa, issuedAt: t + 1 });
    expect(bench.send(replay).status).toBe(Status.STALE_UPDATE);
    expect(holds(bench)).toEqual([hex(nextCa.publicKey)]);
    // Equal issuedAt counts as a replay too.
    expect(bench.send(bench.addAnchor(ca.publicKey, { issuer: nextCa, issuedAt: t + 5 })).status).toBe(
      Status.STALE_UPDATE,
    );
  });

  it('confirms a delivery it has already carried out (a retry whose answer was lost) without change', () => {
    const bench = inWindow();
    const frame = bench.addAnchor(nextCa.publicKey);
    expect(bench.send(frame).status).toBe(Status.OK);
    expect(bench.send(frame).status).toBe(Status.OK);
    expect(holds(bench)).toEqual([hex(ca.publicKey), hex(nextCa.publicKey)]);
  });

  it('refuses to retire its last anchor, and to hold a third', () => {
    const bench = inWindow();
    expect(bench.send(bench.retireAnchor(ca.publicKey)).status).toBe(Status.LAST_ANCHOR);
    expect(holds(bench)).toEqual([hex(ca.publicKey)]);
    expect(bench.send(bench.addAnchor(nextCa.publicKey)).status).toBe(Status.OK);
    bench.clock.advance(1);
    expect(bench.send(bench.addAnchor(stranger.publicKey)).status).toBe(Status.ANCHORS_FULL);
    expect(holds(bench)).toHaveLength(2);
    expect(bench.send(bench.commandFrame(Op.UNLOCK)).status).toBe(Status.OK);
  });

  it('answers MALFORMED to an unknown action', () => {
    const bench = inWindow();
    expect(bench.send(bench.trustFrame(0x03, nextCa.publicKey)).status).toBe(Status.MALFORMED);
    expect(bench.send(bench.trustFrame(0x00, nextCa.publicKey)).status).toBe(Status.MALFORMED);
    expect(holds(bench)).toEqual([hex(ca.publicKey)]);
  });

  it('never changes its anchors for a damaged update, and answers each with the digest of what it got', () => {
    const bench = inWindow();
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.tuple(
            fc.integer({ min: 0, max: FrameLength.TRUST_ANCHOR - 1 }),
            fc.integer({ min: 1, max: 255 }),
          ),
          { minLength: 1, maxLength: 4, selector: ([offset]) => offset },
        ),
        fc.integer({ min: -2, max: 2 }),
        (changes, lengthChange) => {
          const good = bench.addAnchor(nextCa.publicKey);
          const frame = new Uint8Array(Math.max(0, good.length + lengthChange));
          frame.set(good.subarray(0, frame.length));
          for (const [offset, xor] of changes)
            if (offset < frame.length) frame[offset] = (frame[offset] ?? 0) ^ xor;
          const response = decodeResponse(bench.box.writeCommand(frame));
          if (!response.ok) return false;
          // A frame whose header no longer says 0x08 is taken for a command: MALFORMED, zeros echoed.
          const stillTrust = frame[0] === 1 && frame[1] === 0x08;
          return (
            response.frame.status !== Status.OK &&
            (!stillTrust || bytesEqual(response.frame.nonce, frameDigest(frame))) &&
            bench.store.trustAnchors.length === 1
          );
        },
      ),
      { numRuns: 400 },
    );
  });
});
