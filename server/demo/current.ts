import type { ManualClock, ReferenceBox } from '@/telematics/box';
import type { CarSimulator } from '@/telematics/box/car-simulator';
import { processSingleton } from '../singleton';
import type { DemoRadioKind } from './radio';

/** One simulated pool car of the demo: its box, the car around it, and the clock they share. */
export interface DemoCar {
  vehicleId: string;
  stationId: string;
  boxId: string;
  address: string;
  box: ReferenceBox;
  simulator: CarSimulator;
  clock: ManualClock;
  /**
   * Moves the car's clock up to the wall clock, never back: a simulated drive runs the car's time
   * ahead (10 km take 12 minutes), and the box must never see time go backwards.
   */
  catchUp(): void;
}

/** The demo gateways and cars running in this process (the embedded-database demo only). */
export interface DemoRuntime {
  readonly stations: number;
  readonly cars: number;
  /** What carries the gateways' traffic (DEMO_RADIO); with `bluez`, the private dbus-daemon's PID. */
  readonly radio: { kind: DemoRadioKind; busPid: number | undefined };
  car(vehicleId: string): DemoCar | undefined;
  /** A log sync round at the car's station now, so what the car just logged reaches the server. */
  syncCar(vehicleId: string): Promise<void>;
  /** Uploads what the boxes still hold (briefly), then stops every gateway. */
  stop(): Promise<void>;
}

// Process-wide: the demo the boot started must be the one the tRPC procedures see.
const slot = () => processSingleton('demo', (): { runtime: DemoRuntime | null } => ({ runtime: null }));

/** The running demo, or null when there is none (PostgreSQL, or not started yet). */
export const currentDemo = (): DemoRuntime | null => slot().runtime;

export function setCurrentDemo(runtime: DemoRuntime | null): void {
  slot().runtime = runtime;
}
