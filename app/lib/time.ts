import { TZDate } from '@date-fns/tz';
import { type Language, localeOf } from './language';

/** The instant a wall-clock date and time ("2026-12-01", "09:30") denote in the region's zone. */
export function instantOf(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [h, min] = time.split(':').map(Number);
  if ([y, m, d, h, min].some((n) => n === undefined || Number.isNaN(n))) return new Date(Number.NaN);
  return new Date(new TZDate(y ?? 0, (m ?? 1) - 1, d ?? 1, h ?? 0, min ?? 0, timeZone).getTime());
}

/** "Mi., 02.12.2026, 09:30" (English: "Wed 02/12/2026, 09:30") in the region's zone, whatever zone the browser is in. */
export const formatDateTime = (instant: Date, timeZone: string, language: Language) =>
  new Intl.DateTimeFormat(localeOf(language), {
    weekday: 'short',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(instant);

export const formatTime = (instant: Date, timeZone: string, language: Language = 'de') =>
  new Intl.DateTimeFormat(localeOf(language), { timeStyle: 'short', timeZone }).format(instant);

/** Today's date in the region, as an <input type="date"> value. */
export const todayIn = (timeZone: string, now = new Date()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    now,
  );

/** "09:30" in the region's zone, as an <input type="time"> value. */
export const wallTime = (instant: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    instant,
  );
