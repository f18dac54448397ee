import type { BoxPeripheral } from '../box/peripheral';
import { GattUuid } from '../protocol/constants';
import { BLUEZ_ERROR, DEVICE } from './bluez-interfaces';
import { type BusInterface, busError } from './dbus-loose';
import type { ObjectTree } from './object-tree';
import { type GattObject, notConnected, pmk1GattObjects } from './pmk1-gatt';

export interface FakeDeviceOptions {
  /** MAC address, upper case with colons, e.g. `C0:FF:EE:00:00:01`. */
  address: string;
  name?: string;
  rssi?: number;
  /** The box behind the radio; without one the device is a stranger (a phone, a headset) with no GATT service. */
  peripheral?: BoxPeripheral;
  /** Advertised service UUIDs; defaults to PMK1's service for a box. */
  uuids?: string[];
  /** Latency of every operation on this device in ms; overrides the double's. */
  latencyMs?: number;
}

/** One remote device: its Device1 object, and while connected its GATT objects. */
export class FakeDevice {
  readonly path: string;
  latencyMs: number | undefined;
  /** Notifications still delivered before the link drops; undefined = never. */
  dropAfterNotifications: number | undefined;
  /** Connect attempts that still fail as an aborted LE connection does. */
  failConnects = 0;
  private device: BusInterface | undefined;
  private gatt: GattObject[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Bumped on every drop so that work started on an older link cannot reach the new one. */
  private epoch = 0;
  private closed = false;

  constructor(
    private readonly tree: ObjectTree,
    private readonly adapterPath: string,
    readonly options: FakeDeviceOptions,
    private readonly defaultLatency: () => number,
  ) {
    this.path = `${adapterPath}/dev_${options.address.toUpperCase().replace(/:/g, '_')}`;
    this.latencyMs = options.latencyMs;
  }

  get visible(): boolean {
    return this.device !== undefined;
  }

  get connected(): boolean {
    return this.device?.get('Connected') === true;
  }

  /** The device shows up, as after an advertisement seen during discovery. */
  show(): void {
    if (this.device || this.closed) return;
    const { address, peripheral } = this.options;
    this.device = DEVICE(
      {
        Address: address.toUpperCase(),
        AddressType: 'random',
        Name: this.options.name ?? address,
        Alias: this.options.name ?? address,
        RSSI: this.options.rssi ?? -60,
        TxPower: 0,
        UUIDs: this.options.uuids ?? (peripheral ? [GattUuid.SERVICE] : []),
        Paired: false,
        Trusted: false,
        Blocked: false,
        Connected: false,
        ServicesResolved: false,
        Adapter: this.adapterPath,
        ManufacturerData: {},
        ServiceData: {},
      },
      { Connect: () => this.connect(), Disconnect: () => this.disconnect() },
    );
    this.tree.add(this.path, [this.device]);
  }

  /** The device goes out of range for good: link dropped, then its object removed. */
  hide(): void {
    this.drop();
    this.tree.removeTree(this.path);
    this.device = undefined;
  }

  /** The radio link breaks: Connected false, GATT objects gone, so old handles fail. */
  drop(): void {
    this.epoch += 1;
    if (!this.device || !this.connected) return;
    this.device.update({ Connected: false });
    this.removeGatt();
    this.device.update({ ServicesResolved: false });
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private async connect(): Promise<void> {
    await this.wait(this.latency());
    const device = this.device;
    if (!device) throw busError(BLUEZ_ERROR.doesNotExist, 'Does Not Exist');
    if (this.failConnects > 0) {
      this.failConnects -= 1;
      throw busError(BLUEZ_ERROR.failed, 'le-connection-abort-by-local');
    }
    if (this.connected) return;
    // BlueZ's order, which node-ble's gatt() relies on: Connected, the GATT objects, ServicesResolved.
    device.update({ Connected: true });
    const { peripheral } = this.options;
    if (peripheral) {
      this.gatt = pmk1GattObjects(this.path, peripheral, this.gattLink());
      for (const object of this.gatt) this.tree.add(object.path, object.interfaces);
    }
    device.update({ ServicesResolved: true });
  }

  private async disconnect(): Promise<void> {
    await this.wait(this.latency());
    if (!this.connected) throw busError(BLUEZ_ERROR.notConnected, 'Not Connected');
    this.drop();
  }

  private gattLink() {
    const epoch = this.epoch;
    const alive = () => epoch === this.epoch && this.connected;
    return {
      operation: async () => {
        if (!alive()) throw notConnected();
        await this.wait(this.latency());
        if (!alive()) throw notConnected();
      },
      notify: (characteristic: BusInterface, frames: Uint8Array[]) => {
        void (async () => {
          for (const frame of frames) {
            // At least one macrotask, so the write's reply goes out before its notification.
            await this.wait(this.latency());
            if (!alive()) return;
            if (this.dropAfterNotifications !== undefined && this.dropAfterNotifications-- <= 0) {
              this.dropAfterNotifications = undefined;
              this.drop();
              return;
            }
            const value = Buffer.from(frame);
            // BlueZ only signals a new Value while notifications are on; otherwise it is just cached.
            characteristic.update({ Value: value }, { quiet: characteristic.get('Notifying') !== true });
          }
        })();
      },
    };
  }

  private removeGatt(): void {
    for (const object of [...this.gatt].reverse()) this.tree.remove(object.path);
    this.gatt = [];
  }

  private latency(): number {
    return this.latencyMs ?? this.defaultLatency();
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }
}
