import NodeBle from 'node-ble';
import { delay, withTimeout } from './async-util';
import { type BoxConnection, type BoxLink, BoxLinkError, type BoxSighting } from './box-link';
import { type ConnectionSettings, NodeBleBoxConnection } from './node-ble-connection';
import {
  countMatchRulesPerRule,
  handleBusErrors,
  knownDevices,
  matchRuleCount,
  signalListenerCount,
} from './node-ble-loose';
import { PMK1_SERVICE } from './pmk1-gatt';

export interface NodeBleBoxLinkOptions extends Partial<ConnectionSettings> {
  /** Adapter name such as `hci0`; the first adapter BlueZ lists if unset. */
  adapter?: string;
  /** Boxes known by address, found even if they do not advertise the PMK1 service UUID. */
  addresses?: string[];
  /** How long discover() scans (default 3 s). */
  discoveryMs?: number;
  /** How often connect() looks for a device BlueZ does not know yet (default 100 ms; node-ble's own is 1 s). */
  waitDeviceIntervalMs?: number;
  /** Errors of the D-Bus connection to BlueZ (bluetoothd gone, bus gone). Default: console.error. */
  onBusError?: (error: unknown) => void;
}

const DEFAULTS: ConnectionSettings = {
  connectTimeoutMs: 10_000,
  operationTimeoutMs: 5_000,
  reconnectAttempts: 2,
  reconnectBackoffMs: 250,
};

/**
 * BoxLink over BlueZ through node-ble. Reads DBUS_SYSTEM_BUS_ADDRESS when created, so a test sets
 * it to a private bus with the BlueZ double first.
 */
export class NodeBleBoxLink implements BoxLink {
  private readonly connections = new Set<NodeBleBoxConnection>();
  private readonly settings: ConnectionSettings;
  private readonly addresses: Set<string>;
  /** Scans in progress that we asked for; discovery stops when the last one ends, if we started it. */
  private scanUsers = 0;
  private startedDiscovery = false;

  private constructor(
    private readonly bluetooth: NodeBle.Bluetooth,
    private readonly destroy: () => void,
    private readonly adapter: NodeBle.Adapter,
    private readonly adapterName: string,
    private readonly options: NodeBleBoxLinkOptions,
  ) {
    this.settings = {
      connectTimeoutMs: options.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs,
      operationTimeoutMs: options.operationTimeoutMs ?? DEFAULTS.operationTimeoutMs,
      reconnectAttempts: options.reconnectAttempts ?? DEFAULTS.reconnectAttempts,
      reconnectBackoffMs: options.reconnectBackoffMs ?? DEFAULTS.reconnectBackoffMs,
    };
    this.addresses = new Set((options.addresses ?? []).map((a) => a.toUpperCase()));
  }

  static async create(options: NodeBleBoxLinkOptions = {}): Promise<NodeBleBoxLink> {
    const { bluetooth, destroy } = NodeBle.createBluetooth();
    handleBusErrors(bluetooth, options.onBusError ?? ((error) => console.error('BlueZ D-Bus error', error)));
    countMatchRulesPerRule(bluetooth);
    try {
      const timeout = options.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs;
      const name = options.adapter ?? (await withTimeout(bluetooth.adapters(), timeout, 'list adapters'))[0];
      if (!name) throw new BoxLinkError('NOT_FOUND', 'no Bluetooth adapter');
      const adapter = await withTimeout(bluetooth.getAdapter(name), timeout, `adapter ${name}`);
      return new NodeBleBoxLink(bluetooth, destroy, adapter, name, options);
    } catch (error) {
      destroy();
      throw error;
    }
  }

  async discover(options: { durationMs?: number } = {}): Promise<BoxSighting[]> {
    await this.scanning(() => delay(options.durationMs ?? this.options.discoveryMs ?? 3_000));
    const devices = await withTimeout(
      knownDevices(this.bluetooth, this.adapterName),
      this.settings.operationTimeoutMs,
      'list devices',
    );
    return devices
      .filter((d) => this.addresses.has(d.address) || d.uuids.some((u) => u.toLowerCase() === PMK1_SERVICE))
      .map(({ address, name, rssi }) => ({ address, name, rssi }));
  }

  async connect(address: string): Promise<BoxConnection> {
    const connection = new NodeBleBoxConnection(
      address.toUpperCase(),
      (a) => this.findDevice(a),
      this.settings,
      (c) => this.connections.delete(c),
    );
    this.connections.add(connection);
    try {
      await connection.open();
    } catch (error) {
      this.connections.delete(connection);
      throw error;
    }
    return connection;
  }

  /** D-Bus signal listeners node-ble holds; a health check can watch that reconnects do not grow it. */
  signalListeners(): number {
    return signalListenerCount(this.bluetooth);
  }

  /** The match rules the D-Bus daemon holds for this link: flat over reconnects, or the daemon's limit nears. */
  matchRules(): Promise<number> {
    return matchRuleCount(this.bluetooth);
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.connections].map((c) => c.disconnect()));
    if (this.startedDiscovery) await this.adapter.stopDiscovery().catch(() => undefined);
    this.destroy();
  }

  private async findDevice(address: string): Promise<NodeBle.Device> {
    try {
      return await this.adapter.getDevice(address);
    } catch (error) {
      if (!(error instanceof Error && error.message === 'Device not found')) throw error;
    }
    // BlueZ has not seen it (lately): scan until it shows up. waitDevice() polls every second by
    // default and swallows other errors until its timeout (ble-testing.md, pitfall 2).
    const { connectTimeoutMs } = this.settings;
    const interval = this.options.waitDeviceIntervalMs ?? 100;
    return this.scanning(() =>
      this.adapter.waitDevice(address, connectTimeoutMs, interval).catch((cause: unknown) => {
        throw new BoxLinkError('NOT_FOUND', `${address} not in range`, { cause });
      }),
    );
  }

  /** Runs `task` while discovery is on; starts it only if nobody has (startDiscovery throws then, pitfall 3). */
  private async scanning<T>(task: () => Promise<T>): Promise<T> {
    this.scanUsers += 1;
    try {
      if (!(await this.adapter.isDiscovering())) {
        try {
          await this.adapter.startDiscovery();
          this.startedDiscovery = true;
        } catch (error) {
          // Someone else started it between our check and our call: fine, it is on.
          if (!(await this.adapter.isDiscovering())) throw error;
        }
      }
      return await task();
    } finally {
      this.scanUsers -= 1;
      // Scanning while connecting makes LE connections less reliable, so stop as soon as we can.
      if (this.scanUsers === 0 && this.startedDiscovery) {
        this.startedDiscovery = false;
        await this.adapter.stopDiscovery().catch(() => undefined);
      }
    }
  }
}
