import { UNTIL_CLEARED } from '../bookings/rules';
import { addMonths, type Day, startOfDay } from './due';

/** DGUV Vorschrift 70 § 57: a car is inspected at least once a year. */
export const INSPECTION_INTERVAL_MONTHS = 12;

export type InspectionResult = 'passed' | 'passed_with_defects' | 'failed';

/** The last day the inspection holds: a year after it, kept inside a shorter month. */
export const inspectionDue = (inspectedOn: Day): Day => addMonths(inspectedOn, INSPECTION_INTERVAL_MONTHS);

/**
 * When the car is out of service for its UVV: at once when it failed, else from the day after
 * the due date (or at once, when a late record's due date has passed already), until the next
 * inspection ends it.
 */
export function inspectionBlockWindow(result: InspectionResult, nextDue: Day, now: Date, timeZone: string) {
  const dayAfterDue = startOfDay(addDays(nextDue, 1), timeZone);
  // The minute under way: the block has begun, so a later passed inspection ends it (and keeps its past).
  const minute = Math.floor(now.getTime() / 60_000) * 60_000;
  const start = result === 'failed' ? minute : Math.max(minute, dayAfterDue.getTime());
  return { from: new Date(start), to: new Date(start + UNTIL_CLEARED) };
}

function addDays(day: Day, days: number): Day {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
