import type { BoxPeripheral } from '@/telematics/box';
import type { BoxLink } from '@/telematics/gateway/ble/box-link';
import { SimulatorBoxLink } from '@/telematics/gateway/simulator-link';
import type { Env } from '../env';

export type DemoRadioKind = Env['DEMO_RADIO'];

/** A simulated car's box as the radio sees it: where it is, and what answers there. */
export interface DemoBox {
  address: string;
  peripheral: BoxPeripheral;
}

/** What carries the demo gateways' traffic to the simulated boxes (DEMO_RADIO). */
export interface DemoRadio {
  readonly kind: DemoRadioKind;
  /** The private dbus-daemon's process id with `bluez`, so a test can see it is gone after stop(). */
  readonly busPid: number | undefined;
  /** The link a station's gateway reaches its own cars (`boxes`) through. */
  linkFor(boxes: DemoBox[]): BoxLink;
  /** Once the gateways have stopped: closes the links and whatever carries them. */
  stop(): Promise<void>;
}

/**
 * `simulator`: each station's gateway gets an in-process link to its boxes. `bluez`: every box is
 * a device on a BlueZ stand-in, reached through node-ble (loaded only then).
 */
export async function startRadio(kind: DemoRadioKind, boxes: DemoBox[]): Promise<DemoRadio> {
  if (kind === 'bluez') {
    const { startBluezRadio } = await import('./bluez-radio');
    return startBluezRadio(boxes);
  }
  return {
    kind,
    busPid: undefined,
    linkFor: (here) => new SimulatorBoxLink(here.map(({ address, peripheral }) => [address, peripheral])),
    stop: async () => undefined,
  };
}
