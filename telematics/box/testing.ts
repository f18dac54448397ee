/**
 * A box on a bench for tests, the fuzzer and the benchmark: fixed keys, a manual clock, nonces from
 * a counter, and helpers that build correctly signed frames one field at a time.
 */
import { uuidToBytes } from '../protocol/bytes';
import { type Certificate, type CertificateBody, signCertificate } from '../protocol/certificate';
import { decodeChallenge } from '../protocol/characteristics';
import { encodeCommand, NONCE_LENGTH, signCommand } from '../protocol/command';
import { Right } from '../protocol/constants';
import { type Ed25519KeyPair, keyPairFromSeed } from '../protocol/ed25519';
import { decodeLogRecord, type LogRecord } from '../protocol/log-record';
import { decodeResponse, type Response } from '../protocol/response';
import { encodeRevocation, signRevocation } from '../protocol/revocation';
import { encodeTrustAnchor, signTrustAnchor, TrustAction } from '../protocol/trust-anchor';
import { ReferenceBox } from './box';
import { type CarState, parkedCar } from './car-state';
import { createManualClock } from './clock';
import { createBoxStore } from './store';

/** 2026-01-01 10:00 UTC: the start of the bench booking. */
export const BENCH_T0 = 1_767_261_600;
export const BENCH_BOX_ID = uuidToBytes('0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f0');
export const BENCH_BOOKING_ID = uuidToBytes('11111111-2222-4333-8444-555555555555');

const seed = (fill: number) => new Uint8Array(32).fill(fill);
export const benchKeys = {
  ca: keyPairFromSeed(seed(1)),
  box: keyPairFromSeed(seed(2)),
  holder: keyPairFromSeed(seed(3)),
  stranger: keyPairFromSeed(seed(4)),
  /** The fleet CA key a rotation brings in. */
  nextCa: keyPairFromSeed(seed(5)),
};

export interface CommandOptions {
  cert?: Partial<CertificateBody>;
  /** Signs the certificate; the fleet CA unless a test forges it. */
  issuer?: Ed25519KeyPair;
  /** Signs the command; the certificate's holder unless a test forges it. */
  signer?: Ed25519KeyPair;
  /** Defaults to the nonce of a fresh challenge read. */
  nonce?: Uint8Array;
}

export function benchBox(options: { car?: Partial<CarState>; start?: number } = {}) {
  const clock = createManualClock(options.start ?? BENCH_T0);
  let nonces = 0;
  const store = createBoxStore({ boxId: BENCH_BOX_ID, seed: seed(2), caPublicKey: benchKeys.ca.publicKey });
  const box = new ReferenceBox({
    store,
    clock: clock.now,
    car: parkedCar(options.car),
    randomBytes: () => {
      nonces += 1;
      const nonce = new Uint8Array(NONCE_LENGTH);
      new DataView(nonce.buffer).setUint32(12, nonces);
      return nonce;
    },
  });

  const certificate = (body: Partial<CertificateBody> = {}, issuer = benchKeys.ca): Certificate =>
    signCertificate(
      {
        boxId: BENCH_BOX_ID,
        bookingId: BENCH_BOOKING_ID,
        serial: 1,
        issuedAt: BENCH_T0 - 86_400,
        notBefore: BENCH_T0,
        notAfter: BENCH_T0 + 7_200,
        rights: Right.UNLOCK | Right.LOCK | Right.END_BOOKING,
        holderPub: benchKeys.holder.publicKey,
        ...body,
      },
      issuer,
    );

  const challengeNonce = (): Uint8Array => {
    const challenge = decodeChallenge(box.readChallenge());
    if (!challenge.ok) throw new Error(`challenge did not decode: ${challenge.error}`);
    return challenge.frame.nonce;
  };

  const commandFrame = (op: number, o: CommandOptions = {}): Uint8Array =>
    encodeCommand(
      signCommand(
        { op, nonce: o.nonce ?? challengeNonce(), certificate: certificate(o.cert, o.issuer) },
        o.signer ?? benchKeys.holder,
      ),
    );

  const send = (frame: Uint8Array): Response => {
    const response = decodeResponse(box.writeCommand(frame));
    if (!response.ok) throw new Error(`response did not decode: ${response.error}`);
    return response.frame;
  };

  const revocationFrame = (serial: number, o: { boxId?: Uint8Array; issuer?: Ed25519KeyPair } = {}) =>
    encodeRevocation(
      signRevocation(
        { boxId: o.boxId ?? BENCH_BOX_ID, serial, issuedAt: clock.now() },
        o.issuer ?? benchKeys.ca,
      ),
    );

  /** A trust update, signed by the fleet CA unless `issuer` says otherwise; issuedAt is the clock's. */
  const trustFrame = (
    action: number,
    key: Uint8Array,
    o: { boxId?: Uint8Array; issuer?: Ed25519KeyPair; issuedAt?: number } = {},
  ) =>
    encodeTrustAnchor(
      signTrustAnchor(
        { boxId: o.boxId ?? BENCH_BOX_ID, action, key, issuedAt: o.issuedAt ?? clock.now() },
        o.issuer ?? benchKeys.ca,
      ),
    );
  const addAnchor = (key: Uint8Array, o: Parameters<typeof trustFrame>[2] = {}) =>
    trustFrame(TrustAction.ADD, key, o);
  const retireAnchor = (key: Uint8Array, o: Parameters<typeof trustFrame>[2] = {}) =>
    trustFrame(TrustAction.RETIRE, key, o);

  const records = (): LogRecord[] =>
    store.log.map((bytes) => {
      const record = decodeLogRecord(bytes);
      if (!record.ok) throw new Error(`log record did not decode: ${record.error}`);
      return record.frame;
    });

  return {
    box,
    clock,
    store,
    keys: benchKeys,
    certificate,
    challengeNonce,
    commandFrame,
    send,
    revocationFrame,
    trustFrame,
    addAnchor,
    retireAnchor,
    records,
  };
}
