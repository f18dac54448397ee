import { describe, expect, it } from 'vitest';
import { lastMonthPeriod, previousMonth } from './months';

describe('the month before today', () => {
  it('is the previous month of the same year, or December of the year before', () => {
    expect(previousMonth('2026-12-02')).toBe('2026-11');
    expect(previousMonth('2026-01-31')).toBe('2025-12');
  });

  it('as a period runs from its first day to the first day of this month', () => {
    expect(lastMonthPeriod('2026-03-15')).toEqual({ from: '2026-02-01', to: '2026-03-01' });
    expect(lastMonthPeriod('2027-01-01')).toEqual({ from: '2026-12-01', to: '2027-01-01' });
  });
});
