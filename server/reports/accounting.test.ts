import { describe, expect, it } from 'vitest';
import { ibanIsValid, leitwegIdIsValid } from './accounting';

describe('check digits of accounting data', () => {
  it('accepts an IBAN whose mod-97 check holds and refuses one digit changed', () => {
    expect(ibanIsValid('DE89370400440532013000')).toBe(true);
    expect(ibanIsValid('DE89370400440532013001')).toBe(false);
    expect(ibanIsValid('DE8937040044')).toBe(false);
  });

  it('accepts KoSIT’s example Leitweg-ID and refuses a wrong check digit or form', () => {
    expect(leitwegIdIsValid('04011000-1234512345-06')).toBe(true);
    expect(leitwegIdIsValid('04011000-1234512345-07')).toBe(false);
    // Letters in the fine address count as 10–35, as in an IBAN.
    expect(leitwegIdIsValid('14729060-BRA-78')).toBe(true);
    expect(leitwegIdIsValid('14729060-BRA-77')).toBe(false);
    expect(leitwegIdIsValid('1-BRA-78')).toBe(false);
  });
});
