import type { BoxPeripheral } from '../box/peripheral';

/**
 * Wraps any BoxPeripheral and keeps what it answered, so a transport test can check that bytes
 * arrived unchanged without knowing how the box makes them (fake box or reference box alike).
 */
export class RecordingPeripheral implements BoxPeripheral {
  readonly infos: Uint8Array[] = [];
  readonly challenges: Uint8Array[] = [];
  readonly commands: { frame: Uint8Array; response: Uint8Array }[] = [];
  readonly logs: { request: Uint8Array; frames: Uint8Array[] }[] = [];

  constructor(readonly inner: BoxPeripheral) {}

  readInfo(): Uint8Array {
    return keep(this.infos, this.inner.readInfo());
  }

  readChallenge(): Uint8Array {
    return keep(this.challenges, this.inner.readChallenge());
  }

  writeCommand(frame: Uint8Array): Uint8Array {
    const response = this.inner.writeCommand(frame);
    this.commands.push({ frame: frame.slice(), response: response.slice() });
    return response;
  }

  requestLog(frame: Uint8Array): Uint8Array[] {
    const frames = this.inner.requestLog(frame);
    this.logs.push({ request: frame.slice(), frames: frames.map((f) => f.slice()) });
    return frames;
  }
}

function keep(list: Uint8Array[], value: Uint8Array): Uint8Array {
  list.push(value.slice());
  return value;
}
