import { type LocalDate, startOfLocalDay } from '../reports/rules';

/**
 * Why a fleet manager may look at one person's trips (agreed with the staff council): a damage or
 * a fine to assign to whoever had the car, or a query about a billed trip. Nothing else: no
 * performance review, no watching where or how much someone drives.
 */
export const lookupPurposes = ['damage', 'fine', 'billing'] as const;
export type LookupPurpose = (typeof lookupPurposes)[number];

/** The longest span one lookup may ask for: a damage or a fine names a day, a bill a month. */
export const LONGEST_LOOKUP_DAYS = 93;

/** The local date `months` calendar months before `day`, kept inside a shorter month (31 Mar − 1 → 28/29 Feb). */
export function monthsBefore(day: LocalDate, months: number): LocalDate {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/** The local calendar date of an instant in `zone`. */
export const localDate = (instant: Date, zone: string): LocalDate =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);

/**
 * Bookings that ended before this instant lose their person: local midnight `months` before
 * today, so a booking is kept for whole days and a run later the same day removes nothing new.
 */
export function retentionCutoff(now: Date, months: number, zone: string): Date {
  return startOfLocalDay(monthsBefore(localDate(now, zone), months), zone);
}
