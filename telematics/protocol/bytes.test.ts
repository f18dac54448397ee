import { describe, expect, it } from 'vitest';
import { bytesEqual, bytesToUuid, copyBytes, fromHex, readU32, toHex, uuidToBytes, writeU32 } from './bytes';

describe('UUIDs as 16 bytes', () => {
  it('keeps the written byte order and round-trips', () => {
    const id = '6a8b0001-3a52-4f0e-9a3c-5041524d4f00';
    const bytes = uuidToBytes(id.toUpperCase());
    expect(toHex(bytes)).toBe('6a8b00013a524f0e9a3c5041524d4f00');
    expect(bytesToUuid(bytes)).toBe(id);
  });

  it('refuses text that is not a UUID and byte arrays that are not 16 long', () => {
    expect(() => uuidToBytes('6a8b0001-3a52-4f0e-9a3c-5041524d4f0')).toThrow(RangeError);
    expect(() => bytesToUuid(new Uint8Array(15))).toThrow(RangeError);
  });
});

describe('u32 fields', () => {
  it('are big-endian and refuse values outside 0..2^32-1', () => {
    const out = new Uint8Array(6);
    writeU32(out, 1, 0x01020304, 'x');
    expect(toHex(out)).toBe('000102030400');
    expect(readU32(out, 1)).toBe(0x01020304);
    expect(() => writeU32(out, 0, 2 ** 32, 'x')).toThrow(RangeError);
    expect(() => writeU32(out, 0, -1, 'x')).toThrow(RangeError);
    expect(() => writeU32(out, 0, 1.5, 'x')).toThrow(RangeError);
  });

  it('read correctly from a Buffer that is a view into a larger pool', () => {
    const pool = Buffer.from('ffff00000102ffff', 'hex');
    const view = pool.subarray(2, 6);
    expect(readU32(view, 0)).toBe(0x0102);
  });
});

describe('copies', () => {
  it('do not alias the source, even when the source is a Buffer', () => {
    const source = Buffer.from('0102030405', 'hex');
    const copy = copyBytes(source, 1, 3);
    source[1] = 0xff;
    expect(toHex(copy)).toBe('020304');
    expect(bytesEqual(copy, fromHex('020304'))).toBe(true);
  });
});
