import { describe, expect, it } from 'vitest';
import { readEnv } from '../env';
import { retentionSettings } from './retention';
import { monthsBefore, retentionCutoff } from './rules';

describe('the retention cutoff', () => {
  it('goes back whole calendar months, kept inside a shorter month', () => {
    expect(monthsBefore('2026-12-02', 24)).toBe('2024-12-02');
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2028-03-31', 1)).toBe('2028-02-29');
    expect(monthsBefore('2026-01-15', 13)).toBe('2024-12-15');
  });
  it('is local midnight of that day: winter time (UTC+1) and summer time (UTC+2)', () => {
    // 02:30 in Berlin on 2 December 2026 is still 1 December in UTC: the local date counts.
    expect(retentionCutoff(new Date('2026-12-02T01:30:00Z'), 24, 'Europe/Berlin').toISOString()).toBe(
      '2024-12-01T23:00:00.000Z',
    );
    expect(retentionCutoff(new Date('2026-08-10T12:00:00Z'), 24, 'Europe/Berlin').toISOString()).toBe(
      '2024-08-09T22:00:00.000Z',
    );
  });
});

describe('the retention setting', () => {
  it('takes RETENTION_MONTHS, 24 unless set, and names it when malformed', () => {
    expect(retentionSettings(readEnv({ NODE_ENV: 'test' }))).toEqual({
      months: 24,
      timeZone: 'Europe/Berlin',
    });
    expect(retentionSettings(readEnv({ NODE_ENV: 'test', RETENTION_MONTHS: '36' })).months).toBe(36);
    expect(() => readEnv({ NODE_ENV: 'test', RETENTION_MONTHS: '0' })).toThrow('RETENTION_MONTHS');
  });
});
