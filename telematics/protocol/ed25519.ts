/**
 * Ed25519 (RFC 8032) with node:crypto only. Keys travel as raw bytes (a 32-byte seed, a 32-byte
 * public key); node wants DER, so the fixed ASN.1 prefixes are put in front here and nowhere else.
 */
import { createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';

export const SEED_LENGTH = 32;
export const PUBLIC_KEY_LENGTH = 32;
export const SIGNATURE_LENGTH = 64;

// PKCS#8 PrivateKeyInfo { version 0, AlgorithmIdentifier { 1.3.101.112 }, OCTET STRING { OCTET STRING seed } }
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
// SubjectPublicKeyInfo { AlgorithmIdentifier { 1.3.101.112 }, BIT STRING (0 unused bits) key }
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export interface Ed25519KeyPair {
  readonly publicKey: Uint8Array;
  readonly privateKey: KeyObject;
  /** node's form of the public key, made once so verifying with it costs no parsing. */
  readonly publicKeyObject: KeyObject;
}

export function keyPairFromSeed(seed: Uint8Array): Ed25519KeyPair {
  if (seed.length !== SEED_LENGTH) throw new RangeError('an Ed25519 seed is 32 bytes');
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKeyObject = createPublicKey(privateKey);
  const spki = publicKeyObject.export({ format: 'der', type: 'spki' });
  return { privateKey, publicKeyObject, publicKey: new Uint8Array(spki.subarray(SPKI_PREFIX.length)) };
}

/** node's KeyObject for a raw public key, or null when the bytes are no usable key. */
export function publicKeyFromRaw(raw: Uint8Array): KeyObject | null {
  if (!(raw instanceof Uint8Array) || raw.length !== PUBLIC_KEY_LENGTH) return null;
  try {
    return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
  } catch {
    return null;
  }
}

export function ed25519Sign(key: Ed25519KeyPair, message: Uint8Array): Uint8Array {
  return new Uint8Array(sign(null, message, key.privateKey));
}

/**
 * True only for a valid signature. Never throws: a garbled key or signature from the radio is an
 * ordinary "no", not an exception.
 */
export function ed25519Verify(
  publicKey: Uint8Array | KeyObject,
  message: Uint8Array,
  signature: Uint8Array,
): boolean {
  if (!(signature instanceof Uint8Array) || signature.length !== SIGNATURE_LENGTH) return false;
  const key = publicKey instanceof Uint8Array ? publicKeyFromRaw(publicKey) : publicKey;
  if (key === null) return false;
  try {
    return verify(null, message, key, signature);
  } catch {
    return false;
  }
}

/**
 * Verifies a signature over bytes that must first be encoded from a frame object. A hand-built
 * object with an out-of-range field cannot be encoded, so it cannot carry a valid signature: false.
 */
export function verifySignedPart(
  publicKey: Uint8Array | KeyObject,
  signedPart: () => Uint8Array,
  signature: Uint8Array,
): boolean {
  let message: Uint8Array;
  try {
    message = signedPart();
  } catch {
    return false;
  }
  return ed25519Verify(publicKey, message, signature);
}
