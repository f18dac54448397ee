import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from './bytes';
import { ed25519Sign, ed25519Verify, keyPairFromSeed, publicKeyFromRaw } from './ed25519';

// RFC 8032 section 7.1, TEST 1 and TEST 2.
const rfc = [
  {
    seed: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
    publicKey: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    message: '',
    signature:
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
  },
  {
    seed: '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb',
    publicKey: '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
    message: '72',
    signature:
      '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
  },
];

describe('Ed25519 from raw seeds', () => {
  it.each(rfc)('matches RFC 8032 for public key $publicKey', (v) => {
    const key = keyPairFromSeed(fromHex(v.seed));
    expect(toHex(key.publicKey)).toBe(v.publicKey);
    expect(toHex(ed25519Sign(key, fromHex(v.message)))).toBe(v.signature);
    expect(ed25519Verify(fromHex(v.publicKey), fromHex(v.message), fromHex(v.signature))).toBe(true);
  });

  it('refuses a signature over another message', () => {
    const v = rfc[1];
    if (v === undefined) throw new Error('vector missing');
    expect(ed25519Verify(fromHex(v.publicKey), fromHex('73'), fromHex(v.signature))).toBe(false);
  });

  it('answers false, never throws, for keys and signatures of the wrong shape', () => {
    const key = keyPairFromSeed(new Uint8Array(32));
    const sig = ed25519Sign(key, new Uint8Array([1]));
    expect(ed25519Verify(new Uint8Array(31), new Uint8Array([1]), sig)).toBe(false);
    expect(ed25519Verify(key.publicKey, new Uint8Array([1]), sig.subarray(0, 63))).toBe(false);
    expect(ed25519Verify(new Uint8Array(32).fill(0xff), new Uint8Array([1]), sig)).toBe(false);
    expect(ed25519Verify(key.publicKeyObject, new Uint8Array([1]), new Uint8Array(64).fill(0xff))).toBe(
      false,
    );
    expect(publicKeyFromRaw(new Uint8Array(33))).toBeNull();
  });

  it('refuses seeds that are not 32 bytes', () => {
    expect(() => keyPairFromSeed(new Uint8Array(31))).toThrow(RangeError);
  });
});
