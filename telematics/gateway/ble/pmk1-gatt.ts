/** PMK1 over GATT (key-protocol.md): full lowercase 128-bit UUIDs, as BlueZ reports them. */
const uuid = (prefix: string) => `${prefix}-3a52-4f0e-9a3c-5041524d4f00`;

export const PMK1_SERVICE = uuid('6a8b0001');

export const PMK1_CHARACTERISTICS = {
  info: uuid('6a8b0002'),
  challenge: uuid('6a8b0003'),
  command: uuid('6a8b0004'),
  response: uuid('6a8b0005'),
  logControl: uuid('6a8b0006'),
  logData: uuid('6a8b0007'),
} as const;

export type Pmk1Characteristic = keyof typeof PMK1_CHARACTERISTICS;

const VERSION = 1;
const TYPE_LOG_REQUEST = 0x06;
const TYPE_LOG_END = 0x07;

/** The only frame the gateway makes itself: version, type 0x06, fromSeq u32 big-endian. */
export function logRequest(fromSeq: number): Uint8Array {
  if (!Number.isInteger(fromSeq) || fromSeq < 0 || fromSeq > 0xffff_ffff) {
    throw new RangeError(`fromSeq must be a u32, got ${fromSeq}`);
  }
  const frame = new Uint8Array(6);
  frame[0] = VERSION;
  frame[1] = TYPE_LOG_REQUEST;
  new DataView(frame.buffer).setUint32(2, fromSeq);
  return frame;
}

export function isLogEnd(frame: Uint8Array): boolean {
  return frame[1] === TYPE_LOG_END;
}
