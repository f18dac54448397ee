import { TZDate } from '@date-fns/tz';
import type { TimeRange } from '../bookings/rules';
import type { FieldErrors } from '../errors';
import { fleetFieldTexts } from '../messages/fields-fleet';

export type Powertrain = 'ev' | 'phev' | 'ice';

/** "l-pm  123e " → "L-PM 123E": the spelling the unique index compares, whatever was typed. */
export const normalisePlate = (plate: string) => plate.trim().replace(/\s+/g, ' ').toUpperCase();

// Letters (with umlauts), digits, one space or hyphen between groups: German plates and the
// special forms (E, H, Bundeswehr "Y 123 456"), without judging a district code.
const platePattern = /^[A-ZÄÖÜ0-9]+(?:[ -][A-ZÄÖÜ0-9]+)*$/;

/** The facts of a car the database's CHECKs judge, as the form gives them. */
export interface VehicleFacts {
  plate: string;
  powertrain: Powertrain;
  seats: number;
  batteryKwh: number | null;
  rangeKm: number | null;
  turnaroundBufferMinutes: number;
  commissionedAt: Date | null;
  retiredAt?: Date | null;
}

/**
 * The field errors for a car, in German (or the request's language), mirroring the CHECKs on
 * `vehicles` so a person reads a sentence at the field rather than a refusal by the database.
 */
export function vehicleProblems(car: VehicleFacts): FieldErrors {
  const t = fleetFieldTexts();
  const problems: FieldErrors = {};
  const plate = normalisePlate(car.plate);
  if (plate.length < 2 || plate.length > 12 || !platePattern.test(plate)) problems.plate = [t.plate];
  if (!Number.isInteger(car.seats) || car.seats < 1 || car.seats > 9) problems.seats = [t.seats];
  if (
    !Number.isInteger(car.turnaroundBufferMinutes) ||
    car.turnaroundBufferMinutes < 0 ||
    car.turnaroundBufferMinutes > 240
  )
    problems.turnaroundBufferMinutes = [t.buffer];
  if (car.rangeKm !== null && (!Number.isInteger(car.rangeKm) || car.rangeKm <= 0 || car.rangeKm > 2000))
    problems.rangeKm = [t.range];
  if (car.batteryKwh !== null && !(car.batteryKwh > 0 && car.batteryKwh < 10000))
    problems.batteryKwh = [t.battery];
  // A plug-in car without battery and range could not be warned about before a long trip.
  if (car.powertrain !== 'ice') {
    if (car.batteryKwh === null) problems.batteryKwh = [t.batteryNeeded];
    if (car.rangeKm === null) problems.rangeKm = [t.rangeNeeded];
  }
  if (car.retiredAt && car.commissionedAt && car.retiredAt <= car.commissionedAt)
    problems.retiredOn = [t.retiredAfterCommissioned];
  return problems;
}

/** The car's time in service, as the search, a booking and a stand-in ask it. */
export interface ServiceSpan {
  status: 'in_service' | 'out_of_service' | 'retired';
  commissionedAt: Date | null;
  retiredAt: Date | null;
}

/**
 * Whether the car may hold the window: in service (or retired only after the window ends) and
 * commissioned by its start. The same rule as `inServiceOver` in queries.ts, for one car in hand.
 */
export function servesWindow(car: ServiceSpan, window: TimeRange): boolean {
  if (car.commissionedAt && car.commissionedAt > window.start) return false;
  if (car.status === 'in_service') return true;
  return car.status === 'retired' && car.retiredAt !== null && car.retiredAt >= window.end;
}

/** Local midnight of an ISO date ("2027-03-01") in the region's zone. */
export function midnightOf(day: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(new TZDate(y ?? 0, (m ?? 1) - 1, d ?? 1, timeZone).getTime());
}

/** The local date of an instant, as an ISO date: what a date field shows. */
export const dayOf = (instant: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );

/**
 * From when a retirement "from this day" takes the car: the day's start, or now when that is today
 * (a booking this morning is over, and one running now must be ended first). A day before today
 * is no retirement date: the past is history, kept as it was.
 */
export function retirementStart(day: string, timeZone: string, now: Date): Date | null {
  if (day < dayOf(now, timeZone)) return null;
  const start = midnightOf(day, timeZone);
  return start > now ? start : now;
}

/** The field errors for a station's position and charge points, mirroring the CHECKs on `stations`. */
export function stationProblems(station: { latitude: number; longitude: number; chargePoints: number }) {
  const t = fleetFieldTexts();
  const problems: FieldErrors = {};
  if (!(station.latitude >= -90 && station.latitude <= 90)) problems.latitude = [t.latitude];
  if (!(station.longitude >= -180 && station.longitude <= 180)) problems.longitude = [t.longitude];
  if (!Number.isInteger(station.chargePoints) || station.chargePoints < 0 || station.chargePoints > 99)
    problems.chargePoints = [t.chargePoints];
  return problems;
}
