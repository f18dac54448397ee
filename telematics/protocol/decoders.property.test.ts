/** Property tests: no decoder throws on any input, and no mutated signed frame verifies. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHex } from './bytes';
import { decodeCertificate, verifyCertificate } from './certificate';
import { decodeChallenge, decodeInfo } from './characteristics';
import { decodeCommand, verifyCommand } from './command';
import type { Decoded } from './decoded';
import { decodeFrame } from './frame';
import { decodeLogEnd, decodeLogRequest } from './log-paging';
import { decodeLogRecord, verifyLogRecord } from './log-record';
import { decodeResponse, verifyResponse } from './response';
import { decodeRevocation, verifyRevocation } from './revocation';
import vectors from './test-vectors.json';

const decoders: [string, (bytes: Uint8Array) => Decoded<unknown>][] = [
  ['certificate', decodeCertificate],
  ['command', decodeCommand],
  ['response', decodeResponse],
  ['revocation', decodeRevocation],
  ['logRecord', decodeLogRecord],
  ['logRequest', decodeLogRequest],
  ['logEnd', decodeLogEnd],
  ['info', decodeInfo],
  ['challenge', decodeChallenge],
  ['any frame', decodeFrame],
];

const errors = new Set(['INPUT', 'LENGTH', 'VERSION', 'TYPE', 'ENCODING']);

const isWellFormedResult = (result: Decoded<unknown>) =>
  result.ok ? typeof result.frame === 'object' : errors.has(result.error);

/** Byte strings near PMK1 shapes: version 1, a known type, lengths around the real ones. */
const frameLike = fc
  .tuple(
    fc.constantFrom(0, 1, 1, 1, 2),
    fc.integer({ min: 0, max: 9 }),
    fc.constantFrom(0, 1, 5, 6, 24, 90, 101, 102, 103, 112, 146, 147, 148, 229, 230, 231, 300),
    fc.uint8Array({ minLength: 300, maxLength: 300 }),
  )
  .map(([version, type, length, fill]) => {
    const bytes = fill.subarray(0, length);
    if (length > 0) bytes[0] = version;
    if (length > 1) bytes[1] = type;
    // Give commands a plausible inner certificate header so the deeper paths run too.
    if (length > 20 && type === 2) bytes.set([1, 1], 19);
    return bytes;
  });

describe.each(decoders)('decoding %s', (_, decode) => {
  it('never throws on random bytes and always answers a frame or a named error', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => isWellFormedResult(decode(bytes))),
      { numRuns: 300 },
    );
  });

  it('never throws on frame-like bytes', () => {
    fc.assert(
      fc.property(frameLike, (bytes) => isWellFormedResult(decode(bytes))),
      { numRuns: 300 },
    );
  });

  it('never throws on inputs that are not bytes at all', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => isWellFormedResult(decode(value as Uint8Array))),
      { numRuns: 100 },
    );
  });
});

const keys = {
  ca: fromHex(vectors.keys.ca.publicKey),
  box: fromHex(vectors.keys.box.publicKey),
};

/** Each signed frame with the check that must fail once any byte of it changes. */
const signedFrames: [string, string, (bytes: Uint8Array) => boolean][] = [
  [
    'certificate',
    vectors.frames.certificate.hex,
    (b) => accepts(decodeCertificate(b), (f) => verifyCertificate(f, keys.ca)),
  ],
  [
    'command',
    vectors.frames.command.hex,
    (b) => accepts(decodeCommand(b), (f) => verifyCertificate(f.certificate, keys.ca) && verifyCommand(f)),
  ],
  [
    'revocation',
    vectors.frames.revocation.hex,
    (b) => accepts(decodeRevocation(b), (f) => verifyRevocation(f, keys.ca)),
  ],
  [
    'response',
    vectors.frames.response.hex,
    (b) => accepts(decodeResponse(b), (f) => verifyResponse(f, keys.box)),
  ],
  [
    'logRecord',
    vectors.frames.logRecord.hex,
    (b) => accepts(decodeLogRecord(b), (f) => verifyLogRecord(f, keys.box)),
  ],
];

function accepts<T>(decoded: Decoded<T>, verify: (frame: T) => boolean): boolean {
  return decoded.ok && verify(decoded.frame);
}

/** One to four bytes changed (xor with a non-zero value), so the frame is never the original. */
const mutations = (length: number) =>
  fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: length - 1 }), fc.integer({ min: 1, max: 255 })), {
    minLength: 1,
    maxLength: 4,
    selector: ([offset]) => offset,
  });

describe.each(signedFrames)('a mutated %s', (_, hex, accepted) => {
  const original = fromHex(hex);

  it('is accepted unchanged (the property below is not vacuous)', () => {
    expect(accepted(original)).toBe(true);
  });

  it('is never accepted after any change of its bytes', () => {
    fc.assert(
      fc.property(mutations(original.length), (changes) => {
        const mutated = new Uint8Array(original);
        for (const [offset, xor] of changes) mutated[offset] = (mutated[offset] ?? 0) ^ xor;
        return !accepted(mutated);
      }),
      { numRuns: 400 },
    );
  });

  it('is never accepted truncated or extended', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: original.length + 8 }), (length) => {
        fc.pre(length !== original.length);
        const changed = new Uint8Array(length);
        changed.set(original.subarray(0, Math.min(length, original.length)));
        return !accepted(changed);
      }),
      { numRuns: 100 },
    );
  });
});
