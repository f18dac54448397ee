/** Response (type 0x03, 102 bytes): the box's signed answer to a command or revocation. */
import type { KeyObject } from 'node:crypto';
import { copyBytes, readU32, writeBytes, writeU8, writeU32 } from './bytes';
import { NONCE_LENGTH } from './command';
import { FrameLength, FrameType, PROTOCOL_VERSION } from './constants';
import { type Decoded, decodeSafely } from './decoded';
import { type Ed25519KeyPair, ed25519Sign, SIGNATURE_LENGTH, verifySignedPart } from './ed25519';

/** Offset of boxSig; the box signs bytes 0..37. */
const RESPONSE_SIGNED_LENGTH = 38;

export interface ResponseBody {
  /** Status.* */
  status: number;
  /** Op echoed; Op.NONE for a revocation. */
  op: number;
  /** Nonce echoed; zeros for a revocation. */
  nonce: Uint8Array;
  counter: number;
  boxTime: number;
  /** LockState.* */
  lockState: number;
  /** Units of 100 m. */
  odometer: number;
  /** Percent; SOC_UNKNOWN when unknown. */
  soc: number;
  /** Seq of the newest log record, 0 while the log is empty. */
  logSeq: number;
}

export interface Response extends ResponseBody {
  boxSig: Uint8Array;
}

function encodeResponseBody(body: ResponseBody): Uint8Array {
  const out = new Uint8Array(RESPONSE_SIGNED_LENGTH);
  out[0] = PROTOCOL_VERSION;
  out[1] = FrameType.RESPONSE;
  writeU8(out, 2, body.status, 'status');
  writeU8(out, 3, body.op, 'op');
  writeBytes(out, 4, body.nonce, NONCE_LENGTH, 'nonce');
  writeU32(out, 20, body.counter, 'counter');
  writeU32(out, 24, body.boxTime, 'boxTime');
  writeU8(out, 28, body.lockState, 'lockState');
  writeU32(out, 29, body.odometer, 'odometer');
  writeU8(out, 33, body.soc, 'soc');
  writeU32(out, 34, body.logSeq, 'logSeq');
  return out;
}

export function encodeResponse(response: Response): Uint8Array {
  const out = new Uint8Array(FrameLength.RESPONSE);
  out.set(encodeResponseBody(response), 0);
  writeBytes(out, RESPONSE_SIGNED_LENGTH, response.boxSig, SIGNATURE_LENGTH, 'boxSig');
  return out;
}

export function decodeResponse(bytes: Uint8Array): Decoded<Response> {
  return decodeSafely(bytes, FrameType.RESPONSE, FrameLength.RESPONSE, (b) => ({
    ok: true,
    frame: {
      status: b[2] ?? 0,
      op: b[3] ?? 0,
      nonce: copyBytes(b, 4, NONCE_LENGTH),
      counter: readU32(b, 20),
      boxTime: readU32(b, 24),
      lockState: b[28] ?? 0,
      odometer: readU32(b, 29),
      soc: b[33] ?? 0,
      logSeq: readU32(b, 34),
      boxSig: copyBytes(b, RESPONSE_SIGNED_LENGTH, SIGNATURE_LENGTH),
    },
  }));
}

export function signResponse(body: ResponseBody, box: Ed25519KeyPair): Response {
  return { ...body, boxSig: ed25519Sign(box, encodeResponseBody(body)) };
}

export function verifyResponse(response: Response, boxPublicKey: Uint8Array | KeyObject): boolean {
  return verifySignedPart(boxPublicKey, () => encodeResponseBody(response), response.boxSig);
}
