import { describe, expect, it } from 'vitest';
import {
  type BookingPolicy,
  type BookingRequest,
  defaultPolicy,
  licenceViolation,
  policyViolations,
} from './policy';

const timeZone = 'Europe/Berlin';
const now = new Date('2026-11-26T08:00:00Z'); // 09:00 in Berlin
const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);
const berlin = (iso: string) => new Date(iso); // ISO strings below carry their offset

const request = (overrides: Partial<BookingRequest> = {}): BookingRequest => ({
  change: 'create',
  window: { start: hours(24), end: hours(26) },
  now,
  timeZone,
  owner: { name: 'Stadt Brandis', genitive: 'der Stadt Brandis', dative: 'der Stadt Brandis' },
  sameMunicipality: true,
  futureBookingsOfPerson: 0,
  licenceCheckValidUntil: '2027-01-01',
  ...overrides,
});
const rules = (policy: Partial<BookingPolicy>, overrides: Partial<BookingRequest> = {}) =>
  policyViolations({ ...defaultPolicy, ...policy }, request(overrides)).map((v) => v.rule);

describe('booking policy', () => {
  it('lets an ordinary booking through', () => {
    expect(rules({})).toEqual([]);
  });

  it('names the horizon in German', () => {
    const [violation] = policyViolations(
      { ...defaultPolicy, horizonDays: 60 },
      request({ window: { start: hours(61 * 24), end: hours(61 * 24 + 2) } }),
    );
    expect(violation?.message.de).toBe('Buchungen sind höchstens 60 Tage im Voraus möglich.');
    expect(
      rules({ horizonDays: 60 }, { window: { start: hours(59 * 24), end: hours(59 * 24 + 2) } }),
    ).toEqual([]);
  });

  it('limits the duration', () => {
    expect(rules({ maxDurationMinutes: 8 * 60 }, { window: { start: hours(24), end: hours(33) } })).toEqual([
      'MAX_DURATION',
    ]);
    expect(rules({ maxDurationMinutes: 8 * 60 }, { window: { start: hours(24), end: hours(32) } })).toEqual(
      [],
    );
  });

  it('asks for the lead time', () => {
    expect(rules({ minLeadMinutes: 120 }, { window: { start: hours(1), end: hours(3) } })).toEqual([
      'LEAD_TIME',
    ]);
    expect(rules({ minLeadMinutes: 120 }, { window: { start: hours(2), end: hours(4) } })).toEqual([]);
  });

  it('can keep cars for own staff', () => {
    expect(rules({ othersMayBook: false }, { sameMunicipality: false })).toEqual(['OTHERS_NOT_ALLOWED']);
    expect(rules({ othersMayBook: false }, { sameMunicipality: true })).toEqual([]);
  });

  it('names the owner with its article, in the case the sentence needs (from the region file)', () => {
    const sentences = (policy: Partial<BookingPolicy>, overrides: Partial<BookingRequest>) =>
      policyViolations({ ...defaultPolicy, ...policy }, request(overrides)).map((v) => v.message.de);
    const market = {
      owner: {
        name: 'Markt Falkenstein',
        genitive: 'des Marktes Falkenstein',
        dative: 'dem Markt Falkenstein',
      },
    };
    expect(sentences({ othersMayBook: false }, { ...market, sameMunicipality: false })).toEqual([
      'Fahrzeuge des Marktes Falkenstein können nur von eigenen Mitarbeitenden gebucht werden.',
    ]);
    expect(sentences({ maxFutureBookingsPerPerson: 2 }, { ...market, futureBookingsOfPerson: 2 })).toEqual([
      'Sie haben bereits 2 anstehende Buchungen bei dem Markt Falkenstein; mehr als 2 sind nicht möglich.',
    ]);
    expect(sentences({ othersMayBook: false }, { sameMunicipality: false })).toEqual([
      'Fahrzeuge der Stadt Brandis können nur von eigenen Mitarbeitenden gebucht werden.',
    ]); // English has no cases: the plain name.
    const [english] = policyViolations(
      { ...defaultPolicy, othersMayBook: false },
      request({ ...market, sameMunicipality: false }),
    );
    expect(english?.message.en).toBe('Cars of Markt Falkenstein can only be booked by its own staff.');
  });

  it("holds other municipalities' staff to the hours, in Berlin wall time", () => {
    const policy = { othersFrom: '07:00', othersUntil: '18:00' };
    const inside = { start: berlin('2026-11-27T07:00:00+01:00'), end: berlin('2026-11-27T18:00:00+01:00') };
    expect(rules(policy, { sameMunicipality: false, window: inside })).toEqual([]);
    const late = { start: berlin('2026-11-27T16:00:00+01:00'), end: berlin('2026-11-27T18:30:00+01:00') };
    expect(rules(policy, { sameMunicipality: false, window: late })).toEqual(['OTHERS_HOURS']);
    const overnight = {
      start: berlin('2026-11-27T08:00:00+01:00'),
      end: berlin('2026-11-28T09:00:00+01:00'),
    };
    expect(rules(policy, { sameMunicipality: false, window: overnight })).toEqual(['OTHERS_HOURS']);
    // Own staff are not bound by the hours.
    expect(rules(policy, { sameMunicipality: true, window: late })).toEqual([]);
  });

  it('reads the hours in summer time too', () => {
    const policy = { othersFrom: '07:00', othersUntil: '18:00' };
    const july = { start: berlin('2027-07-06T07:00:00+02:00'), end: berlin('2027-07-06T09:00:00+02:00') };
    const juneNow = new Date('2027-07-01T08:00:00Z');
    expect(
      rules(
        { ...policy, horizonDays: 365 },
        { sameMunicipality: false, window: july, now: juneNow, licenceCheckValidUntil: '2028-01-01' },
      ),
    ).toEqual([]);
  });

  it('counts future bookings for fairness', () => {
    expect(rules({ maxFutureBookingsPerPerson: 3 }, { futureBookingsOfPerson: 3 })).toEqual([
      'MAX_FUTURE_BOOKINGS',
    ]);
    expect(rules({ maxFutureBookingsPerPerson: 3 }, { futureBookingsOfPerson: 2 })).toEqual([]);
  });
});

describe('a change of a booking', () => {
  const changed = (change: BookingRequest['change'], policy: Partial<BookingPolicy>, overrides = {}) =>
    rules(policy, { change, ...overrides });

  it('is held to every rule about the window and the person', () => {
    const late = { start: berlin('2026-11-27T16:00:00+01:00'), end: berlin('2026-11-27T18:30:00+01:00') };
    const policy = { othersFrom: '07:00', othersUntil: '18:00', maxDurationMinutes: 120 };
    for (const change of ['extend', 'move'] as const) {
      expect(changed(change, policy, { sameMunicipality: false, window: late })).toEqual([
        'MAX_DURATION',
        'OTHERS_HOURS',
      ]);
      expect(changed(change, { othersMayBook: false }, { sameMunicipality: false })).toEqual([
        'OTHERS_NOT_ALLOWED',
      ]);
      expect(changed(change, {}, { licenceCheckValidUntil: '2026-11-03' })).toEqual(['LICENCE_CHECK']);
    }
  });

  it('keeps its start, so neither lead time nor horizon nor the count asks again', () => {
    const running = { window: { start: hours(-1), end: hours(3) }, futureBookingsOfPerson: 5 };
    const strict = { minLeadMinutes: 120, maxFutureBookingsPerPerson: 5 };
    expect(changed('create', strict, running)).toEqual(['LEAD_TIME', 'MAX_FUTURE_BOOKINGS']);
    expect(changed('extend', strict, running)).toEqual([]);
  });

  it('gives time back even when the licence check has run out', () => {
    expect(changed('shorten', {}, { licenceCheckValidUntil: '2026-11-03' })).toEqual([]);
  });
});

describe('licence gate', () => {
  it('blocks an overdue check with the date in German', () => {
    expect(licenceViolation('2026-11-03', now, timeZone)?.message.de).toBe(
      'Führerscheinkontrolle abgelaufen am 03.11.2026 – bitte beim Fuhrpark melden',
    );
  });
  it('says the same in English, with the date as English readers write it', () => {
    expect(licenceViolation('2026-11-03', now, timeZone)?.message.en).toBe(
      'Driving licence check expired on 03/11/2026 – please contact the fleet office',
    );
  });
  it('accepts a check valid until today, in the region', () => {
    expect(licenceViolation('2026-11-26', now, timeZone)).toBeNull();
    // 23:30 UTC on the 25th is already the 26th in Berlin.
    expect(licenceViolation('2026-11-25', new Date('2026-11-25T23:30:00Z'), timeZone)?.rule).toBe(
      'LICENCE_CHECK',
    );
  });
  it('blocks a person never checked', () => {
    expect(licenceViolation(null, now, timeZone)?.rule).toBe('LICENCE_CHECK');
  });
});
