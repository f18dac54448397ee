export interface Point {
  latitude: number;
  longitude: number;
}

const EARTH_RADIUS_KM = 6371;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance: good to metres over a region, and no map service needed. */
export function distanceKm(a: Point, b: Point): number {
  const dLat = radians(b.latitude - a.latitude);
  const dLng = radians(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}

export interface RangeFacts {
  powertrain: 'ev' | 'phev' | 'ice';
  rangeKm: number | null;
  /** Last state of charge the box reported, percent; null when unknown. */
  socPercent: number | null;
}

/**
 * How far an electric car gets as it stands: the rated range scaled by the last known charge.
 * Null where range does not limit the trip (a combustion engine, a hybrid's tank).
 */
export function usableRangeKm(car: RangeFacts): number | null {
  if (car.powertrain !== 'ev' || car.rangeKm === null) return null;
  return car.socPercent === null ? car.rangeKm : Math.floor((car.rangeKm * car.socPercent) / 100);
}

export const rangeFallsShort = (car: RangeFacts, plannedKm: number | undefined): boolean => {
  const usable = usableRangeKm(car);
  return plannedKm !== undefined && usable !== null && usable < plannedKm;
};

export interface Rankable extends RangeFacts {
  ownerMunicipalityId: string;
  plate: string;
  station: Point & { name: string };
}

/**
 * Search order: cars that make the planned trip before those that fall short, then the caller's
 * own municipality, then the nearest station to the point asked about, then station and plate.
 */
export function rankVehicles<T extends Rankable>(
  cars: T[],
  context: { ownMunicipalityId: string | null; origin?: Point; plannedKm?: number },
): (T & { distanceKm: number | null; rangeWarning: boolean })[] {
  const annotated = cars.map((car) => ({
    ...car,
    distanceKm: context.origin ? Math.round(distanceKm(context.origin, car.station) * 10) / 10 : null,
    rangeWarning: rangeFallsShort(car, context.plannedKm),
  }));
  return annotated.sort(
    (a, b) =>
      Number(a.rangeWarning) - Number(b.rangeWarning) ||
      Number(a.ownerMunicipalityId !== context.ownMunicipalityId) -
        Number(b.ownerMunicipalityId !== context.ownMunicipalityId) ||
      (a.distanceKm ?? 0) - (b.distanceKm ?? 0) ||
      a.station.name.localeCompare(b.station.name, 'de') ||
      a.plate.localeCompare(b.plate, 'de'),
  );
}
