import { BluezDouble } from '@/telematics/bluez-double/bluez-double';
import { startPrivateBus } from '@/telematics/bluez-double/private-bus';
import { NodeBleBoxLink, type NodeBleBoxLinkOptions } from '@/telematics/gateway/ble/node-ble-link';
import { logger } from '../logger';
import type { DemoBox, DemoRadio } from './radio';

const ADAPTER = 'hci0';

const onBusError = (error: unknown) => logger.error({ err: error }, 'demo radio D-Bus error');

/** node-ble (dbus-next) reads DBUS_SYSTEM_BUS_ADDRESS once, when createBluetooth() runs inside create(). */
async function linkOn(busAddress: string, options: NodeBleBoxLinkOptions): Promise<NodeBleBoxLink> {
  const previous = process.env.DBUS_SYSTEM_BUS_ADDRESS;
  process.env.DBUS_SYSTEM_BUS_ADDRESS = busAddress;
  try {
    return await NodeBleBoxLink.create(options);
  } finally {
    // Put back what was there, so nothing else in the process is pointed at our private bus.
    if (previous === undefined) delete process.env.DBUS_SYSTEM_BUS_ADDRESS;
    else process.env.DBUS_SYSTEM_BUS_ADDRESS = previous;
  }
}

/**
 * DEMO_RADIO=bluez: a private system bus (a dbus-daemon child of this process), the BlueZ double
 * on it with every demo box as a device at its car's address, and one node-ble link for all
 * gateways — there is one adapter, and node-ble sessions sharing it would stop each other's
 * discovery. The gateways' traffic then takes the production path: node-ble, D-Bus, GATT.
 */
export async function startBluezRadio(boxes: DemoBox[]): Promise<DemoRadio> {
  const bus = await startPrivateBus();
  let double: BluezDouble | undefined;
  let link: NodeBleBoxLink | undefined;
  const stop = async () => {
    await link?.close().catch(() => undefined);
    await double?.stop().catch(() => undefined);
    await bus.stop();
  };
  try {
    double = await BluezDouble.start({ busAddress: bus.address, adapterName: ADAPTER, onBusError });
    for (const { address, peripheral } of boxes) double.addDevice({ address, peripheral });
    const shared = await linkOn(bus.address, {
      adapter: ADAPTER,
      addresses: boxes.map((b) => b.address),
      waitDeviceIntervalMs: 20,
      onBusError,
    });
    link = shared;
    // One short scan now, as BlueZ's cache holds the boxes it has seen: the first unlock then
    // connects at once instead of scanning first.
    await shared.discover({ durationMs: 0 });
    return { kind: 'bluez', busPid: bus.pid, linkFor: () => shared, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
