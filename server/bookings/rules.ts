import type { FieldErrors } from '../errors';

/** A half-open interval of instants, [start, end): 10:00–11:00 and 11:00–12:00 touch, not clash. */
export interface TimeRange {
  start: Date;
  end: Date;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
/**
 * How far a block reaches that lasts until something clears it (a repair, a passed inspection):
 * five years reach past every booking horizon, so no booking can be made behind it meanwhile.
 */
export const UNTIL_CLEARED = 5 * 366 * 24 * HOUR;

export { liveBookingStatuses, openBookingStatuses, upcomingBookingStatuses } from '@/db/schema/bookings';

/** How far a start may lie in the past and still count as "now" (the form takes a moment). */
const startGrace = 5 * MINUTE;
/** Longer than this is no pool-car booking but a mistake (a year typed for a day). */
const longestBooking = 14 * 24 * HOUR;
const shortestBooking = 15 * MINUTE;

/** As PostgreSQL's `&&` on ranges: an empty range overlaps nothing. */
export const overlaps = (a: TimeRange, b: TimeRange): boolean =>
  a.start < a.end && b.start < b.end && a.start < b.end && b.start < a.end;

/** What a booking keeps a car from others: its own time plus the car's turnaround after it. */
export const blockedRange = (range: TimeRange, bufferMinutes: number): TimeRange => ({
  start: range.start,
  end: new Date(range.end.getTime() + bufferMinutes * MINUTE),
});

/** Whether two bookings of one car clash, each with the buffer that follows it. */
export const clashes = (
  a: TimeRange & { bufferMinutes: number },
  b: TimeRange & { bufferMinutes: number },
): boolean => overlaps(blockedRange(a, a.bufferMinutes), blockedRange(b, b.bufferMinutes));

/** Elapsed hours: a booking over a daylight-saving change counts the hours that really passed. */
export const elapsedHours = (range: TimeRange): number =>
  (range.end.getTime() - range.start.getTime()) / HOUR;

/**
 * The problems of a requested booking or search window, by field; empty when it is fine. A change
 * of a booking keeps its start (`startFixed`: it may lie in the past, the trip running) and must
 * not end in the past; its length is held to the same bounds as a new booking's.
 */
export function windowProblems(
  range: TimeRange,
  now: Date,
  { longest = longestBooking, startFixed = false }: { longest?: number; startFixed?: boolean } = {},
): FieldErrors {
  const problems: FieldErrors = {};
  if (Number.isNaN(range.start.getTime())) problems.from = ['Ungültiger Beginn.'];
  if (Number.isNaN(range.end.getTime())) problems.to = ['Ungültiges Ende.'];
  if (Object.keys(problems).length > 0) return problems;
  if (!startFixed && range.start.getTime() < now.getTime() - startGrace)
    problems.from = ['Der Beginn liegt in der Vergangenheit.'];
  if (startFixed && range.end.getTime() < now.getTime()) {
    problems.to = ['Das neue Ende liegt in der Vergangenheit.'];
    return problems;
  }
  const length = range.end.getTime() - range.start.getTime();
  if (length <= 0) problems.to = ['Das Ende muss nach dem Beginn liegen.'];
  else if (length < shortestBooking) problems.to = ['Eine Buchung dauert mindestens 15 Minuten.'];
  else if (length > longest)
    problems.to = [`Der Zeitraum darf höchstens ${Math.round(longest / (24 * HOUR))} Tage umfassen.`];
  return problems;
}
