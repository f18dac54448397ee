/**
 * BoxLink straight onto in-process boxes, no D-Bus: what the embedded demo drives by default
 * (DEMO_RADIO=simulator). Tests, the e2e run and DEMO_RADIO=bluez use the node-ble link against the
 * BlueZ double instead, so the production code path is the tested one.
 */
import type { BoxPeripheral } from '../box/peripheral';
import { encodeLogRequest } from '../protocol/log-paging';
import {
  type BoxConnection,
  type BoxLink,
  BoxLinkError,
  type BoxSighting,
  type LogBatch,
} from './ble/box-link';

export class SimulatorBoxLink implements BoxLink {
  private readonly boxes = new Map<string, BoxPeripheral>();

  constructor(boxes: Iterable<[address: string, box: BoxPeripheral]> = []) {
    for (const [address, box] of boxes) this.put(address, box);
  }

  /** The box comes into range (or is replaced). */
  put(address: string, box: BoxPeripheral): void {
    this.boxes.set(address.toUpperCase(), box);
  }

  /** The car drives away: open connections fail with NOT_FOUND from their next operation on. */
  remove(address: string): void {
    this.boxes.delete(address.toUpperCase());
  }

  async discover(): Promise<BoxSighting[]> {
    return [...this.boxes.keys()].map((address) => ({ address, name: undefined, rssi: undefined }));
  }

  async connect(address: string): Promise<BoxConnection> {
    const key = address.toUpperCase();
    let closed = false;
    const box = (): BoxPeripheral => {
      if (closed) throw new BoxLinkError('CLOSED', `connection to ${key} closed`);
      const found = this.boxes.get(key);
      if (!found) throw new BoxLinkError('NOT_FOUND', `${key} not in range`);
      return found;
    };
    box();
    return {
      address: key,
      readInfo: async () => box().readInfo(),
      readChallenge: async () => box().readChallenge(),
      sendCommand: async (frame) => box().writeCommand(frame),
      fetchLog: async (fromSeq): Promise<LogBatch> => {
        const frames = box().requestLog(encodeLogRequest({ fromSeq }));
        const end = frames.pop();
        if (!end) throw new BoxLinkError('BLUETOOTH', `${key} ignored a log request`);
        return { records: frames, end };
      },
      disconnect: async () => {
        closed = true;
      },
    };
  }

  async close(): Promise<void> {}
}
