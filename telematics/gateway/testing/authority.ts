/**
 * The server's PMK1 duties with real crypto, for gateway tests only: a fleet CA and a relay key
 * that issue certificates and commands, and checks of what boxes sign. The real server has its
 * own; this one exists so the gateway is tested against genuine frames, not canned bytes.
 */
import { bytesEqual, bytesToUuid, uuidToBytes } from '../../protocol/bytes';
import { signCertificate } from '../../protocol/certificate';
import { decodeChallenge, decodeInfo } from '../../protocol/characteristics';
import { encodeCommand, signCommand } from '../../protocol/command';
import { Op, Right, statusName } from '../../protocol/constants';
import { type Ed25519KeyPair, keyPairFromSeed } from '../../protocol/ed25519';
import { decodeLogRecord, type LogRecord, verifyLogRecord } from '../../protocol/log-record';
import { decodeResponse, type Response, verifyResponse } from '../../protocol/response';
import { encodeRevocation, revocationDigest, signRevocation } from '../../protocol/revocation';

export const testCa = keyPairFromSeed(new Uint8Array(32).fill(0xc1));
const testRelay = keyPairFromSeed(new Uint8Array(32).fill(0xc2));

export interface IssuedCommand {
  frame: Uint8Array;
  nonce: Uint8Array;
  op: number;
  serial: number;
}

export class TestAuthority {
  private serial = 1000;

  constructor(
    /** Server time in Unix seconds; tests share the boxes' manual clock. */
    private readonly now: () => number,
    private readonly ca: Ed25519KeyPair = testCa,
    private readonly relay: Ed25519KeyPair = testRelay,
  ) {}

  /** The serial the next certificate gets. */
  get nextSerial(): number {
    return this.serial;
  }

  /** The relay command for a challenge read by a gateway, or why there is none. */
  commandFor(
    expectedBoxId: string,
    infoBytes: Uint8Array,
    challengeBytes: Uint8Array,
    op: number,
    bookingId: string,
  ): IssuedCommand | string {
    const info = decodeInfo(infoBytes);
    if (!info.ok) return `info: ${info.error}`;
    if (bytesToUuid(info.frame.boxId) !== expectedBoxId) return 'info names another box';
    const challenge = decodeChallenge(challengeBytes);
    if (!challenge.ok) return `challenge: ${challenge.error}`;
    const now = Math.floor(this.now());
    const serial = this.serial++;
    const certificate = signCertificate(
      {
        boxId: uuidToBytes(expectedBoxId),
        bookingId: uuidToBytes(bookingId),
        serial,
        issuedAt: now - 60,
        notBefore: now - 60,
        notAfter: now + 3_600,
        rights: Right.UNLOCK | Right.LOCK | Right.END_BOOKING,
        holderPub: this.relay.publicKey,
      },
      this.ca,
    );
    const command = signCommand({ op, nonce: challenge.frame.nonce, certificate }, this.relay);
    return { frame: encodeCommand(command), nonce: challenge.frame.nonce, op, serial };
  }

  revocation(boxId: string, serial: number): Uint8Array {
    const body = { boxId: uuidToBytes(boxId), serial, issuedAt: Math.floor(this.now()) };
    return encodeRevocation(signRevocation(body, this.ca));
  }

  /** A response the box really signed, echoing what was sent; else why not. */
  checkResponse(
    bytes: Uint8Array,
    boxPublicKey: Uint8Array,
    sent: { op: number; nonce: Uint8Array },
  ): { response: Response; status: string } | string {
    const decoded = decodeResponse(bytes);
    if (!decoded.ok) return `response: ${decoded.error}`;
    if (!verifyResponse(decoded.frame, boxPublicKey)) return 'response: bad box signature';
    if (decoded.frame.op !== sent.op || !bytesEqual(decoded.frame.nonce, sent.nonce)) {
      return 'response answers another command';
    }
    return { response: decoded.frame, status: statusName(decoded.frame.status) };
  }

  checkRecord(bytes: Uint8Array, boxId: string, boxPublicKey: Uint8Array): LogRecord | undefined {
    const decoded = decodeLogRecord(bytes);
    if (!decoded.ok) return undefined;
    if (bytesToUuid(decoded.frame.boxId) !== boxId) return undefined;
    return verifyLogRecord(decoded.frame, boxPublicKey) ? decoded.frame : undefined;
  }
}

/** What the box's answer to a revocation frame echoes: op 0 and the frame's digest (erratum 1). */
export const revocationEcho = (frame: Uint8Array) => ({ op: Op.NONE, nonce: revocationDigest(frame) });
