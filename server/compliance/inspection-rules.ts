import { UNTIL_CLEARED } from '../bookings/rules';
import { addMonths, type Day, regionToday, startOfDay } from './due';

/** DGUV Vorschrift 70 § 57: a car is inspected at least once a year. */
export const INSPECTION_INTERVAL_MONTHS = 12;

export type InspectionResult = 'passed' | 'passed_with_defects' | 'failed';

/** The last day the inspection holds: a year after it, kept inside a shorter month. */
export const inspectionDue = (inspectedOn: Day): Day => addMonths(inspectedOn, INSPECTION_INTERVAL_MONTHS);

/** A car never inspected is first due a year after it entered service, as after an inspection. */
export const firstInspectionDue = (enteredService: Date, timeZone: string): Day =>
  inspectionDue(regionToday(enteredService, timeZone));

/** The first instant a car is overdue: the day after its due date begins, in the region. */
export const overdueFrom = (nextDue: Day, timeZone: string) => startOfDay(addDays(nextDue, 1), timeZone);

/**
 * When the car is out of service for its UVV: at once when it failed, else from the day after
 * the due date (or at once, when a late record's due date has passed already), until the next
 * inspection ends it.
 */
export function inspectionBlockWindow(result: InspectionResult, nextDue: Day, now: Date, timeZone: string) {
  return result === 'failed' ? untilCleared(currentMinute(now)) : overdueBlockWindow(nextDue, now, timeZone);
}

/** From the day after the due date, or at once when that has passed, until the next inspection ends it. */
export const overdueBlockWindow = (nextDue: Day, now: Date, timeZone: string) =>
  untilCleared(Math.max(currentMinute(now), overdueFrom(nextDue, timeZone).getTime()));

// The minute under way: the block has begun, so a later passed inspection ends it (and keeps its past).
const currentMinute = (now: Date) => Math.floor(now.getTime() / 60_000) * 60_000;

const untilCleared = (start: number) => ({ from: new Date(start), to: new Date(start + UNTIL_CLEARED) });

function addDays(day: Day, days: number): Day {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
