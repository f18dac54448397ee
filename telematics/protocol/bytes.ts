/** Byte helpers shared by the frame codecs. Inputs may be Buffers; outputs are plain Uint8Arrays. */

export const UUID_LENGTH = 16;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A copy of `length` bytes from `offset`. Copying (not subarray) keeps decoded frames from
 * aliasing a caller's buffer, and Buffer#slice would alias.
 */
export function copyBytes(source: Uint8Array, offset: number, length: number): Uint8Array {
  return new Uint8Array(source.subarray(offset, offset + length));
}

export function readU32(bytes: Uint8Array, offset: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(offset, false);
}

export function writeU32(bytes: Uint8Array, offset: number, value: number, field: string): void {
  assertUint(value, 0xffff_ffff, field);
  new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).setUint32(offset, value, false);
}

export function writeU8(bytes: Uint8Array, offset: number, value: number, field: string): void {
  assertUint(value, 0xff, field);
  bytes[offset] = value;
}

/** Writes a fixed-length byte field; encoding a wrong-sized field is a caller's bug, so it throws. */
export function writeBytes(
  target: Uint8Array,
  offset: number,
  value: Uint8Array,
  length: number,
  field: string,
) {
  if (!(value instanceof Uint8Array) || value.length !== length) {
    throw new RangeError(`${field} must be ${length} bytes`);
  }
  target.set(value, offset);
}

function assertUint(value: number, max: number, field: string): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${field} must be an integer in 0..${max}, got ${value}`);
  }
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

export function fromHex(hex: string): Uint8Array {
  if (!/^(?:[0-9a-f]{2})*$/i.test(hex)) throw new RangeError('not an even-length hex string');
  return new Uint8Array(Buffer.from(hex, 'hex'));
}

function isUuid(text: string): boolean {
  return UUID_PATTERN.test(text);
}

/** A UUID string (any case) as its 16 binary bytes, in the order the string is written. */
export function uuidToBytes(uuid: string): Uint8Array {
  if (!isUuid(uuid)) throw new RangeError(`not a UUID: ${uuid}`);
  return fromHex(uuid.replaceAll('-', ''));
}

/** 16 bytes as a lower-case UUID string. */
export function bytesToUuid(bytes: Uint8Array): string {
  if (bytes.length !== UUID_LENGTH) throw new RangeError('a UUID is 16 bytes');
  const h = toHex(bytes);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
