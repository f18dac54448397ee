/** Decoding any PMK1 frame by its type byte: for the box's command characteristic, tools and fuzzing. */
import { type Certificate, decodeCertificate } from './certificate';
import { type Command, decodeCommand } from './command';
import { FrameType, PROTOCOL_VERSION } from './constants';
import { type Decoded, decodeFailure } from './decoded';
import { decodeLogEnd, decodeLogRequest, type LogEnd, type LogRequest } from './log-paging';
import { decodeLogRecord, type LogRecord } from './log-record';
import { decodeResponse, type Response } from './response';
import { decodeRevocation, type Revocation } from './revocation';
import { decodeTrustAnchor, type TrustAnchorUpdate } from './trust-anchor';

export type AnyFrame =
  | { kind: 'certificate'; certificate: Certificate }
  | { kind: 'command'; command: Command }
  | { kind: 'response'; response: Response }
  | { kind: 'revocation'; revocation: Revocation }
  | { kind: 'logRecord'; logRecord: LogRecord }
  | { kind: 'logRequest'; logRequest: LogRequest }
  | { kind: 'logEnd'; logEnd: LogEnd }
  | { kind: 'trustAnchor'; trustAnchor: TrustAnchorUpdate };

function wrap<T>(decoded: Decoded<T>, make: (frame: T) => AnyFrame): Decoded<AnyFrame> {
  return decoded.ok ? { ok: true, frame: make(decoded.frame) } : decoded;
}

export function decodeFrame(bytes: Uint8Array): Decoded<AnyFrame> {
  if (!(bytes instanceof Uint8Array)) return decodeFailure('INPUT');
  if (bytes.length < 2)
    return decodeFailure(bytes.length === 1 && bytes[0] !== PROTOCOL_VERSION ? 'VERSION' : 'LENGTH');
  switch (bytes[1]) {
    case FrameType.CERTIFICATE:
      return wrap(decodeCertificate(bytes), (certificate) => ({ kind: 'certificate', certificate }));
    case FrameType.COMMAND:
      return wrap(decodeCommand(bytes), (command) => ({ kind: 'command', command }));
    case FrameType.RESPONSE:
      return wrap(decodeResponse(bytes), (response) => ({ kind: 'response', response }));
    case FrameType.REVOCATION:
      return wrap(decodeRevocation(bytes), (revocation) => ({ kind: 'revocation', revocation }));
    case FrameType.LOG_RECORD:
      return wrap(decodeLogRecord(bytes), (logRecord) => ({ kind: 'logRecord', logRecord }));
    case FrameType.LOG_REQUEST:
      return wrap(decodeLogRequest(bytes), (logRequest) => ({ kind: 'logRequest', logRequest }));
    case FrameType.LOG_END:
      return wrap(decodeLogEnd(bytes), (logEnd) => ({ kind: 'logEnd', logEnd }));
    case FrameType.TRUST_ANCHOR:
      return wrap(decodeTrustAnchor(bytes), (trustAnchor) => ({ kind: 'trustAnchor', trustAnchor }));
    default:
      return decodeFailure(bytes[0] !== PROTOCOL_VERSION ? 'VERSION' : 'TYPE');
  }
}
