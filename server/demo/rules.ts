import type { CarModel } from '@/telematics/box/car-simulator';
import type { AppErrorCode } from '../errors';

/** What the simulator panel can do with the car of a booking. */
export const demoActions = ['openDoor', 'closeDoor', 'ignitionOn', 'ignitionOff', 'drive', 'charge'] as const;
export type DemoAction = (typeof demoActions)[number];

/** „10 km fahren“: a drive on country roads at country-road pace (12 minutes of car time). */
export const DRIVE_KM = 10;
export const DRIVE_KMH = 50;
/** „Laden“: half an hour at an 11 kW wallbox, as at the stations' charge points. */
export const CHARGE_MINUTES = 30;
export const CHARGE_KW = 11;

/** Seconds the car's clock moves on for an action: driving and charging take time. */
export function actionSeconds(action: DemoAction): number {
  if (action === 'drive') return Math.round((DRIVE_KM / DRIVE_KMH) * 3600);
  if (action === 'charge') return CHARGE_MINUTES * 60;
  return 0;
}

export interface SimulatedCar {
  locked: boolean;
  ignitionOn: boolean;
  socPercent: number;
  /** The car's clock, Unix seconds. */
  now: number;
}

/**
 * Why the car cannot do this now, or null. The car's own limits (a locked door does not open) and
 * one of the demo's: simulated time must not run past the booking's key, or the driver could no
 * longer end the trip they just drove.
 */
export function simulatorRefusal(
  car: SimulatedCar,
  action: DemoAction,
  keyValidUntil: Date,
): AppErrorCode | null {
  switch (action) {
    case 'closeDoor':
    case 'ignitionOff':
      return null;
    case 'openDoor':
    case 'ignitionOn':
      return car.locked ? 'DEMO_CAR_LOCKED' : null;
    case 'drive':
      if (car.locked && !car.ignitionOn) return 'DEMO_CAR_LOCKED';
      if (car.socPercent <= 0) return 'DEMO_BATTERY_EMPTY';
      break;
    case 'charge':
      if (car.ignitionOn) return 'DEMO_IGNITION_ON';
      break;
  }
  // A minute to spare for pressing „Fahrt beenden“ afterwards.
  const endsAt = car.now + actionSeconds(action) + 60;
  return endsAt * 1000 > keyValidUntil.getTime() ? 'DEMO_BOOKING_TIME_UP' : null;
}

/** A car's consumption from its battery and range; a combustion car drives on a notional tank. */
export function carModel(vehicle: { batteryKwh: number | null; rangeKm: number | null }): CarModel {
  const battery = vehicle.batteryKwh && vehicle.batteryKwh > 0 ? vehicle.batteryKwh : 45;
  const range = vehicle.rangeKm && vehicle.rangeKm > 0 ? vehicle.rangeKm : 600;
  return { batteryKWh: battery, consumptionKWhPer100Km: (battery / range) * 100, chargeEfficiency: 0.9 };
}

/**
 * Where a car's gauges start when the server holds nothing of it yet: a stable odometer and
 * charge from its plate, so every fresh demo shows the same fleet.
 */
export function startingReadings(plate: string): { odometerKm: number; socPercent: number } {
  let hash = 2166136261;
  for (const char of plate) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 16777619) >>> 0;
  return { odometerKm: 5_000 + (hash % 40_000), socPercent: 55 + ((hash >>> 16) % 41) };
}
