import { describe, expect, it } from 'vitest';
import { addMonths, dueState, isDay, regionToday, startOfDay } from './due';
import { inspectionBlockWindow, inspectionDue } from './inspection-rules';

describe('due dates', () => {
  it('add calendar months, kept inside a shorter month', () => {
    expect(addMonths('2026-01-15', 6)).toBe('2026-07-15');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-12-31', 12)).toBe('2027-12-31');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('stand as missing, overdue from the day after, due within 30 days, else valid', () => {
    expect(dueState(null, '2026-12-03')).toBe('missing');
    expect(dueState('2026-12-02', '2026-12-03')).toBe('overdue');
    expect(dueState('2026-12-03', '2026-12-03')).toBe('due');
    expect(dueState('2027-01-02', '2026-12-03')).toBe('due');
    expect(dueState('2027-01-03', '2026-12-03')).toBe('valid');
  });

  it('reckon today and midnight in the region, through the clock change', () => {
    expect(regionToday(new Date('2026-12-02T23:30:00Z'), 'Europe/Berlin')).toBe('2026-12-03');
    expect(startOfDay('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDay('2026-03-30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });

  it('accept real calendar days only', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2026-02-30')).toBe(false);
    expect(isDay('26-02-01')).toBe(false);
  });
});

describe('UVV inspection', () => {
  const now = new Date('2026-12-03T09:00:00Z');
  it('is due a year after, a leap day kept inside February', () => {
    expect(inspectionDue('2026-12-03')).toBe('2027-12-03');
    expect(inspectionDue('2028-02-29')).toBe('2029-02-28');
  });

  it('blocks the car from the day after its due date, at once when that has passed or it failed, until the next inspection', () => {
    const coming = inspectionBlockWindow('passed', '2027-12-03', now, 'Europe/Berlin');
    expect(coming.from.toISOString()).toBe('2027-12-03T23:00:00.000Z');
    // No end of its own: a car never inspected stays blocked past every booking horizon (five years).
    expect(coming.to.getTime() - coming.from.getTime()).toBe(5 * 366 * 24 * 3_600_000);
    const late = inspectionBlockWindow('passed_with_defects', '2026-11-30', now, 'Europe/Berlin');
    expect(late.from).toEqual(now);
    const failed = inspectionBlockWindow(
      'failed',
      '2027-12-03',
      new Date('2026-12-03T09:00:40Z'),
      'Europe/Berlin',
    );
    expect(failed.from).toEqual(now);
  });
});
