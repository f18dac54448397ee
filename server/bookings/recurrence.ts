import { TZDate } from '@date-fns/tz';
import type { TimeRange } from './rules';

/** "Every Tuesday 8–12 for 10 weeks": wall-clock times in the region, so 08:00 stays 08:00 across DST. */
export interface WeeklyRule {
  firstDay: string; // YYYY-MM-DD, the first occurrence
  startTime: string; // HH:MM
  endTime: string; // HH:MM, after startTime on the same day
  weeks: number;
  /** ISO weekdays (1 = Monday … 7 = Sunday); default: the weekday of firstDay. */
  weekdays?: number[];
}

const parts = (text: string, separator: string) => text.split(separator).map(Number);

/** The occurrences of a weekly rule, in order, from firstDay on, for the given number of weeks. */
export function expandWeekly(rule: WeeklyRule, timeZone: string): TimeRange[] {
  const [y = 0, m = 1, d = 1] = parts(rule.firstDay, '-');
  const [sh = 0, sm = 0] = parts(rule.startTime, ':');
  const [eh = 0, em = 0] = parts(rule.endTime, ':');
  const first = new TZDate(y, m - 1, d, timeZone);
  const isoWeekday = (date: TZDate) => ((date.getDay() + 6) % 7) + 1;
  const weekdays = new Set(rule.weekdays?.length ? rule.weekdays : [isoWeekday(first)]);
  const occurrences: TimeRange[] = [];
  for (let offset = 0; offset < rule.weeks * 7; offset++) {
    const day = new TZDate(y, m - 1, d + offset, timeZone);
    if (!weekdays.has(isoWeekday(day))) continue;
    const at = (h: number, min: number) =>
      new Date(new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), h, min, timeZone).getTime());
    occurrences.push({ start: at(sh, sm), end: at(eh, em) });
  }
  return occurrences;
}
