import { describe, expect, it } from 'vitest';
import {
  clip,
  daysInMonth,
  elapsedHours,
  monthOf,
  periodBounds,
  proratedFixedCost,
  settlementAmount,
} from './rules';

const BERLIN = 'Europe/Berlin';

describe('period bounds from local dates', () => {
  it('makes the day summer time ends 25 hours long', () => {
    const day = periodBounds('2026-10-25', '2026-10-26', BERLIN);
    expect(day.start.toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(day.end.toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(elapsedHours(day)).toBe(25);
  });
  it('makes the day summer time starts 23 hours long', () => {
    expect(elapsedHours(periodBounds('2026-03-29', '2026-03-30', BERLIN))).toBe(23);
  });
  it('gives October 2026 31 × 24 + 1 hours', () => {
    expect(elapsedHours(periodBounds('2026-10-01', '2026-11-01', BERLIN))).toBe(745);
  });
  it('refuses an empty period', () => {
    expect(() => periodBounds('2026-10-02', '2026-10-02', BERLIN)).toThrow(RangeError);
  });
});

describe('months', () => {
  it('knows the next month across a year', () => {
    expect(monthOf('2026-12-17')).toEqual({ first: '2026-12-01', next: '2027-01-01' });
    expect(daysInMonth('2028-02-03')).toBe(29);
  });
});

describe('prorated fixed costs', () => {
  const october = Array.from({ length: 31 }, (_, i) => `2026-10-${String(i + 1).padStart(2, '0')}`);
  it('charges a car commissioned on the 11th for 21 of 31 days', () => {
    const days = october.map((day) => ({ day, inService: day >= '2026-10-11' }));
    expect(proratedFixedCost(days, [{ validFrom: '2026-01-01', monthly: 310 }])).toBeCloseTo(210, 10);
  });
  it('keeps the 1st–14th at the old rate when the rate changes on the 15th', () => {
    const days = october.map((day) => ({ day, inService: true }));
    const rates = [
      { validFrom: '2026-01-01', monthly: 310 },
      { validFrom: '2026-10-15', monthly: 620 },
    ];
    // 14 days × 10 + 17 days × 20
    expect(proratedFixedCost(days, rates)).toBeCloseTo(480, 10);
  });
});

describe('clipping', () => {
  const at = (h: number) => new Date(Date.UTC(2026, 9, 1, h));
  it('treats touching ranges as not meeting', () => {
    expect(clip({ start: at(8), end: at(10) }, { start: at(10), end: at(12) })).toBeNull();
  });
  it('keeps the inside part', () => {
    expect(clip({ start: at(8), end: at(11) }, { start: at(10), end: at(12) })).toEqual({
      start: at(10),
      end: at(11),
    });
  });
});

describe('settlement amount', () => {
  it('charges hours and km, a no-show hours only', () => {
    expect(settlementAmount({ hours: 3, km: 42.5, noShow: false }, { perHour: 4, perKm: 0.3 })).toBe(24.75);
    expect(settlementAmount({ hours: 3, km: 42.5, noShow: true }, { perHour: 4, perKm: 0.3 })).toBe(12);
  });
});
