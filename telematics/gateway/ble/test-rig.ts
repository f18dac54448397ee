/**
 * Test setup shared by the BoxLink tests: a private system bus, the BlueZ double on it, boxes in
 * range, and the real node-ble BoxLink pointed at it.
 */

import { BluezDouble } from '../../bluez-double/bluez-double';
import { FakeBox } from '../../bluez-double/fake-box';
import { type PrivateBus, startPrivateBus } from '../../bluez-double/private-bus';
import { RecordingPeripheral } from '../../bluez-double/recording-peripheral';
import type { BoxPeripheral } from '../../box/peripheral';
import { NodeBleBoxLink, type NodeBleBoxLinkOptions } from './node-ble-link';

/**
 * The box behind each fake radio. Transport tests only compare bytes with what the box answered,
 * so any BoxPeripheral fits: `benchBox().box` from ../../box/testing swaps in the reference box
 * (reference-box.test.ts does), though its log starts empty and the log tests want records.
 */
function makeBox(seed: number): BoxPeripheral {
  return new FakeBox(seed, 40);
}

/** Advertises the PMK1 service. */
export const BOX_A = 'C0:FF:EE:00:00:01';
export const BOX_B = 'C0:FF:EE:00:00:02';
/** A box that advertises no service UUID: found only by its configured address. */
export const BOX_QUIET = 'C0:FF:EE:00:00:03';
/** A phone nearby: no PMK1 service at all. */
const STRANGER = 'DE:AD:BE:EF:00:01';

export interface Rig {
  bus: PrivateBus;
  double: BluezDouble;
  boxes: Map<string, RecordingPeripheral>;
  link: NodeBleBoxLink;
  stop(): Promise<void>;
}

export async function startRig(options: NodeBleBoxLinkOptions = {}): Promise<Rig> {
  const bus = await startPrivateBus();
  const double = await BluezDouble.start({ busAddress: bus.address });
  const boxes = new Map<string, RecordingPeripheral>();
  [BOX_A, BOX_B, BOX_QUIET].forEach((address, i) => {
    const box = new RecordingPeripheral(makeBox(i + 1));
    boxes.set(address, box);
    double.addDevice({
      address,
      name: `PMK1 box ${i + 1}`,
      peripheral: box,
      uuids: address === BOX_QUIET ? [] : undefined,
    });
  });
  double.addDevice({ address: STRANGER, name: 'Somebody’s phone', rssi: -80 });
  // node-ble reads the variable when its session starts.
  process.env.DBUS_SYSTEM_BUS_ADDRESS = bus.address;
  const link = await NodeBleBoxLink.create({
    addresses: [BOX_QUIET],
    discoveryMs: 100,
    waitDeviceIntervalMs: 20,
    connectTimeoutMs: 1_500,
    operationTimeoutMs: 1_000,
    reconnectBackoffMs: 20,
    ...options,
  });
  const stop = async () => {
    await link.close().catch(() => undefined);
    await double.stop();
    await bus.stop();
  };
  return { bus, double, boxes, link, stop };
}

export function boxAt(rig: Rig, address: string): RecordingPeripheral {
  const box = rig.boxes.get(address);
  if (!box) throw new Error(`no box at ${address}`);
  return box;
}

/** A command-sized frame; the transport does not care what is in it. */
export function commandFrame(op: number, fill = 0xab): Uint8Array {
  const frame = new Uint8Array(230).fill(fill);
  frame[0] = 1;
  frame[1] = 0x02;
  frame[2] = op;
  return frame;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
}
