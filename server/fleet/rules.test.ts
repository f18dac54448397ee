import { describe, expect, it } from 'vitest';
import { distanceKm, type Rankable, rangeFallsShort, rankVehicles, usableRangeKm } from './rules';

const brandis = { latitude: 51.3353, longitude: 12.6113 };
const naunhof = { latitude: 51.2777, longitude: 12.5885 };

describe('distance', () => {
  it('measures Brandis to Naunhof town halls at about 6.6 km', () => {
    expect(distanceKm(brandis, naunhof)).toBeCloseTo(6.6, 1);
    expect(distanceKm(brandis, brandis)).toBe(0);
  });
});

describe('range', () => {
  it('scales an electric car by its last charge', () => {
    expect(usableRangeKm({ powertrain: 'ev', rangeKm: 400, socPercent: 50 })).toBe(200);
    expect(usableRangeKm({ powertrain: 'ev', rangeKm: 400, socPercent: null })).toBe(400);
    expect(usableRangeKm({ powertrain: 'phev', rangeKm: 60, socPercent: 10 })).toBeNull();
    expect(usableRangeKm({ powertrain: 'ice', rangeKm: null, socPercent: null })).toBeNull();
  });
  it('warns only when a planned trip is longer', () => {
    const car = { powertrain: 'ev', rangeKm: 300, socPercent: 40 } as const; // 120 km
    expect(rangeFallsShort(car, 150)).toBe(true);
    expect(rangeFallsShort(car, 120)).toBe(false);
    expect(rangeFallsShort(car, undefined)).toBe(false);
  });
});

describe('ranking', () => {
  const car = (
    plate: string,
    owner: string,
    at: typeof brandis,
    name: string,
    soc: number | null = null,
  ): Rankable => ({
    plate,
    ownerMunicipalityId: owner,
    powertrain: 'ev',
    rangeKm: 400,
    socPercent: soc,
    station: { ...at, name },
  });
  it('puts own municipality first, then the nearest station, and short range last', () => {
    const cars = [
      car('FAR-OWN', 'brandis', naunhof, 'Rathaus Naunhof'),
      car('NEAR-OTHER', 'naunhof', brandis, 'Rathaus Brandis'),
      car('NEAR-OWN', 'brandis', brandis, 'Rathaus Brandis'),
      car('NEAR-OWN-EMPTY', 'brandis', brandis, 'Rathaus Brandis', 10),
    ];
    const ranked = rankVehicles(cars, { ownMunicipalityId: 'brandis', origin: brandis, plannedKm: 100 });
    expect(ranked.map((c) => c.plate)).toEqual(['NEAR-OWN', 'FAR-OWN', 'NEAR-OTHER', 'NEAR-OWN-EMPTY']);
    expect(ranked.at(-1)?.rangeWarning).toBe(true);
    expect(ranked[1]?.distanceKm).toBeCloseTo(6.6, 1);
  });
});
