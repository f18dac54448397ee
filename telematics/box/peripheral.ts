/**
 * What a PMK1 box offers over GATT, as plain byte exchanges: the seam between the box
 * (reference implementation or real hardware) and whatever carries its bytes (the BlueZ
 * test double, a phone, a gateway). Each method maps to one characteristic of key-protocol.md.
 */
export interface BoxPeripheral {
  /** info characteristic: boxId[16], version u8, firmware UTF-8. */
  readInfo(): Uint8Array;
  /** challenge characteristic: a fresh nonce[16], counter u32, boxTime u32 (24 bytes). */
  readChallenge(): Uint8Array;
  /** command characteristic: a command or revocation frame in, the response frame (notified) out. */
  writeCommand(frame: Uint8Array): Uint8Array;
  /** log-control characteristic: a log request in, the log records then one log-end frame (notified) out. */
  requestLog(frame: Uint8Array): Uint8Array[];
}
