/**
 * Trust anchor update (type 0x08, 119 bytes): the CA tells one box to add a fleet CA public key to
 * the keys it trusts, or to retire one (telematics/PROTOCOL.md, "Rotating the fleet CA key").
 */
import { createHash, type KeyObject } from 'node:crypto';
import { copyBytes, readU32, UUID_LENGTH, writeBytes, writeU8, writeU32 } from './bytes';
import { FrameLength, FrameType, PROTOCOL_VERSION } from './constants';
import { type Decoded, decodeSafely } from './decoded';
import {
  type Ed25519KeyPair,
  ed25519Sign,
  PUBLIC_KEY_LENGTH,
  SIGNATURE_LENGTH,
  verifySignedPart,
} from './ed25519';

/** Offset of caSig; the CA signs bytes 0..54. */
const TRUST_ANCHOR_SIGNED_LENGTH = 55;

export const TrustAction = { ADD: 0x01, RETIRE: 0x02 } as const;

/** A box holds at most this many anchors: the current CA key and, during a rotation, the next. */
export const MAX_TRUST_ANCHORS = 2;

export interface TrustAnchorBody {
  boxId: Uint8Array;
  /** TrustAction.*; any other byte is MALFORMED at the box. */
  action: number;
  /** The CA public key added or retired. */
  key: Uint8Array;
  issuedAt: number;
}

export interface TrustAnchorUpdate extends TrustAnchorBody {
  caSig: Uint8Array;
}

function encodeTrustAnchorBody(body: TrustAnchorBody): Uint8Array {
  const out = new Uint8Array(TRUST_ANCHOR_SIGNED_LENGTH);
  out[0] = PROTOCOL_VERSION;
  out[1] = FrameType.TRUST_ANCHOR;
  writeBytes(out, 2, body.boxId, UUID_LENGTH, 'boxId');
  writeU8(out, 18, body.action, 'action');
  writeBytes(out, 19, body.key, PUBLIC_KEY_LENGTH, 'key');
  writeU32(out, 51, body.issuedAt, 'issuedAt');
  return out;
}

export function encodeTrustAnchor(update: TrustAnchorUpdate): Uint8Array {
  const out = new Uint8Array(FrameLength.TRUST_ANCHOR);
  out.set(encodeTrustAnchorBody(update), 0);
  writeBytes(out, TRUST_ANCHOR_SIGNED_LENGTH, update.caSig, SIGNATURE_LENGTH, 'caSig');
  return out;
}

export function decodeTrustAnchor(bytes: Uint8Array): Decoded<TrustAnchorUpdate> {
  return decodeSafely(bytes, FrameType.TRUST_ANCHOR, FrameLength.TRUST_ANCHOR, (b) => ({
    ok: true,
    frame: {
      boxId: copyBytes(b, 2, UUID_LENGTH),
      action: b[18] ?? 0,
      key: copyBytes(b, 19, PUBLIC_KEY_LENGTH),
      issuedAt: readU32(b, 51),
      caSig: copyBytes(b, TRUST_ANCHOR_SIGNED_LENGTH, SIGNATURE_LENGTH),
    },
  }));
}

/** Signed by a CA key the box trusts now: the current one for an add, the new one for a retire. */
export function signTrustAnchor(body: TrustAnchorBody, ca: Ed25519KeyPair): TrustAnchorUpdate {
  return { ...body, caSig: ed25519Sign(ca, encodeTrustAnchorBody(body)) };
}

export function verifyTrustAnchor(update: TrustAnchorUpdate, caPublicKey: Uint8Array | KeyObject): boolean {
  return verifySignedPart(caPublicKey, () => encodeTrustAnchorBody(update), update.caSig);
}

/** Length of the digest an answer to a revocation or trust update carries in its nonce field. */
export const FRAME_DIGEST_LENGTH = 16;

/**
 * What the box's answer to a revocation (erratum 1) or a trust update carries in its nonce field:
 * the first 16 bytes of SHA-256 over the frame's bytes as received, whatever the status. It binds
 * the signed answer to that one frame, so the answer to one update cannot close another's job.
 */
export function frameDigest(frame: Uint8Array): Uint8Array {
  const digest = createHash('sha256').update(frame).digest();
  return new Uint8Array(digest.subarray(0, FRAME_DIGEST_LENGTH));
}
