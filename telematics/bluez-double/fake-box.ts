import type { BoxPeripheral } from '../box/peripheral';

/**
 * A deterministic stand-in for the reference box, for transport tests: frames have PMK1's lengths
 * and type bytes, but no signatures and no rules. Each command is answered; the log holds
 * `records` entries numbered from 1.
 */
export class FakeBox implements BoxPeripheral {
  readonly boxId: Uint8Array;
  counter = 0;
  /** Every frame written to the command characteristic, in order. */
  readonly commands: Uint8Array[] = [];

  constructor(
    readonly seed: number,
    readonly records = 40,
  ) {
    this.boxId = new Uint8Array(16).fill(seed);
  }

  readInfo(): Uint8Array {
    const firmware = new TextEncoder().encode(`fake-box ${this.seed}`);
    return concat(this.boxId, Uint8Array.of(1), firmware);
  }

  readChallenge(): Uint8Array {
    const out = new Uint8Array(24);
    out.set(this.nonce(), 0);
    const view = new DataView(out.buffer);
    view.setUint32(16, this.counter);
    view.setUint32(20, 1_750_000_000);
    return out;
  }

  writeCommand(frame: Uint8Array): Uint8Array {
    this.commands.push(frame);
    this.counter += 1;
    const out = new Uint8Array(102);
    out[0] = 1;
    out[1] = 0x03;
    out[2] = frame.length === 230 ? 0x00 : 0x01; // OK, or MALFORMED for a wrong length
    out[3] = frame[2] ?? 0;
    out.set(frame.subarray(3, 19), 4);
    new DataView(out.buffer).setUint32(20, this.counter);
    return out;
  }

  requestLog(frame: Uint8Array): Uint8Array[] {
    const fromSeq = frame.length >= 6 ? new DataView(frame.buffer, frame.byteOffset).getUint32(2) : 1;
    const first = Math.max(1, fromSeq);
    const last = Math.min(this.records, first + 31);
    const frames: Uint8Array[] = [];
    for (let seq = first; seq <= last; seq++) frames.push(this.record(seq));
    const end = new Uint8Array(6);
    end[0] = 1;
    end[1] = 0x07;
    new DataView(end.buffer).setUint32(2, Math.max(first, last + 1));
    frames.push(end);
    return frames;
  }

  /** The record the log holds under `seq`, for comparing what a gateway fetched. */
  record(seq: number): Uint8Array {
    const out = new Uint8Array(112);
    out[0] = 1;
    out[1] = 0x05;
    out.set(this.boxId, 2);
    const view = new DataView(out.buffer);
    view.setUint32(18, seq);
    view.setUint32(22, 1_750_000_000 + seq * 60);
    out[26] = (seq % 7) + 1;
    return out;
  }

  private nonce(): Uint8Array {
    return new Uint8Array(16).map((_, i) => (this.seed * 31 + this.counter * 7 + i) & 0xff);
  }
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
