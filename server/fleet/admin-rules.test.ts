import { describe, expect, it } from 'vitest';
import {
  midnightOf,
  normalisePlate,
  retirementStart,
  servesWindow,
  stationProblems,
  type VehicleFacts,
  vehicleProblems,
} from './admin-rules';

const car: VehicleFacts = {
  plate: 'L-PM 123E',
  powertrain: 'ev',
  seats: 5,
  batteryKwh: 58,
  rangeKm: 420,
  turnaroundBufferMinutes: 15,
  commissionedAt: null,
};
const tz = 'Europe/Berlin';

describe('plates', () => {
  it('are upper case with single spaces, whatever was typed', () => {
    expect(normalisePlate('  l-pm   123e ')).toBe('L-PM 123E');
    expect(normalisePlate('grm\tab\u00a012')).toBe('GRM AB 12');
    expect(normalisePlate('bö-x 1')).toBe('BÖ-X 1');
  });

  it('are letters and digits in groups, 2 to 12 characters', () => {
    expect(vehicleProblems(car)).toEqual({});
    expect(vehicleProblems({ ...car, plate: 'y 123 456' })).toEqual({});
    for (const plate of ['', 'L', 'L--PM 1', 'L-PM_1', '-L 1', 'L-PM 1234567890'])
      expect(vehicleProblems({ ...car, plate }).plate, plate).toHaveLength(1);
  });
});

describe('a car', () => {
  it('has 1 to 9 seats, a buffer of 0 to 240 minutes, a positive range', () => {
    expect(vehicleProblems({ ...car, seats: 0 }).seats).toEqual(['Ein Fahrzeug hat 1 bis 9 Sitzplätze.']);
    expect(vehicleProblems({ ...car, seats: 10 }).seats).toHaveLength(1);
    expect(vehicleProblems({ ...car, seats: 4.5 }).seats).toHaveLength(1);
    expect(vehicleProblems({ ...car, seats: 9, turnaroundBufferMinutes: 0 })).toEqual({});
    expect(vehicleProblems({ ...car, turnaroundBufferMinutes: 241 }).turnaroundBufferMinutes).toHaveLength(1);
    expect(vehicleProblems({ ...car, rangeKm: 0 }).rangeKm).toHaveLength(1);
  });

  it('electric or hybrid, needs battery and range; combustion needs neither', () => {
    expect(vehicleProblems({ ...car, batteryKwh: null, rangeKm: null })).toEqual({
      batteryKwh: ['Ein Elektro- oder Hybridfahrzeug braucht die Batteriekapazität.'],
      rangeKm: ['Ein Elektro- oder Hybridfahrzeug braucht die Reichweite.'],
    });
    expect(vehicleProblems({ ...car, powertrain: 'phev', rangeKm: null }).rangeKm).toHaveLength(1);
    expect(vehicleProblems({ ...car, powertrain: 'ice', batteryKwh: null, rangeKm: null })).toEqual({});
  });

  it('is retired after it was commissioned', () => {
    const commissionedAt = new Date('2026-03-01T00:00:00Z');
    expect(vehicleProblems({ ...car, commissionedAt, retiredAt: commissionedAt }).retiredOn).toHaveLength(1);
    expect(vehicleProblems({ ...car, commissionedAt, retiredAt: new Date('2026-03-02T00:00:00Z') })).toEqual(
      {},
    );
  });
});

describe('time in service', () => {
  const window = { start: new Date('2026-12-10T08:00:00Z'), end: new Date('2026-12-10T10:00:00Z') };
  const span = { status: 'in_service' as const, commissionedAt: null, retiredAt: null };

  it('holds a window from commissioning on', () => {
    expect(servesWindow(span, window)).toBe(true);
    expect(servesWindow({ ...span, commissionedAt: window.start }, window)).toBe(true);
    expect(servesWindow({ ...span, commissionedAt: new Date(+window.start + 1) }, window)).toBe(false);
  });

  it('a retired car, only windows that end by the retirement (touching is fine)', () => {
    const retired = { ...span, status: 'retired' as const };
    expect(servesWindow({ ...retired, retiredAt: window.end }, window)).toBe(true);
    expect(servesWindow({ ...retired, retiredAt: new Date(+window.end - 1) }, window)).toBe(false);
    expect(servesWindow({ ...span, status: 'out_of_service' }, window)).toBe(false);
  });

  it('a retirement starts at the day’s local midnight, or now when that is today, never before', () => {
    const now = new Date('2026-12-03T09:30:00Z');
    expect(retirementStart('2026-12-02', tz, now)).toBeNull();
    expect(retirementStart('2026-12-03', tz, now)).toEqual(now);
    expect(retirementStart('2026-12-04', tz, now)).toEqual(new Date('2026-12-03T23:00:00Z'));
    // Summer time: local midnight is 22:00 UTC.
    expect(midnightOf('2027-07-01', tz)).toEqual(new Date('2027-06-30T22:00:00Z'));
  });
});

describe('a station', () => {
  it('lies on the globe and has 0 to 99 charge points', () => {
    expect(stationProblems({ latitude: 51.28, longitude: 12.5, chargePoints: 0 })).toEqual({});
    expect(stationProblems({ latitude: 90.1, longitude: -180.5, chargePoints: 2.5 })).toEqual({
      latitude: ['Der Breitengrad liegt zwischen -90 und 90 (z. B. 51.2845).'],
      longitude: ['Der Längengrad liegt zwischen -180 und 180 (z. B. 12.5093).'],
      chargePoints: ['Die Zahl der Ladepunkte ist eine ganze Zahl von 0 bis 99.'],
    });
    expect(stationProblems({ latitude: Number.NaN, longitude: 0, chargePoints: 0 }).latitude).toHaveLength(1);
  });
});
