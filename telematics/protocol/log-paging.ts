/** Log request (type 0x06) and log end (type 0x07): the two 6-byte frames that page the log. */
import { readU32, writeU32 } from './bytes';
import { FrameLength, FrameType, PROTOCOL_VERSION } from './constants';
import { type Decoded, decodeSafely } from './decoded';

export interface LogRequest {
  fromSeq: number;
}

export interface LogEnd {
  /** The seq to ask for next. */
  nextSeq: number;
}

function encodeSeqFrame(type: number, seq: number, field: string): Uint8Array {
  const out = new Uint8Array(6);
  out[0] = PROTOCOL_VERSION;
  out[1] = type;
  writeU32(out, 2, seq, field);
  return out;
}

export function encodeLogRequest(request: LogRequest): Uint8Array {
  return encodeSeqFrame(FrameType.LOG_REQUEST, request.fromSeq, 'fromSeq');
}

export function decodeLogRequest(bytes: Uint8Array): Decoded<LogRequest> {
  return decodeSafely(bytes, FrameType.LOG_REQUEST, FrameLength.LOG_REQUEST, (b) => ({
    ok: true,
    frame: { fromSeq: readU32(b, 2) },
  }));
}

export function encodeLogEnd(end: LogEnd): Uint8Array {
  return encodeSeqFrame(FrameType.LOG_END, end.nextSeq, 'nextSeq');
}

export function decodeLogEnd(bytes: Uint8Array): Decoded<LogEnd> {
  return decodeSafely(bytes, FrameType.LOG_END, FrameLength.LOG_END, (b) => ({
    ok: true,
    frame: { nextSeq: readU32(b, 2) },
  }));
}
