import { ADAPTER, AGENT_MANAGER, BLUEZ_ERROR } from './bluez-interfaces';
import { type BusInterface, busError, ServiceBus } from './dbus-loose';
import { FakeDevice, type FakeDeviceOptions } from './fake-device';
import { ObjectTree } from './object-tree';

export interface BluezDoubleOptions {
  /** Address of the bus to serve on, e.g. from startPrivateBus(). */
  busAddress: string;
  adapterName?: string;
  adapterAddress?: string;
  /** Latency of every operation (connect, read, write, notification) in ms. */
  latencyMs?: number;
  /** Called with errors of the double's own bus connection; they are swallowed otherwise. */
  onBusError?: (error: unknown) => void;
}

/**
 * A stand-in for bluetoothd on a private D-Bus: one adapter (hci0) and the devices a test puts in
 * range. Devices appear once discovery runs, as they would after their first advertisement.
 */
export class BluezDouble {
  /** Latency of every operation in ms, unless a device has its own. */
  latencyMs: number;
  private readonly devices = new Map<string, FakeDevice>();
  private readonly adapter: BusInterface;
  private readonly adapterPath: string;

  private constructor(
    private readonly bus: ServiceBus,
    private readonly tree: ObjectTree,
    options: BluezDoubleOptions,
  ) {
    this.latencyMs = options.latencyMs ?? 0;
    this.adapterPath = `/org/bluez/${options.adapterName ?? 'hci0'}`;
    // node-ble lists adapters as the children of this object and needs the interface to exist.
    tree.add('/org/bluez', [
      AGENT_MANAGER({}, { RegisterAgent: noop, UnregisterAgent: noop, RequestDefaultAgent: noop }),
    ]);
    const address = options.adapterAddress ?? '00:1A:7D:DA:71:13';
    this.adapter = ADAPTER(
      {
        Address: address,
        AddressType: 'public',
        Name: 'bluez-double',
        Alias: 'bluez-double',
        Powered: true,
        Discoverable: false,
        Pairable: false,
        Discovering: false,
        UUIDs: [],
      },
      {
        StartDiscovery: () => this.startDiscovery(),
        StopDiscovery: () => this.stopDiscovery(),
        SetDiscoveryFilter: noop,
        GetDiscoveryFilters: () => ['UUIDs', 'RSSI', 'Pathloss', 'Transport', 'DuplicateData'],
        RemoveDevice: (path: unknown) => this.removeDeviceByPath(path),
      },
    );
    tree.add(this.adapterPath, [this.adapter]);
  }

  static async start(options: BluezDoubleOptions): Promise<BluezDouble> {
    const bus = await ServiceBus.connect(options.busAddress, 'org.bluez', options.onBusError ?? noop);
    return new BluezDouble(bus, new ObjectTree(bus), options);
  }

  get discovering(): boolean {
    return this.adapter.get('Discovering') === true;
  }

  /** Puts a device in range; it becomes visible now if discovery runs, else at the next discovery. */
  addDevice(options: FakeDeviceOptions): FakeDevice {
    const key = options.address.toUpperCase();
    if (this.devices.has(key)) throw new Error(`device ${key} already added`);
    const device = new FakeDevice(this.tree, this.adapterPath, options, () => this.latencyMs);
    this.devices.set(key, device);
    if (this.discovering) device.show();
    return device;
  }

  /** The device drives away: its link drops and its object disappears. */
  removeDevice(address: string): void {
    const device = this.device(address);
    device.hide();
    device.close();
    this.devices.delete(address.toUpperCase());
  }

  /** Breaks the radio link of a connected device, as interference or distance does. */
  drop(address: string): void {
    this.device(address).drop();
  }

  /** Lets `n` more notifications through, then drops the link instead of sending the next one. */
  dropAfterNotifications(address: string, n: number): void {
    this.device(address).dropAfterNotifications = n;
  }

  /** Makes the next `n` connect attempts fail as an aborted LE connection does. */
  failNextConnects(address: string, n: number): void {
    this.device(address).failConnects = n;
  }

  /** Per-device latency in ms; `undefined` falls back to the double's. */
  setDeviceLatency(address: string, ms: number | undefined): void {
    this.device(address).latencyMs = ms;
  }

  isConnected(address: string): boolean {
    return this.devices.get(address.toUpperCase())?.connected ?? false;
  }

  async stop(): Promise<void> {
    for (const device of this.devices.values()) device.close();
    this.devices.clear();
    this.bus.disconnect();
  }

  device(address: string): FakeDevice {
    const device = this.devices.get(address.toUpperCase());
    if (!device) throw new Error(`no device ${address} in the double`);
    return device;
  }

  private startDiscovery(): void {
    if (this.discovering) throw busError(BLUEZ_ERROR.inProgress, 'Operation already in progress');
    this.adapter.update({ Discovering: true });
    for (const device of this.devices.values()) device.show();
  }

  private stopDiscovery(): void {
    if (!this.discovering) throw busError(BLUEZ_ERROR.failed, 'No discovery started');
    // Found devices stay, as in BlueZ's cache, until removed.
    this.adapter.update({ Discovering: false });
  }

  private removeDeviceByPath(path: unknown): void {
    for (const [key, device] of this.devices) {
      if (device.path !== path) continue;
      device.hide();
      // RemoveDevice only forgets it: the box is still in range and shows up at the next discovery.
      this.devices.set(key, device);
      return;
    }
    throw busError(BLUEZ_ERROR.doesNotExist, 'Does Not Exist');
  }
}

function noop(): void {}
