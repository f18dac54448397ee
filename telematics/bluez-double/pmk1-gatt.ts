import type { BoxPeripheral } from '../box/peripheral';
import { GattUuid } from '../protocol/constants';
import { BLUEZ_ERROR, GATT_CHARACTERISTIC, GATT_SERVICE } from './bluez-interfaces';
import { type BusInterface, busError, type Variant } from './dbus-loose';

/** What the device offers the GATT objects: the link's state and its clock. */
export interface GattLink {
  /** Waits the injected latency, then fails like BlueZ if the link is down meanwhile. */
  operation(): Promise<void>;
  /** Sends the frames as notifications in order, one latency step apart, after the current reply. */
  notify(characteristic: BusInterface, frames: Uint8Array[]): void;
}

export interface GattObject {
  path: string;
  interfaces: BusInterface[];
}

/** Handle numbers as a real box's GATT table might number them; BlueZ names objects after them. */
const SERVICE_HANDLE = 0x0010;

/** How one characteristic behaves; the D-Bus method names are mapped in one place below. */
interface Behaviour {
  read?: (options: unknown) => Promise<Buffer>;
  write?: (value: unknown, options: unknown) => Promise<void>;
}

export function pmk1GattObjects(devicePath: string, box: BoxPeripheral, link: GattLink): GattObject[] {
  const servicePath = `${devicePath}/service${hex(SERVICE_HANDLE)}`;
  const service = GATT_SERVICE({ UUID: GattUuid.SERVICE, Primary: true, Device: devicePath, Includes: [] });
  const objects: GattObject[] = [{ path: servicePath, interfaces: [service] }];

  let handle = SERVICE_HANDLE;
  const characteristic = (uuidValue: string, flags: string[], behaviour: Behaviour): BusInterface => {
    handle += flags.includes('notify') ? 3 : 2; // declaration + value (+ CCCD for notify)
    let iface: BusInterface | undefined;
    const setNotifying = (on: boolean) => async () => {
      await link.operation();
      if (iface && iface.get('Notifying') !== on) iface.update({ Notifying: on });
    };
    const handlers: Record<string, (...args: unknown[]) => unknown> = {};
    if (behaviour.read) handlers.ReadValue = behaviour.read;
    if (behaviour.write) handlers.WriteValue = behaviour.write;
    if (flags.includes('notify')) {
      handlers.StartNotify = setNotifying(true);
      handlers.StopNotify = setNotifying(false);
    }
    iface = GATT_CHARACTERISTIC(
      {
        UUID: uuidValue,
        Service: servicePath,
        Value: Buffer.alloc(0),
        Notifying: false,
        Flags: flags,
        MTU: 247,
      },
      handlers,
    );
    objects.push({ path: `${servicePath}/char${hex(handle)}`, interfaces: [iface] });
    return iface;
  };

  const reader = (read: () => Uint8Array): Behaviour => ({
    read: async (options) => {
      await link.operation();
      // A long read arrives in pieces with an offset; the box's values all fit one ATT packet.
      return Buffer.from(read()).subarray(offsetOf(options));
    },
  });
  const writer = (name: string, onWrite: (frame: Uint8Array) => void): Behaviour => ({
    write: async (value, options) => {
      const type = writeTypeOf(options);
      // BlueZ turns `reliable` into prepare/execute writes, which a characteristic without the
      // reliable-write property refuses; node-ble's writeValue() defaults to it (ble-testing.md, 4).
      if (type !== 'request') {
        throw busError('org.bluez.Error.NotSupported', `${name}: write type ${type} not supported`);
      }
      await link.operation();
      onWrite(new Uint8Array(asBuffer(value)));
    },
  });

  characteristic(
    GattUuid.INFO,
    ['read'],
    reader(() => box.readInfo()),
  );
  characteristic(
    GattUuid.CHALLENGE,
    ['read'],
    reader(() => box.readChallenge()),
  );
  // The notifying characteristics come first in code only, so the writers can reach them.
  const response = characteristic(GattUuid.RESPONSE, ['notify'], {});
  const logData = characteristic(GattUuid.LOG_DATA, ['notify'], {});
  characteristic(
    GattUuid.COMMAND,
    ['write'],
    writer('command', (frame) => link.notify(response, [box.writeCommand(frame)])),
  );
  characteristic(
    GattUuid.LOG_CONTROL,
    ['write'],
    writer('log-control', (frame) => link.notify(logData, box.requestLog(frame))),
  );
  return objects;
}

export function notConnected(): Error {
  return busError(BLUEZ_ERROR.notConnected, 'Not Connected');
}

function hex(n: number): string {
  return n.toString(16).padStart(4, '0');
}

function isVariant(value: unknown): value is Variant {
  return typeof value === 'object' && value !== null && 'signature' in value && 'value' in value;
}

function optionOf(options: unknown, key: string): unknown {
  if (typeof options !== 'object' || options === null) return undefined;
  const raw: unknown = (options as Record<string, unknown>)[key];
  return isVariant(raw) ? raw.value : raw;
}

function offsetOf(options: unknown): number {
  const offset = optionOf(options, 'offset');
  return typeof offset === 'number' ? offset : 0;
}

function writeTypeOf(options: unknown): string {
  const type = optionOf(options, 'type');
  // BlueZ picks by the characteristic's flags when no type is given: ours are all plain `write`.
  return typeof type === 'string' ? type : 'request';
}

function asBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (Array.isArray(value)) return Buffer.from(value as number[]);
  throw busError('org.freedesktop.DBus.Error.InvalidArgs', 'value must be a byte array');
}
