/**
 * The two read-only characteristic payloads that are not frames (no version/type header):
 * info (boxId[16], version u8, firmware UTF-8) and challenge (nonce[16], counter u32, boxTime u32).
 */
import { copyBytes, readU32, UUID_LENGTH, writeBytes, writeU32 } from './bytes';
import { NONCE_LENGTH } from './command';
import { FrameLength, INFO_MAX_LENGTH, INFO_MIN_LENGTH, PROTOCOL_VERSION } from './constants';
import { type Decoded, decodeFailure } from './decoded';

export interface BoxInfo {
  boxId: Uint8Array;
  version: number;
  firmware: string;
}

export interface Challenge {
  nonce: Uint8Array;
  /** Commands the box has carried out so far. */
  counter: number;
  boxTime: number;
}

const utf8 = new TextEncoder();
// fatal: a firmware string that is not UTF-8 is an error to report, not text to patch with U+FFFD.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function encodeInfo(info: BoxInfo): Uint8Array {
  const firmware = utf8.encode(info.firmware);
  const out = new Uint8Array(INFO_MIN_LENGTH + firmware.length);
  if (out.length > INFO_MAX_LENGTH) throw new RangeError('firmware text too long for one attribute');
  writeBytes(out, 0, info.boxId, UUID_LENGTH, 'boxId');
  out[16] = info.version;
  out.set(firmware, INFO_MIN_LENGTH);
  return out;
}

export function decodeInfo(bytes: Uint8Array): Decoded<BoxInfo> {
  if (!(bytes instanceof Uint8Array)) return decodeFailure('INPUT');
  if (bytes.length < INFO_MIN_LENGTH || bytes.length > INFO_MAX_LENGTH) return decodeFailure('LENGTH');
  if (bytes[16] !== PROTOCOL_VERSION) return decodeFailure('VERSION');
  let firmware: string;
  try {
    firmware = strictUtf8.decode(bytes.subarray(INFO_MIN_LENGTH));
  } catch {
    return decodeFailure('ENCODING');
  }
  return {
    ok: true,
    frame: { boxId: copyBytes(bytes, 0, UUID_LENGTH), version: PROTOCOL_VERSION, firmware },
  };
}

export function encodeChallenge(challenge: Challenge): Uint8Array {
  const out = new Uint8Array(FrameLength.CHALLENGE);
  writeBytes(out, 0, challenge.nonce, NONCE_LENGTH, 'nonce');
  writeU32(out, 16, challenge.counter, 'counter');
  writeU32(out, 20, challenge.boxTime, 'boxTime');
  return out;
}

export function decodeChallenge(bytes: Uint8Array): Decoded<Challenge> {
  if (!(bytes instanceof Uint8Array)) return decodeFailure('INPUT');
  if (bytes.length !== FrameLength.CHALLENGE) return decodeFailure('LENGTH');
  return {
    ok: true,
    frame: {
      nonce: copyBytes(bytes, 0, NONCE_LENGTH),
      counter: readU32(bytes, 16),
      boxTime: readU32(bytes, 20),
    },
  };
}
