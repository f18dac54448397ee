import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { expandWeekly } from './recurrence';

const zone = 'Europe/Berlin';
const wall = (instant: Date) => {
  const local = new TZDate(instant, zone);
  return `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')} ${String(local.getHours()).padStart(2, '0')}:${String(local.getMinutes()).padStart(2, '0')}`;
};

describe('weekly recurrence', () => {
  it('makes every Tuesday 8–12 for 10 weeks', () => {
    const occurrences = expandWeekly(
      { firstDay: '2026-12-01', startTime: '08:00', endTime: '12:00', weeks: 10 },
      zone,
    );
    expect(occurrences).toHaveLength(10);
    expect(wall(occurrences[0]?.start ?? new Date(0))).toBe('2026-12-01 08:00');
    expect(wall(occurrences[9]?.end ?? new Date(0))).toBe('2027-02-02 12:00');
    for (const o of occurrences) expect(new TZDate(o.start, zone).getDay()).toBe(2);
  });

  it('keeps the wall-clock time across the start of summer time', () => {
    const occurrences = expandWeekly(
      { firstDay: '2027-03-23', startTime: '08:00', endTime: '12:00', weeks: 2 },
      zone,
    );
    expect(occurrences.map((o) => wall(o.start))).toEqual(['2027-03-23 08:00', '2027-03-30 08:00']);
    // Same wall time, one hour fewer in UTC after the change.
    expect(occurrences[0]?.start.toISOString()).toBe('2027-03-23T07:00:00.000Z');
    expect(occurrences[1]?.start.toISOString()).toBe('2027-03-30T06:00:00.000Z');
  });

  it('takes several weekdays', () => {
    const occurrences = expandWeekly(
      { firstDay: '2026-11-30', startTime: '07:30', endTime: '09:00', weeks: 2, weekdays: [1, 3, 5] },
      zone,
    );
    expect(occurrences.map((o) => wall(o.start).slice(0, 10))).toEqual([
      '2026-11-30',
      '2026-12-02',
      '2026-12-04',
      '2026-12-07',
      '2026-12-09',
      '2026-12-11',
    ]);
  });
});
