import { describe, expect, it } from 'vitest';
import { actionSeconds, carModel, simulatorRefusal, startingReadings } from './rules';

const at = (seconds: number) => ({ locked: false, ignitionOn: false, socPercent: 80, now: seconds });
const keyUntil = new Date(10_000 * 1000);

describe('the demo car simulator’s rules', () => {
  it('keeps a locked car shut: no door, no ignition, no drive (unless someone locked from inside)', () => {
    const locked = { ...at(0), locked: true };
    expect(simulatorRefusal(locked, 'openDoor', keyUntil)).toBe('DEMO_CAR_LOCKED');
    expect(simulatorRefusal(locked, 'ignitionOn', keyUntil)).toBe('DEMO_CAR_LOCKED');
    expect(simulatorRefusal(locked, 'drive', keyUntil)).toBe('DEMO_CAR_LOCKED');
    expect(simulatorRefusal({ ...locked, ignitionOn: true }, 'drive', keyUntil)).toBeNull();
    expect(simulatorRefusal(locked, 'closeDoor', keyUntil)).toBeNull();
    expect(simulatorRefusal(locked, 'charge', keyUntil)).toBeNull();
  });

  it('charges only with the ignition off, and drives only with charge left', () => {
    expect(simulatorRefusal({ ...at(0), ignitionOn: true }, 'charge', keyUntil)).toBe('DEMO_IGNITION_ON');
    expect(simulatorRefusal({ ...at(0), socPercent: 0 }, 'drive', keyUntil)).toBe('DEMO_BATTERY_EMPTY');
  });

  it('refuses a drive or a charge whose car time would pass the key, with a minute to spare', () => {
    expect(actionSeconds('drive')).toBe(720);
    expect(actionSeconds('charge')).toBe(1800);
    expect(actionSeconds('openDoor')).toBe(0);
    expect(simulatorRefusal(at(10_000 - 720 - 60), 'drive', keyUntil)).toBeNull();
    expect(simulatorRefusal(at(10_000 - 720 - 59), 'drive', keyUntil)).toBe('DEMO_BOOKING_TIME_UP');
    expect(simulatorRefusal(at(10_000 - 1800 - 59), 'charge', keyUntil)).toBe('DEMO_BOOKING_TIME_UP');
  });

  it('takes consumption from battery and range, and a stable start from the plate', () => {
    expect(carModel({ batteryKwh: 58, rangeKm: 400 }).consumptionKWhPer100Km).toBeCloseTo(14.5);
    expect(carModel({ batteryKwh: null, rangeKm: null })).toMatchObject({ batteryKWh: 45 });
    expect(startingReadings('L-PM 101')).toEqual(startingReadings('L-PM 101'));
    const { odometerKm, socPercent } = startingReadings('L-PM 101');
    expect(odometerKm).toBeGreaterThanOrEqual(5_000);
    expect(socPercent).toBeGreaterThanOrEqual(55);
    expect(socPercent).toBeLessThanOrEqual(95);
  });
});
