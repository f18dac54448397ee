import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openSecret, sealSecret } from './sealed-secret';

const key = randomBytes(32);

describe('a sealed client secret', () => {
  it('opens with its key, and two seals of one secret differ', () => {
    const sealed = sealSecret('geheim-äöü', key);
    expect(openSecret(sealed, key)).toBe('geheim-äöü');
    expect(sealSecret('geheim-äöü', key)).not.toBe(sealed);
  });

  it('does not open under another key, altered, or when it was never sealed', () => {
    const sealed = sealSecret('geheim', key);
    expect(openSecret(sealed, randomBytes(32))).toBeNull();
    const [version, iv, body, tag] = sealed.split('.');
    const flipped = Buffer.from(body ?? '', 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(openSecret([version, iv, flipped.toString('base64url'), tag].join('.'), key)).toBeNull();
    expect(openSecret('geheim', key)).toBeNull();
    expect(openSecret('v1...', key)).toBeNull();
  });
});
