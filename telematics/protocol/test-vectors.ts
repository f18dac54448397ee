/**
 * Deterministic PMK1 test vectors: fixed seeds, ids and times, so anyone implementing PMK1 can
 * check their bytes against ours. Ed25519 signatures are deterministic, hence so is every frame.
 * `npx tsx telematics/protocol/write-test-vectors.ts` rewrites test-vectors.json from this.
 */
import { fromHex, toHex, uuidToBytes } from './bytes';
import { type CertificateBody, encodeCertificate, signCertificate } from './certificate';
import { encodeChallenge, encodeInfo } from './characteristics';
import { encodeCommand, signCommand } from './command';
import { LockState, LogEvent, Op, Right, Status } from './constants';
import { keyPairFromSeed } from './ed25519';
import { encodeLogEnd, encodeLogRequest } from './log-paging';
import { encodeLogRecord, signLogRecord } from './log-record';
import { encodeResponse, signResponse } from './response';
import { encodeRevocation, revocationDigest, signRevocation } from './revocation';
import { encodeTrustAnchor, frameDigest, signTrustAnchor, TrustAction } from './trust-anchor';

/** Seeds 00..1f, 20..3f, 40..5f: easy to type into another implementation. */
const seed = (first: number): Uint8Array => Uint8Array.from({ length: 32 }, (_, i) => first + i);

const VECTOR_SEEDS = { ca: seed(0x00), box: seed(0x20), holder: seed(0x40), nextCa: seed(0x60) };
const VECTOR_BOX_ID = '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f0';
const VECTOR_BOOKING_ID = '11111111-2222-4333-8444-555555555555';
/** 2026-01-01T00:00:00Z; the booking runs 10:00–12:00 that day. */
const ISSUED_AT = 1_767_225_600;
const NOT_BEFORE = ISSUED_AT + 10 * 3600;
const NOT_AFTER = ISSUED_AT + 12 * 3600;
const NONCE = fromHex('a0a1a2a3a4a5a6a7a8a9aaabacadaeaf');

type Json = string | number | { [key: string]: Json };

/** A frame object as JSON: bytes as hex, numbers as they are, nested objects likewise. */
function jsonFields(fields: object): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  for (const [name, value] of Object.entries(fields)) {
    if (value instanceof Uint8Array) out[name] = toHex(value);
    else if (typeof value === 'number' || typeof value === 'string') out[name] = value;
    else if (typeof value === 'object' && value !== null) out[name] = jsonFields(value);
  }
  return out;
}

const vector = (fields: object, bytes: Uint8Array) => ({ fields: jsonFields(fields), hex: toHex(bytes) });

export function buildTestVectors() {
  const ca = keyPairFromSeed(VECTOR_SEEDS.ca);
  const box = keyPairFromSeed(VECTOR_SEEDS.box);
  const holder = keyPairFromSeed(VECTOR_SEEDS.holder);
  const nextCa = keyPairFromSeed(VECTOR_SEEDS.nextCa);
  const boxId = uuidToBytes(VECTOR_BOX_ID);
  const bookingId = uuidToBytes(VECTOR_BOOKING_ID);

  const certificateBody: CertificateBody = {
    boxId,
    bookingId,
    serial: 42,
    issuedAt: ISSUED_AT,
    notBefore: NOT_BEFORE,
    notAfter: NOT_AFTER,
    rights: Right.UNLOCK | Right.LOCK | Right.END_BOOKING,
    holderPub: holder.publicKey,
  };
  const certificate = signCertificate(certificateBody, ca);
  const command = signCommand({ op: Op.UNLOCK, nonce: NONCE, certificate }, holder);
  const info = { boxId, version: 1, firmware: 'pmk1-reference 1.0.0' };
  const challenge = { nonce: NONCE, counter: 6, boxTime: NOT_BEFORE + 290 };
  const response = signResponse(
    {
      status: Status.OK,
      op: Op.UNLOCK,
      nonce: NONCE,
      counter: 7,
      boxTime: NOT_BEFORE + 300,
      lockState: LockState.UNLOCKED,
      odometer: 123_456,
      soc: 80,
      logSeq: 7,
    },
    box,
  );
  const revocation = signRevocation({ boxId, serial: 42, issuedAt: NOT_BEFORE + 1800 }, ca);
  // Erratum 1: the answer to a revocation carries SHA-256(frame)[0..16] where a command's nonce goes.
  const revocationResponse = signResponse(
    {
      status: Status.OK,
      op: Op.NONE,
      nonce: revocationDigest(encodeRevocation(revocation)),
      counter: 7,
      boxTime: NOT_BEFORE + 1800,
      lockState: LockState.LOCKED,
      odometer: 123_456,
      soc: 80,
      logSeq: 7,
    },
    box,
  );
  // A CA rotation: the current CA adds the next key, later the next key retires the old one.
  const trustAnchorAdd = signTrustAnchor(
    { boxId, action: TrustAction.ADD, key: nextCa.publicKey, issuedAt: ISSUED_AT + 3600 },
    ca,
  );
  const trustAnchorRetire = signTrustAnchor(
    { boxId, action: TrustAction.RETIRE, key: ca.publicKey, issuedAt: ISSUED_AT + 7200 },
    nextCa,
  );
  const trustAnchorResponse = signResponse(
    {
      status: Status.OK,
      op: Op.NONE,
      nonce: frameDigest(encodeTrustAnchor(trustAnchorAdd)),
      counter: 7,
      boxTime: ISSUED_AT + 3600,
      lockState: LockState.LOCKED,
      odometer: 123_456,
      soc: 80,
      logSeq: 7,
    },
    box,
  );
  const logRecord = signLogRecord(
    { boxId, seq: 7, at: NOT_BEFORE + 300, event: LogEvent.UNLOCKED, bookingId, odometer: 123_456, soc: 80 },
    box,
  );
  const logRequest = { fromSeq: 7 };
  const logEnd = { nextSeq: 8 };

  const key = (k: typeof ca, s: Uint8Array) => ({ seed: toHex(s), publicKey: toHex(k.publicKey) });
  return {
    description: 'PMK1 version 1 test vectors; integers big-endian, bytes as hex, times Unix seconds.',
    keys: {
      ca: key(ca, VECTOR_SEEDS.ca),
      box: key(box, VECTOR_SEEDS.box),
      holder: key(holder, VECTOR_SEEDS.holder),
      nextCa: key(nextCa, VECTOR_SEEDS.nextCa),
    },
    frames: {
      certificate: vector(certificate, encodeCertificate(certificate)),
      command: vector(command, encodeCommand(command)),
      response: vector(response, encodeResponse(response)),
      revocation: vector(revocation, encodeRevocation(revocation)),
      revocationResponse: vector(revocationResponse, encodeResponse(revocationResponse)),
      logRecord: vector(logRecord, encodeLogRecord(logRecord)),
      logRequest: vector(logRequest, encodeLogRequest(logRequest)),
      logEnd: vector(logEnd, encodeLogEnd(logEnd)),
      info: vector(info, encodeInfo(info)),
      challenge: vector(challenge, encodeChallenge(challenge)),
      trustAnchorAdd: vector(trustAnchorAdd, encodeTrustAnchor(trustAnchorAdd)),
      trustAnchorRetire: vector(trustAnchorRetire, encodeTrustAnchor(trustAnchorRetire)),
      trustAnchorResponse: vector(trustAnchorResponse, encodeResponse(trustAnchorResponse)),
    },
  };
}
