import { TZDate } from '@date-fns/tz';

/** A calendar date, "YYYY-MM-DD", as the compliance records keep them. */
export type Day = string;

const pad = (n: number) => String(n).padStart(2, '0');

/** The date `months` calendar months after `day`, kept inside a shorter month (31 Aug + 6 → 28/29 Feb). */
export function addMonths(day: Day, months: number): Day {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/** Today's date in the region's zone: the licence gate and the due dates reckon by it. */
export const regionToday = (now: Date, timeZone: string): Day =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    now,
  );

/** The first instant of a calendar day in the region (a DST day starts at local midnight too). */
export function startOfDay(day: Day, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, timeZone).getTime());
}

/** A day as German text shows it: 04.12.2026. */
export const germanDay = (day: Day) => day.split('-').reverse().join('.');

/** How far ahead a coming due date puts a person or car on the "due" list: time to arrange it. */
export const DUE_SOON_DAYS = 30;

export type DueState = 'missing' | 'overdue' | 'due' | 'valid';

/**
 * Where a record's due date stands today. `until` is the last day the record holds (the licence
 * gate lets a person book on it), so it is overdue from the day after; due within DUE_SOON_DAYS.
 */
export function dueState(until: Day | null, today: Day): DueState {
  if (until === null) return 'missing';
  if (until < today) return 'overdue';
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + DUE_SOON_DAYS);
  return until <= soon.toISOString().slice(0, 10) ? 'due' : 'valid';
}

/** A calendar date as typed: real (no 31 February), from 2000 on. */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && value >= '2000-01-01';
}
