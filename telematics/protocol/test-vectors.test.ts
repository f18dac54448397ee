import { createHash, createPrivateKey, createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromHex, readU32, toHex } from './bytes';
import { buildTestVectors } from './test-vectors';
import committed from './test-vectors.json';

/** A public key through JWK: a different road into node than the DER prefixes the codec uses. */
const jwkKey = (publicHex: string) =>
  createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicHex, 'hex').toString('base64url') },
    format: 'jwk',
  });

const verifies = (publicHex: string, frameHex: string, signedLength: number) => {
  const frame = Buffer.from(frameHex, 'hex');
  return verify(null, frame.subarray(0, signedLength), jwkKey(publicHex), frame.subarray(signedLength));
};

describe('test vectors', () => {
  it('regenerate byte for byte from their fixed seeds and times', () => {
    expect(buildTestVectors()).toEqual(committed);
  });

  it('carry key pairs whose public halves follow from the seeds (checked via JWK)', () => {
    for (const key of Object.values(committed.keys)) {
      const privateKey = createPrivateKey({
        key: {
          kty: 'OKP',
          crv: 'Ed25519',
          d: Buffer.from(key.seed, 'hex').toString('base64url'),
          x: Buffer.from(key.publicKey, 'hex').toString('base64url'),
        },
        format: 'jwk',
      });
      const derived = createPublicKey(privateKey).export({ format: 'jwk' });
      expect(Buffer.from(String(derived.x), 'base64url').toString('hex')).toBe(key.publicKey);
    }
  });

  it('carry signatures that verify independently, each by the right key', () => {
    const { keys, frames } = committed;
    expect(verifies(keys.ca.publicKey, frames.certificate.hex, 83)).toBe(true);
    expect(verifies(keys.holder.publicKey, frames.command.hex, 166)).toBe(true);
    expect(verifies(keys.ca.publicKey, frames.command.hex.slice(38, 38 + 294), 83)).toBe(true);
    expect(verifies(keys.ca.publicKey, frames.revocation.hex, 26)).toBe(true);
    expect(verifies(keys.box.publicKey, frames.response.hex, 38)).toBe(true);
    expect(verifies(keys.box.publicKey, frames.revocationResponse.hex, 38)).toBe(true);
    expect(verifies(keys.box.publicKey, frames.logRecord.hex, 48)).toBe(true);
    expect(verifies(keys.box.publicKey, frames.certificate.hex, 83)).toBe(false);
    // A trust update is signed by a key the box trusts already: the add by the current CA, the
    // retire by the key added.
    expect(verifies(keys.ca.publicKey, frames.trustAnchorAdd.hex, 55)).toBe(true);
    expect(verifies(keys.nextCa.publicKey, frames.trustAnchorRetire.hex, 55)).toBe(true);
    expect(verifies(keys.box.publicKey, frames.trustAnchorResponse.hex, 38)).toBe(true);
  });

  it('put every field at the offset key-protocol.md gives', () => {
    const cert = fromHex(committed.frames.certificate.hex);
    expect(toHex(cert.subarray(0, 2))).toBe('0101');
    expect(toHex(cert.subarray(2, 18))).toBe('0f1e2d3c4b5a49788695a4b3c2d1e0f0');
    expect(readU32(cert, 34)).toBe(42);
    expect(readU32(cert, 46) - readU32(cert, 42)).toBe(7200);
    expect(cert[50]).toBe(0x07);
    expect(toHex(cert.subarray(51, 83))).toBe(committed.keys.holder.publicKey);

    const command = fromHex(committed.frames.command.hex);
    expect(toHex(command.subarray(0, 3))).toBe('010201');
    expect(toHex(command.subarray(3, 19))).toBe('a0a1a2a3a4a5a6a7a8a9aaabacadaeaf');
    expect(toHex(command.subarray(19, 166))).toBe(committed.frames.certificate.hex);

    const response = fromHex(committed.frames.response.hex);
    expect(toHex(response.subarray(0, 4))).toBe('01030001');
    expect(readU32(response, 20)).toBe(7);
    expect([response[28], readU32(response, 29), response[33], readU32(response, 34)]).toEqual([
      1, 123_456, 80, 7,
    ]);

    const record = fromHex(committed.frames.logRecord.hex);
    expect([readU32(record, 18), record[26], readU32(record, 43), record[47]]).toEqual([7, 1, 123_456, 80]);
    expect(toHex(record.subarray(27, 43))).toBe('11111111222243338444555555555555');

    expect(committed.frames.revocation.hex.slice(36, 44)).toBe('0000002a');
    // Erratum 1: status OK, op 0, then the first 16 bytes of SHA-256 over the revocation frame.
    const digest = createHash('sha256').update(fromHex(committed.frames.revocation.hex)).digest('hex');
    expect(committed.frames.revocationResponse.hex.slice(0, 8)).toBe('01030000');
    expect(committed.frames.revocationResponse.hex.slice(8, 40)).toBe(digest.slice(0, 32));
    expect(committed.frames.logRequest.hex).toBe('010600000007');
    expect(committed.frames.logEnd.hex).toBe('010700000008');

    const add = fromHex(committed.frames.trustAnchorAdd.hex);
    expect(add.length).toBe(119);
    expect(toHex(add.subarray(0, 2))).toBe('0108');
    expect(toHex(add.subarray(2, 18))).toBe('0f1e2d3c4b5a49788695a4b3c2d1e0f0');
    expect(add[18]).toBe(0x01);
    expect(toHex(add.subarray(19, 51))).toBe(committed.keys.nextCa.publicKey);
    expect(readU32(add, 51)).toBe(1_767_225_600 + 3600);
    const retire = fromHex(committed.frames.trustAnchorRetire.hex);
    expect([retire[18], toHex(retire.subarray(19, 51))]).toEqual([0x02, committed.keys.ca.publicKey]);
    // As erratum 1 for revocations: op 0, then SHA-256 over the update frame, first 16 bytes.
    const addDigest = createHash('sha256').update(add).digest('hex');
    expect(committed.frames.trustAnchorResponse.hex.slice(0, 8)).toBe('01030000');
    expect(committed.frames.trustAnchorResponse.hex.slice(8, 40)).toBe(addDigest.slice(0, 32));
  });
});
