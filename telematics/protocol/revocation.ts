/** Revocation (type 0x04, 90 bytes): the CA withdraws one certificate serial on one box. */
import type { KeyObject } from 'node:crypto';
import { copyBytes, readU32, UUID_LENGTH, writeBytes, writeU32 } from './bytes';
import { FrameLength, FrameType, PROTOCOL_VERSION } from './constants';
import { type Decoded, decodeSafely } from './decoded';
import { type Ed25519KeyPair, ed25519Sign, SIGNATURE_LENGTH, verifySignedPart } from './ed25519';
import { frameDigest } from './trust-anchor';

/** Offset of caSig; the CA signs bytes 0..25. */
const REVOCATION_SIGNED_LENGTH = 26;

export interface RevocationBody {
  boxId: Uint8Array;
  serial: number;
  issuedAt: number;
}

export interface Revocation extends RevocationBody {
  caSig: Uint8Array;
}

function encodeRevocationBody(body: RevocationBody): Uint8Array {
  const out = new Uint8Array(REVOCATION_SIGNED_LENGTH);
  out[0] = PROTOCOL_VERSION;
  out[1] = FrameType.REVOCATION;
  writeBytes(out, 2, body.boxId, UUID_LENGTH, 'boxId');
  writeU32(out, 18, body.serial, 'serial');
  writeU32(out, 22, body.issuedAt, 'issuedAt');
  return out;
}

export function encodeRevocation(revocation: Revocation): Uint8Array {
  const out = new Uint8Array(FrameLength.REVOCATION);
  out.set(encodeRevocationBody(revocation), 0);
  writeBytes(out, REVOCATION_SIGNED_LENGTH, revocation.caSig, SIGNATURE_LENGTH, 'caSig');
  return out;
}

export function decodeRevocation(bytes: Uint8Array): Decoded<Revocation> {
  return decodeSafely(bytes, FrameType.REVOCATION, FrameLength.REVOCATION, (b) => ({
    ok: true,
    frame: {
      boxId: copyBytes(b, 2, UUID_LENGTH),
      serial: readU32(b, 18),
      issuedAt: readU32(b, 22),
      caSig: copyBytes(b, REVOCATION_SIGNED_LENGTH, SIGNATURE_LENGTH),
    },
  }));
}

export function signRevocation(body: RevocationBody, ca: Ed25519KeyPair): Revocation {
  return { ...body, caSig: ed25519Sign(ca, encodeRevocationBody(body)) };
}

export function verifyRevocation(revocation: Revocation, caPublicKey: Uint8Array | KeyObject): boolean {
  return verifySignedPart(caPublicKey, () => encodeRevocationBody(revocation), revocation.caSig);
}

/**
 * What the box's answer to a revocation carries in its nonce field (key-protocol.md, erratum 1):
 * the frame digest trust updates use too.
 */
export const revocationDigest = frameDigest;
