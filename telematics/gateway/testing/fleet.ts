/**
 * Pool cars for gateway tests: reference boxes trusting the test CA, on one manual clock, with a
 * car simulator each, behind the BlueZ double and the real node-ble link (or the simulator link).
 */

import { BluezDouble } from '../../bluez-double/bluez-double';
import { type PrivateBus, startPrivateBus } from '../../bluez-double/private-bus';
import { RecordingPeripheral } from '../../bluez-double/recording-peripheral';
import { ReferenceBox } from '../../box/box';
import { CarSimulator } from '../../box/car-simulator';
import { createManualClock, type ManualClock } from '../../box/clock';
import type { BoxPeripheral } from '../../box/peripheral';
import { type BoxStore, createBoxStore } from '../../box/store';
import { bytesToUuid } from '../../protocol/bytes';
import { NodeBleBoxLink, type NodeBleBoxLinkOptions } from '../ble/node-ble-link';
import { testCa } from './authority';
import type { ServerState } from './server-state';

/** 2026-03-02 07:00 UTC, a Monday morning. */
const FLEET_T0 = 1_772_434_800;

export interface PoolCar {
  boxId: string;
  address: string;
  box: ReferenceBox;
  /** The box's flash: its log is what the server must end up holding. */
  store: BoxStore;
  /** What the radio saw: every request and answer. */
  radio: RecordingPeripheral;
  car: CarSimulator;
}

export function makeFleet(count: number, clock: ManualClock = createManualClock(FLEET_T0)) {
  const cars: PoolCar[] = [];
  for (let i = 1; i <= count; i++) {
    const boxIdBytes = Uint8Array.from({ length: 16 }, (_, k) =>
      k === 6 ? 0x40 : k === 8 ? 0x80 : i * 17 + k,
    );
    const seed = new Uint8Array(32).fill(0x50 + i);
    const store = createBoxStore({ boxId: boxIdBytes, seed, caPublicKey: testCa.publicKey });
    const box = new ReferenceBox({ store, clock: clock.now });
    const car = new CarSimulator({ box, clock, odometerKm: 10_000 * i, socPercent: 80 });
    cars.push({
      boxId: bytesToUuid(boxIdBytes),
      address: `C0:FF:EE:10:00:${i.toString(16).padStart(2, '0').toUpperCase()}`,
      box,
      store,
      radio: new RecordingPeripheral(box),
      car,
    });
  }
  return { clock, cars };
}

export function register(state: ServerState, cars: PoolCar[]): void {
  for (const { boxId, address, box } of cars) state.addBox({ boxId, address, publicKey: box.publicKey });
}

/** Real-looking usage: `trips` drives with a charge after each, four log records per trip. */
export function makeTrips(car: PoolCar, trips: number, clock: ManualClock): void {
  for (let i = 0; i < trips; i++) {
    car.car.ignitionOn();
    car.car.drive(12, 40);
    car.car.ignitionOff();
    car.car.startCharging();
    car.car.charge(30, 11);
    car.car.stopCharging();
    clock.advance(600);
  }
}

export interface RadioRig {
  bus: PrivateBus;
  double: BluezDouble;
  link: NodeBleBoxLink;
  stop(): Promise<void>;
}

/** A private bus, the BlueZ double with the cars in range, and node-ble pointed at it. */
export async function startRadio(
  cars: PoolCar[],
  options: NodeBleBoxLinkOptions = {},
  /** What the radio reaches for a car; the benchmark slips a timer in here. */
  peripheralOf: (car: PoolCar) => BoxPeripheral = (car) => car.radio,
): Promise<RadioRig> {
  const bus = await startPrivateBus();
  const double = await BluezDouble.start({ busAddress: bus.address });
  for (const car of cars)
    double.addDevice({ address: car.address, name: 'PMK1 pool car', peripheral: peripheralOf(car) });
  process.env.DBUS_SYSTEM_BUS_ADDRESS = bus.address;
  const link = await NodeBleBoxLink.create({
    discoveryMs: 50,
    waitDeviceIntervalMs: 20,
    connectTimeoutMs: 1_500,
    operationTimeoutMs: 1_000,
    reconnectBackoffMs: 20,
    onBusError: () => undefined,
    ...options,
  });
  return {
    bus,
    double,
    link,
    async stop() {
      await link.close().catch(() => undefined);
      await double.stop();
      await bus.stop();
      assertExited(bus.pid, 'dbus-daemon');
    },
  };
}

/**
 * Checks that a daemon we started is gone. By its pid, not `pgrep dbus-daemon`: other suites may
 * run their own buses on this machine at the same time.
 */
export function assertExited(pid: number, what: string): void {
  // kill(0 or -1, …) would address whole process groups.
  if (pid <= 0) throw new Error(`${what} has no pid`);
  try {
    process.kill(pid, 0);
  } catch {
    return; // ESRCH: gone
  }
  throw new Error(`${what} ${pid} is still running`);
}

/** Waits for a condition the gateway brings about; fails with `what` if it never comes. */
export async function until(what: string, condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
