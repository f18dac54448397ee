/** Log record (type 0x05, 112 bytes): one signed event from the box's gap-free log. */
import type { KeyObject } from 'node:crypto';
import { copyBytes, readU32, UUID_LENGTH, writeBytes, writeU8, writeU32 } from './bytes';
import { FrameLength, FrameType, PROTOCOL_VERSION } from './constants';
import { type Decoded, decodeSafely } from './decoded';
import { type Ed25519KeyPair, ed25519Sign, SIGNATURE_LENGTH, verifySignedPart } from './ed25519';

/** Offset of boxSig; the box signs bytes 0..47. */
const LOG_RECORD_SIGNED_LENGTH = 48;

export interface LogRecordBody {
  boxId: Uint8Array;
  /** From 1, without gaps. */
  seq: number;
  at: number;
  /** LogEvent.* */
  event: number;
  /** Zeros when no booking is involved. */
  bookingId: Uint8Array;
  odometer: number;
  soc: number;
}

export interface LogRecord extends LogRecordBody {
  boxSig: Uint8Array;
}

function encodeLogRecordBody(body: LogRecordBody): Uint8Array {
  const out = new Uint8Array(LOG_RECORD_SIGNED_LENGTH);
  out[0] = PROTOCOL_VERSION;
  out[1] = FrameType.LOG_RECORD;
  writeBytes(out, 2, body.boxId, UUID_LENGTH, 'boxId');
  writeU32(out, 18, body.seq, 'seq');
  writeU32(out, 22, body.at, 'at');
  writeU8(out, 26, body.event, 'event');
  writeBytes(out, 27, body.bookingId, UUID_LENGTH, 'bookingId');
  writeU32(out, 43, body.odometer, 'odometer');
  writeU8(out, 47, body.soc, 'soc');
  return out;
}

export function encodeLogRecord(record: LogRecord): Uint8Array {
  const out = new Uint8Array(FrameLength.LOG_RECORD);
  out.set(encodeLogRecordBody(record), 0);
  writeBytes(out, LOG_RECORD_SIGNED_LENGTH, record.boxSig, SIGNATURE_LENGTH, 'boxSig');
  return out;
}

export function decodeLogRecord(bytes: Uint8Array): Decoded<LogRecord> {
  return decodeSafely(bytes, FrameType.LOG_RECORD, FrameLength.LOG_RECORD, (b) => ({
    ok: true,
    frame: {
      boxId: copyBytes(b, 2, UUID_LENGTH),
      seq: readU32(b, 18),
      at: readU32(b, 22),
      event: b[26] ?? 0,
      bookingId: copyBytes(b, 27, UUID_LENGTH),
      odometer: readU32(b, 43),
      soc: b[47] ?? 0,
      boxSig: copyBytes(b, LOG_RECORD_SIGNED_LENGTH, SIGNATURE_LENGTH),
    },
  }));
}

export function signLogRecord(body: LogRecordBody, box: Ed25519KeyPair): LogRecord {
  return { ...body, boxSig: ed25519Sign(box, encodeLogRecordBody(body)) };
}

export function verifyLogRecord(record: LogRecord, boxPublicKey: Uint8Array | KeyObject): boolean {
  return verifySignedPart(boxPublicKey, () => encodeLogRecordBody(record), record.boxSig);
}
