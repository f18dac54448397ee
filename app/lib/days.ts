/** Calendar days of the region, pure: the timeline's server and page share them. */
const HOUR = 3_600_000;

/** "2026-10-25" plus n calendar days, as a date string (no zone involved). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + n)).toISOString().slice(0, 10);
}

/** The instant local midnight of `day` is in `timeZone` (a day starts at 00:00 in Germany, DST or not). */
export function startOfDay(day: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  const guess = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1);
  // The zone's offset at the guess, applied twice to settle on the right side of a change.
  let instant = guess;
  for (let i = 0; i < 2; i++) instant = guess - offsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

function offsetMs(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The days of the view, each with its real bounds: 23 hours in March, 25 in October. */
export function timelineDays(from: string, days: number, timeZone: string) {
  return Array.from({ length: days }, (_, i) => {
    const date = addDays(from, i);
    const start = startOfDay(date, timeZone);
    const end = startOfDay(addDays(date, 1), timeZone);
    return { date, start, end, hours: Math.round((end.getTime() - start.getTime()) / HOUR) };
  });
}
