import type { BoxPeripheral } from '../../box/peripheral';
import type { BoxConnection, BoxLink } from '../ble/box-link';

/** When a job's BLE steps happened, by one clock (performance.now), and the box's own share. */
export interface RadioMarks {
  connectStart: number;
  connectEnd: number;
  readsEnd: number;
  sendStart: number;
  sendEnd: number;
  boxMs: number;
  disconnectStart: number;
  disconnectEnd: number;
}

/**
 * Wrappers for the relay benchmarks: a box that times its own work on a command, and a link that
 * marks each BLE step into the marks of the job the radio works for now (`markInto`).
 */
export function radioTimer() {
  let target: Partial<RadioMarks> = {};
  let boxMs = 0;
  const now = () => performance.now();
  return {
    markInto(marks: Partial<RadioMarks>) {
      target = marks;
    },
    timedBox(inner: BoxPeripheral): BoxPeripheral {
      return {
        readInfo: () => inner.readInfo(),
        readChallenge: () => inner.readChallenge(),
        requestLog: (frame) => inner.requestLog(frame),
        writeCommand: (frame) => {
          const from = now();
          const response = inner.writeCommand(frame);
          boxMs += now() - from;
          return response;
        },
      };
    },
    timedLink(inner: BoxLink): BoxLink {
      return {
        discover: (o) => inner.discover(o),
        close: () => inner.close(),
        async connect(address) {
          // The job is fixed when the connection opens: later marks belong to it.
          const m = target;
          m.connectStart = now();
          const c = await inner.connect(address);
          m.connectEnd = now();
          const connection: BoxConnection = {
            address: c.address,
            readInfo: () => c.readInfo(),
            readChallenge: async () => {
              const challenge = await c.readChallenge();
              m.readsEnd = now();
              return challenge;
            },
            sendCommand: async (frame) => {
              boxMs = 0;
              m.sendStart = now();
              const response = await c.sendCommand(frame);
              m.sendEnd = now();
              m.boxMs = boxMs;
              return response;
            },
            fetchLog: (from) => c.fetchLog(from),
            disconnect: async () => {
              m.disconnectStart = now();
              await c.disconnect();
              m.disconnectEnd = now();
            },
          };
          return connection;
        },
      };
    },
  };
}
