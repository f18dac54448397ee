/**
 * What a box keeps across restarts (its flash): identity, keys, trust anchors, the counter, the
 * clock floor, revoked serials and the log. The nonce is deliberately not here: a restart forgets
 * it, so no challenge survives a power cycle.
 */
import { UUID_LENGTH } from '../protocol/bytes';
import { PUBLIC_KEY_LENGTH, SEED_LENGTH } from '../protocol/ed25519';

export interface BoxStore {
  readonly boxId: Uint8Array;
  /** Seed of the box key; the public half is what the server stores at provisioning. */
  readonly seed: Uint8Array;
  /**
   * The fleet CA public keys the box trusts: one, or two while the CA key is rotated. Certificates,
   * revocations and trust updates signed by any of them count (PROTOCOL.md, CA rotation).
   */
  trustAnchors: Uint8Array[];
  /** Newest issuedAt of an accepted trust update: an older or equal one is a replay. */
  trustIssuedAt: number;
  /** Commands carried out (answered OK); u32, wraps. */
  counter: number;
  /** Newest issuedAt of an accepted certificate or revocation: the box clock never reads below it. */
  newestIssuedAt: number;
  readonly revokedSerials: Set<number>;
  /** Encoded, signed log records; log[i] has seq i + 1. */
  readonly log: Uint8Array[];
}

export interface BoxProvisioning {
  boxId: Uint8Array;
  seed: Uint8Array;
  /** The fleet CA key the box is provisioned with. */
  caPublicKey: Uint8Array;
  /** A second anchor, for a flash restored in the middle of a rotation (the demo). */
  nextCaPublicKey?: Uint8Array | undefined;
}

export function createBoxStore({ boxId, seed, caPublicKey, nextCaPublicKey }: BoxProvisioning): BoxStore {
  if (boxId.length !== UUID_LENGTH) throw new RangeError('boxId is 16 bytes');
  if (seed.length !== SEED_LENGTH) throw new RangeError('the box seed is 32 bytes');
  const anchors = nextCaPublicKey ? [caPublicKey, nextCaPublicKey] : [caPublicKey];
  if (anchors.some((key) => key.length !== PUBLIC_KEY_LENGTH))
    throw new RangeError('a CA public key is 32 bytes');
  return {
    boxId: new Uint8Array(boxId),
    seed: new Uint8Array(seed),
    trustAnchors: anchors.map((key) => new Uint8Array(key)),
    trustIssuedAt: 0,
    counter: 0,
    newestIssuedAt: 0,
    revokedSerials: new Set(),
    log: [],
  };
}
