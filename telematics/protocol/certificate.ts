/** Key certificate (type 0x01, 147 bytes): binds a holder key to one booking on one box. */

import type { KeyObject } from 'node:crypto';
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

export interface CertificateBody {
  boxId: Uint8Array;
  bookingId: Uint8Array;
  serial: number;
  issuedAt: number;
  notBefore: number;
  notAfter: number;
  /** Bit set of Right.* */
  rights: number;
  holderPub: Uint8Array;
}

export interface Certificate extends CertificateBody {
  caSig: Uint8Array;
}

/** Offset of caSig; the CA signs bytes 0..82. */
const CERTIFICATE_SIGNED_LENGTH = 83;

/** Bytes 0–82, the part the CA signs. */
function encodeCertificateBody(body: CertificateBody): Uint8Array {
  const out = new Uint8Array(CERTIFICATE_SIGNED_LENGTH);
  out[0] = PROTOCOL_VERSION;
  out[1] = FrameType.CERTIFICATE;
  writeBytes(out, 2, body.boxId, UUID_LENGTH, 'boxId');
  writeBytes(out, 18, body.bookingId, UUID_LENGTH, 'bookingId');
  writeU32(out, 34, body.serial, 'serial');
  writeU32(out, 38, body.issuedAt, 'issuedAt');
  writeU32(out, 42, body.notBefore, 'notBefore');
  writeU32(out, 46, body.notAfter, 'notAfter');
  writeU8(out, 50, body.rights, 'rights');
  writeBytes(out, 51, body.holderPub, PUBLIC_KEY_LENGTH, 'holderPub');
  return out;
}

export function encodeCertificate(cert: Certificate): Uint8Array {
  const out = new Uint8Array(FrameLength.CERTIFICATE);
  out.set(encodeCertificateBody(cert), 0);
  writeBytes(out, CERTIFICATE_SIGNED_LENGTH, cert.caSig, SIGNATURE_LENGTH, 'caSig');
  return out;
}

export function decodeCertificate(bytes: Uint8Array): Decoded<Certificate> {
  return decodeSafely(bytes, FrameType.CERTIFICATE, FrameLength.CERTIFICATE, (b) => ({
    ok: true,
    frame: {
      boxId: copyBytes(b, 2, UUID_LENGTH),
      bookingId: copyBytes(b, 18, UUID_LENGTH),
      serial: readU32(b, 34),
      issuedAt: readU32(b, 38),
      notBefore: readU32(b, 42),
      notAfter: readU32(b, 46),
      rights: b[50] ?? 0,
      holderPub: copyBytes(b, 51, PUBLIC_KEY_LENGTH),
      caSig: copyBytes(b, CERTIFICATE_SIGNED_LENGTH, SIGNATURE_LENGTH),
    },
  }));
}

export function signCertificate(body: CertificateBody, ca: Ed25519KeyPair): Certificate {
  return { ...body, caSig: ed25519Sign(ca, encodeCertificateBody(body)) };
}

/** Signs and encodes in one step: what the server hands out. */
export function issueCertificate(body: CertificateBody, ca: Ed25519KeyPair): Uint8Array {
  return encodeCertificate(signCertificate(body, ca));
}

/** False for a bad signature and for a certificate object that cannot be encoded; never throws. */
export function verifyCertificate(cert: Certificate, caPublicKey: Uint8Array | KeyObject): boolean {
  return verifySignedPart(caPublicKey, () => encodeCertificateBody(cert), cert.caSig);
}
