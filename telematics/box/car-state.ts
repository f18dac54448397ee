/** The car as the box sees it on the vehicle bus: locks, one door contact, ignition, charger, gauges. */
import { SOC_UNKNOWN } from '../protocol/constants';

export interface CarState {
  locked: boolean;
  /** Any door open. */
  doorOpen: boolean;
  ignitionOn: boolean;
  charging: boolean;
  /** Units of 100 m, as on the wire. */
  odometer: number;
  /** Percent, or SOC_UNKNOWN. */
  soc: number;
  /** The booking of the trip in progress: set by an unlock, cleared by end booking. */
  activeBookingId: Uint8Array | null;
}

export function parkedCar(overrides: Partial<CarState> = {}): CarState {
  return {
    locked: true,
    doorOpen: false,
    ignitionOn: false,
    charging: false,
    odometer: 0,
    soc: SOC_UNKNOWN,
    activeBookingId: null,
    ...overrides,
  };
}
