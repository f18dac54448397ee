import { instantOf, todayIn, wallTime } from '../../lib/time';

/** A search window as the form holds it: wall-clock date and time at both ends, in the region's zone. */
export interface WallWindow {
  fromDate: string;
  fromTime: string;
  toDate: string;
  toTime: string;
}

export type QuickChoice = 'twoHours' | 'afternoon' | 'tomorrow';

/** Why a field of the window cannot be searched: empty, a time the clock skips, or an end not after the start. */
export type WindowFieldProblem = 'missing' | 'gap' | 'order';

export type ParsedWindow =
  | { ok: true; from: Date; to: Date }
  | { ok: false; problems: { from?: WindowFieldProblem; to?: WindowFieldProblem } };

const MINUTE = 60_000;
const STEP = 5 * MINUTE;
const DAY_MINUTES = 24 * 60;

/** The next full five minutes from now (13:02 → 13:05; 13:05 stays 13:05): a start that is bookable now. */
export const nextStep = (now: Date) => new Date(Math.ceil(now.getTime() / STEP) * STEP);

const wallOf = (from: Date, to: Date, timeZone: string): WallWindow => ({
  fromDate: todayIn(timeZone, from),
  fromTime: wallTime(from, timeZone),
  toDate: todayIn(timeZone, to),
  toTime: wallTime(to, timeZone),
});

/** The date one calendar day after `date` ("2026-12-31" → "2027-01-01"). */
export function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const next = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + 1));
  return next.toISOString().slice(0, 10);
}

/** The form's first window: from the next five-minute step, two hours long. */
export function defaultWindow(now: Date, timeZone: string): WallWindow {
  const from = nextStep(now);
  return wallOf(from, new Date(from.getTime() + 120 * MINUTE), timeZone);
}

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/**
 * The window of a quick choice: two hours from now; this afternoon (13:00–17:00, or from now if
 * that is later); tomorrow's working day (08:00–16:00). Null when the choice has passed (the afternoon after 16:45).
 */
export function quickWindow(choice: QuickChoice, now: Date, timeZone: string): WallWindow | null {
  const today = todayIn(timeZone, now);
  if (choice === 'twoHours') return defaultWindow(now, timeZone);
  if (choice === 'tomorrow') {
    const day = nextDay(today);
    return { fromDate: day, fromTime: '08:00', toDate: day, toTime: '16:00' };
  }
  const start = nextStep(now);
  const startMinutes =
    todayIn(timeZone, start) === today ? minutesOf(wallTime(start, timeZone)) : DAY_MINUTES;
  if (startMinutes > 16 * 60 + 45) return null;
  const fromTime = startMinutes > 13 * 60 ? wallTime(start, timeZone) : '13:00';
  return { fromDate: today, fromTime, toDate: today, toTime: '17:00' };
}

/** True when the wall-clock time does not exist that day: the clock jumps over it (spring DST). */
export function inClockGap(date: string, time: string, timeZone: string): boolean {
  const instant = instantOf(date, time, timeZone);
  if (Number.isNaN(instant.getTime())) return false;
  return todayIn(timeZone, instant) !== date || wallTime(instant, timeZone) !== time;
}

/** The instants of a filled-in window, or per field why it cannot be searched. */
export function parseWindow(window: WallWindow, timeZone: string): ParsedWindow {
  const problems: { from?: WindowFieldProblem; to?: WindowFieldProblem } = {};
  const end = (date: string, time: string): WindowFieldProblem | undefined => {
    if (!date || !time) return 'missing';
    if (inClockGap(date, time, timeZone)) return 'gap';
    return undefined;
  };
  const fromProblem = end(window.fromDate, window.fromTime);
  const toProblem = end(window.toDate, window.toTime);
  if (fromProblem) problems.from = fromProblem;
  if (toProblem) problems.to = toProblem;
  if (fromProblem || toProblem) return { ok: false, problems };
  const from = instantOf(window.fromDate, window.fromTime, timeZone);
  const to = instantOf(window.toDate, window.toTime, timeZone);
  if (Number.isNaN(from.getTime())) return { ok: false, problems: { from: 'missing' } };
  if (Number.isNaN(to.getTime())) return { ok: false, problems: { to: 'missing' } };
  if (to.getTime() <= from.getTime()) return { ok: false, problems: { to: 'order' } };
  return { ok: true, from, to };
}

/** Typing a start moves the end along when it would fall before it: same length as before, or two hours. */
export function followStart(previous: WallWindow, next: WallWindow, timeZone: string): WallWindow {
  const before = parseWindow(previous, timeZone);
  const start = instantOf(next.fromDate, next.fromTime, timeZone);
  const end = instantOf(next.toDate, next.toTime, timeZone);
  if (Number.isNaN(start.getTime()) || (!Number.isNaN(end.getTime()) && end > start)) return next;
  const length = before.ok ? before.to.getTime() - before.from.getTime() : 120 * MINUTE;
  return wallOf(start, new Date(start.getTime() + length), timeZone);
}

/** A weekly series as the booking asks for it: the first day, the slot's wall-clock times, how many weeks. */
export interface WeeklySlot {
  firstDay: string;
  startTime: string;
  endTime: string;
  weeks: number;
}

/** The start of each week's occurrence, 08:00 staying 08:00 across a change of summer time. */
export function weeklyStarts(slot: WeeklySlot, timeZone: string): Date[] {
  const starts: Date[] = [];
  let day = slot.firstDay;
  for (let week = 0; week < slot.weeks; week++) {
    starts.push(instantOf(day, slot.startTime, timeZone));
    for (let i = 0; i < 7; i++) day = nextDay(day);
  }
  return starts;
}

/** The dates of a weekly series that were booked: every occurrence of its rule the server did not skip. */
export function bookedDates(rule: WeeklySlot, skipped: { start: Date }[], timeZone: string): Date[] {
  const left = new Set(skipped.map((s) => new Date(s.start).getTime()));
  return weeklyStarts(rule, timeZone).filter((start) => !left.has(start.getTime()));
}
