import dbus from 'dbus-next';
import NodeBle from 'node-ble';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GattUuid } from '../protocol/constants';
import { BluezDouble } from './bluez-double';
import { FakeBox } from './fake-box';
import { type PrivateBus, startPrivateBus } from './private-bus';

const BOX = 'C0:FF:EE:00:00:0A';

/**
 * Typed out from key-protocol.md rather than taken from the protocol package: the double serves
 * GattUuid, so only literals can catch a wrong UUID there.
 */
const SPEC_UUIDS = {
  SERVICE: '6a8b0001-3a52-4f0e-9a3c-5041524d4f00',
  INFO: '6a8b0002-3a52-4f0e-9a3c-5041524d4f00',
  CHALLENGE: '6a8b0003-3a52-4f0e-9a3c-5041524d4f00',
  COMMAND: '6a8b0004-3a52-4f0e-9a3c-5041524d4f00',
  RESPONSE: '6a8b0005-3a52-4f0e-9a3c-5041524d4f00',
  LOG_CONTROL: '6a8b0006-3a52-4f0e-9a3c-5041524d4f00',
  LOG_DATA: '6a8b0007-3a52-4f0e-9a3c-5041524d4f00',
};

/** The double as BlueZ clients other than our gateway see it: plain D-Bus and plain node-ble. */
describe('BluezDouble', () => {
  let bus: PrivateBus;
  let double: BluezDouble;
  let client: dbus.MessageBus;

  beforeAll(async () => {
    bus = await startPrivateBus();
    double = await BluezDouble.start({ busAddress: bus.address });
    client = dbus.sessionBus({ busAddress: bus.address });
    client.on('error', () => undefined);
  });
  afterAll(async () => {
    client?.disconnect();
    await double?.stop();
    await bus?.stop();
  });

  async function call(path: string, iface: string, method: string, ...args: unknown[]): Promise<unknown> {
    const object = await client.getProxyObject('org.bluez', path);
    const fn = object.getInterface(iface)[method];
    if (!fn) throw new Error(`${iface}.${method} missing`);
    return fn(...args);
  }

  async function managedPaths(): Promise<string[]> {
    const objects = await call('/', 'org.freedesktop.DBus.ObjectManager', 'GetManagedObjects');
    return Object.keys(objects as Record<string, unknown>).sort();
  }

  it('serves the PMK1 UUIDs the design names', () => {
    expect(GattUuid).toEqual(SPEC_UUIDS);
  });

  it('lists a device only once discovery has seen it, with InterfacesAdded', async () => {
    double.addDevice({ address: BOX, name: 'box', peripheral: new FakeBox(10) });
    expect(await managedPaths()).toEqual(['/org/bluez', '/org/bluez/hci0']);

    const manager = (await client.getProxyObject('org.bluez', '/')).getInterface(
      'org.freedesktop.DBus.ObjectManager',
    );
    const added = new Promise<string>((resolve) =>
      manager.once('InterfacesAdded', (path: string) => resolve(path)),
    );
    await call('/org/bluez/hci0', 'org.bluez.Adapter1', 'StartDiscovery');
    expect(await added).toBe('/org/bluez/hci0/dev_C0_FF_EE_00_00_0A');
    await expect(call('/org/bluez/hci0', 'org.bluez.Adapter1', 'StartDiscovery')).rejects.toMatchObject({
      type: 'org.bluez.Error.InProgress',
    });
    await call('/org/bluez/hci0', 'org.bluez.Adapter1', 'StopDiscovery');
    // Like BlueZ's cache, the device outlives the scan.
    expect(await managedPaths()).toContain('/org/bluez/hci0/dev_C0_FF_EE_00_00_0A');
  });

  it('exports the GATT objects on connect and removes them on a drop', async () => {
    const device = '/org/bluez/hci0/dev_C0_FF_EE_00_00_0A';
    await call(device, 'org.bluez.Device1', 'Connect');
    const gatt = (await managedPaths()).filter((p) => p.startsWith(`${device}/`));
    expect(gatt).toHaveLength(7);
    double.drop(BOX);
    expect((await managedPaths()).filter((p) => p.startsWith(`${device}/`))).toEqual([]);
    await expect(call(device, 'org.bluez.Device1', 'Disconnect')).rejects.toMatchObject({
      type: 'org.bluez.Error.NotConnected',
    });
  });

  it('serves node-ble, and refuses its default reliable write as BlueZ would', async () => {
    process.env.DBUS_SYSTEM_BUS_ADDRESS = bus.address;
    const { bluetooth, destroy } = NodeBle.createBluetooth();
    try {
      const adapter = await bluetooth.defaultAdapter();
      const device = await adapter.getDevice(BOX);
      await device.connect();
      const service = await (await device.gatt()).getPrimaryService(SPEC_UUIDS.SERVICE);
      const command = await service.getCharacteristic(SPEC_UUIDS.COMMAND);
      const response = await service.getCharacteristic(SPEC_UUIDS.RESPONSE);
      await expect(command.writeValue(Buffer.alloc(230))).rejects.toThrow(/not supported/);

      // Without StartNotify the response is only cached, never signalled.
      let notified = 0;
      response.on('valuechanged', () => notified++);
      await command.writeValueWithResponse(Buffer.alloc(230));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(notified).toBe(0);

      await response.startNotifications();
      const value = new Promise<Buffer>((resolve) => response.once('valuechanged', resolve));
      await command.writeValueWithResponse(Buffer.alloc(230));
      expect((await value)[1]).toBe(0x03);
      await device.disconnect();
    } finally {
      destroy();
    }
  });

  it('leaves no daemon behind', async () => {
    const other = await startPrivateBus();
    const running = () => {
      try {
        process.kill(other.pid, 0);
        return true;
      } catch {
        return false; // ESRCH: no such process
      }
    };
    expect(running()).toBe(true);
    await other.stop();
    expect(running()).toBe(false);
  });
});
