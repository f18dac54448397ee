import { describe, expect, it } from 'vitest';
import { licenceValidUntil, parseRestrictions } from './licence-rules';

describe('a licence check’s next due date', () => {
  it('is the interval after the check, kept inside a shorter month', () => {
    expect(licenceValidUntil('2026-06-15', 6, null)).toBe('2026-12-15');
    expect(licenceValidUntil('2026-08-31', 6, null)).toBe('2027-02-28');
    expect(licenceValidUntil('2027-08-31', 6, '2035-01-01')).toBe('2028-02-29');
    expect(licenceValidUntil('2026-01-31', 3, null)).toBe('2026-04-30');
  });

  it('is the card’s expiry when that comes first', () => {
    expect(licenceValidUntil('2026-06-15', 6, '2026-09-30')).toBe('2026-09-30');
    expect(licenceValidUntil('2026-06-15', 6, '2026-12-15')).toBe('2026-12-15');
    expect(licenceValidUntil('2026-06-15', 6, '2026-12-16')).toBe('2026-12-15');
    expect(licenceValidUntil('2026-06-15', 12, '2026-06-15')).toBe('2026-06-15');
  });
});

describe('restriction codes of field 12', () => {
  it('take harmonised and national codes, sub-codes and a class, comma separated', () => {
    expect(parseRestrictions('01, 78, 96, B96')).toEqual({ codes: ['01', '78', '96', 'B96'] });
    expect(parseRestrictions('01.06,  95.01.01.30 ,104, c1e 79.06')).toEqual({
      codes: ['01.06', '95.01.01.30', '104', 'C1E79.06'],
    });
    expect(parseRestrictions('78, 78')).toEqual({ codes: ['78'] });
    expect(parseRestrictions('')).toEqual({ codes: [] });
    expect(parseRestrictions(' , ')).toEqual({ codes: [] });
  });

  it('name every entry that is no code', () => {
    expect(parseRestrictions('1, 00, 78, X96, 01.6, 1000, Brille')).toEqual({
      invalid: ['1', '00', 'X96', '01.6', '1000', 'Brille'],
    });
    expect(parseRestrictions('01;78')).toEqual({ invalid: ['01;78'] });
  });
});
