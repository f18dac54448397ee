/** Command (type 0x02, 230 bytes): an op, the box's nonce and a certificate, signed by the holder. */
import type { KeyObject } from 'node:crypto';
import { copyBytes, writeBytes, writeU8 } from './bytes';
import { type Certificate, decodeCertificate, encodeCertificate } from './certificate';
import { FrameLength, FrameType, PROTOCOL_VERSION } from './constants';
import { type Decoded, decodeFailure, decodeSafely } from './decoded';
import { type Ed25519KeyPair, ed25519Sign, SIGNATURE_LENGTH, verifySignedPart } from './ed25519';

export const NONCE_LENGTH = 16;
const CERTIFICATE_OFFSET = 19;
/** Offset of holderSig; the holder signs bytes 0..165. */
const COMMAND_SIGNED_LENGTH = 166;

export interface CommandBody {
  /** Op.* — kept as a plain byte: an unknown op is the box's to refuse, not the decoder's. */
  op: number;
  nonce: Uint8Array;
  certificate: Certificate;
}

export interface Command extends CommandBody {
  holderSig: Uint8Array;
}

export function encodeCommandBody(body: CommandBody): Uint8Array {
  const out = new Uint8Array(COMMAND_SIGNED_LENGTH);
  out[0] = PROTOCOL_VERSION;
  out[1] = FrameType.COMMAND;
  writeU8(out, 2, body.op, 'op');
  writeBytes(out, 3, body.nonce, NONCE_LENGTH, 'nonce');
  out.set(encodeCertificate(body.certificate), CERTIFICATE_OFFSET);
  return out;
}

export function encodeCommand(command: Command): Uint8Array {
  const out = new Uint8Array(FrameLength.COMMAND);
  out.set(encodeCommandBody(command), 0);
  writeBytes(out, COMMAND_SIGNED_LENGTH, command.holderSig, SIGNATURE_LENGTH, 'holderSig');
  return out;
}

/**
 * The embedded certificate must itself carry version 1 and type 0x01; if not, the whole command
 * is malformed (VERSION or TYPE), exactly as if the outer header were wrong.
 */
export function decodeCommand(bytes: Uint8Array): Decoded<Command> {
  return decodeSafely(bytes, FrameType.COMMAND, FrameLength.COMMAND, (b) => {
    const inner = decodeCertificate(b.subarray(CERTIFICATE_OFFSET, COMMAND_SIGNED_LENGTH));
    if (!inner.ok) return decodeFailure(inner.error);
    return {
      ok: true,
      frame: {
        op: b[2] ?? 0,
        nonce: copyBytes(b, 3, NONCE_LENGTH),
        certificate: inner.frame,
        holderSig: copyBytes(b, COMMAND_SIGNED_LENGTH, SIGNATURE_LENGTH),
      },
    };
  });
}

export function signCommand(body: CommandBody, holder: Ed25519KeyPair): Command {
  return { ...body, holderSig: ed25519Sign(holder, encodeCommandBody(body)) };
}

/** Verifies the holder signature against the certificate's own holderPub (or a key given). */
export function verifyCommand(command: Command, holderPublicKey?: Uint8Array | KeyObject): boolean {
  const key = holderPublicKey ?? command.certificate.holderPub;
  return verifySignedPart(key, () => encodeCommandBody(command), command.holderSig);
}
