import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { blockedRange, clashes, elapsedHours, overlaps, type TimeRange, windowProblems } from './rules';

const zone = 'Europe/Berlin';
/** A wall-clock time in Berlin on a given day, as an instant. */
const at = (day: string, time: string): Date => {
  const [y, m, d] = day.split('-').map(Number);
  const [h, min] = time.split(':').map(Number);
  return new Date(new TZDate(y ?? 0, (m ?? 1) - 1, d ?? 1, h ?? 0, min ?? 0, zone).getTime());
};
const range = (from: string, to: string, day = '2026-12-01'): TimeRange => ({
  start: at(day, from),
  end: at(day, to),
});
const withBuffer = (r: TimeRange, bufferMinutes: number) => ({ ...r, bufferMinutes });

describe('overlaps (half-open)', () => {
  it('treats touching bookings as free', () => {
    expect(overlaps(range('10:00', '11:00'), range('11:00', '12:00'))).toBe(false);
    expect(overlaps(range('11:00', '12:00'), range('10:00', '11:00'))).toBe(false);
  });
  it('sees a one-minute overlap', () => {
    expect(overlaps(range('10:00', '11:01'), range('11:00', '12:00'))).toBe(true);
  });
  it('sees containment both ways', () => {
    expect(overlaps(range('09:00', '13:00'), range('10:00', '11:00'))).toBe(true);
    expect(overlaps(range('10:00', '11:00'), range('09:00', '13:00'))).toBe(true);
  });
  it('sees identical ranges', () => {
    expect(overlaps(range('10:00', '11:00'), range('10:00', '11:00'))).toBe(true);
  });
  it('never lets an empty range clash', () => {
    expect(overlaps(range('10:30', '10:30'), range('10:00', '11:00'))).toBe(false);
  });
});

describe('turnaround buffers', () => {
  it('keeps the car after a booking for the buffer', () => {
    const first = withBuffer(range('10:00', '11:00'), 15);
    expect(clashes(first, withBuffer(range('11:00', '12:00'), 15))).toBe(true);
    expect(clashes(first, withBuffer(range('11:14', '12:00'), 15))).toBe(true);
    expect(clashes(first, withBuffer(range('11:15', '12:00'), 15))).toBe(false);
  });
  it('applies the buffer of the earlier booking when the new one comes first', () => {
    const later = withBuffer(range('11:00', '12:00'), 15);
    expect(clashes(withBuffer(range('10:00', '10:50'), 15), later)).toBe(true);
    expect(clashes(withBuffer(range('10:00', '10:45'), 15), later)).toBe(false);
  });
  it('with no buffer, touching is free', () => {
    expect(clashes(withBuffer(range('10:00', '11:00'), 0), withBuffer(range('11:00', '12:00'), 0))).toBe(
      false,
    );
  });
  it('extends the block in elapsed minutes across the end of summer time', () => {
    // 25 Oct 2026: 03:00 CEST falls back to 02:00 CET. A booking ending 02:55 CEST is free again
    // 15 elapsed minutes later, which is 02:10 CET on the wall clock.
    const endsBeforeFallBack = new Date('2026-10-25T00:55:00Z');
    const blocked = blockedRange({ start: new Date('2026-10-24T22:00:00Z'), end: endsBeforeFallBack }, 15);
    expect(blocked.end.toISOString()).toBe('2026-10-25T01:10:00.000Z');
    expect(new TZDate(blocked.end, zone).getHours()).toBe(2);
    expect(new TZDate(blocked.end, zone).getMinutes()).toBe(10);
  });
});

describe('elapsed hours on daylight-saving days', () => {
  it('counts 25 hours for the day summer time ends', () => {
    expect(elapsedHours({ start: at('2026-10-25', '00:00'), end: at('2026-10-26', '00:00') })).toBe(25);
  });
  it('counts 23 hours for the day summer time starts', () => {
    expect(elapsedHours({ start: at('2026-03-29', '00:00'), end: at('2026-03-30', '00:00') })).toBe(23);
  });
  it('counts 1:00–4:00 over the spring gap as 2 hours', () => {
    expect(elapsedHours({ start: at('2026-03-29', '01:00'), end: at('2026-03-29', '04:00') })).toBe(2);
  });
});

describe('windowProblems', () => {
  const now = new Date('2026-12-01T08:00:00Z');
  const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
  it('accepts an ordinary window', () => {
    expect(windowProblems({ start: later(60), end: later(180) }, now)).toEqual({});
  });
  it('refuses an end before the start', () => {
    expect(windowProblems({ start: later(180), end: later(60) }, now)).toHaveProperty('to');
  });
  it('refuses a zero-length window', () => {
    expect(windowProblems({ start: later(60), end: later(60) }, now)).toHaveProperty('to');
  });
  it('refuses a start in the past, beyond a few minutes of grace', () => {
    expect(windowProblems({ start: later(-3), end: later(60) }, now)).toEqual({});
    expect(windowProblems({ start: later(-6), end: later(60) }, now)).toHaveProperty('from');
  });
  it('refuses an absurd length', () => {
    expect(windowProblems({ start: later(60), end: later(60 + 15 * 24 * 60) }, now)).toHaveProperty('to');
  });
  it('refuses invalid dates', () => {
    expect(windowProblems({ start: new Date(Number.NaN), end: later(60) }, now)).toHaveProperty('from');
  });
});
