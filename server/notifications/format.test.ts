import { describe, expect, it } from 'vitest';
import { escapeHtml, formatDateTime, formatDay, formatRange, formatTime } from './format';

const zone = 'Europe/Berlin';

describe('German dates in the region zone', () => {
  it('writes weekday, date and time as people here read them', () => {
    expect(formatDateTime(new Date('2026-12-01T08:00:00Z'), zone, 'de')).toBe('Di., 01.12.2026, 09:00');
    expect(formatDateTime(new Date('2026-07-01T08:00:00Z'), zone, 'de')).toBe('Mi., 01.07.2026, 10:00');
  });

  it('shortens a range within one day and spells out one across midnight', () => {
    expect(formatRange(new Date('2026-12-01T08:00:00Z'), new Date('2026-12-01T11:30:00Z'), zone, 'de')).toBe(
      'Di., 01.12.2026, 09:00–12:30 Uhr',
    );
    expect(formatRange(new Date('2026-12-01T20:00:00Z'), new Date('2026-12-02T07:00:00Z'), zone, 'de')).toBe(
      'Di., 01.12.2026, 21:00 Uhr bis Mi., 02.12.2026, 08:00 Uhr',
    );
  });

  it('names the zone in the hour that happens twice, and only there', () => {
    expect(formatTime(new Date('2026-10-25T00:30:00Z'), zone, 'de')).toBe('02:30 MESZ');
    expect(formatTime(new Date('2026-10-25T01:30:00Z'), zone, 'de')).toBe('02:30 MEZ');
    expect(formatTime(new Date('2026-10-24T23:30:00Z'), zone, 'de')).toBe('01:30');
    expect(formatTime(new Date('2026-10-25T02:30:00Z'), zone, 'de')).toBe('03:30');
    expect(formatTime(new Date('2026-03-29T01:30:00Z'), zone, 'de')).toBe('03:30');
  });

  it('writes a calendar day without a zone to shift it', () => {
    expect(formatDay('2026-12-31', 'de')).toBe('31.12.2026');
    expect(formatDay('2026-12-31', 'en')).toBe('31/12/2026');
  });

  it('escapes what could break HTML', () => {
    expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;',
    );
  });
});

describe('English dates in the region zone', () => {
  it('keeps Berlin time and the weekday, in British order, without “Uhr”', () => {
    expect(formatDateTime(new Date('2026-12-01T08:00:00Z'), zone, 'en')).toBe('Tue, 01/12/2026, 09:00');
    expect(formatRange(new Date('2026-12-01T08:00:00Z'), new Date('2026-12-01T11:30:00Z'), zone, 'en')).toBe(
      'Tue, 01/12/2026, 09:00–12:30',
    );
    expect(formatRange(new Date('2026-12-01T20:00:00Z'), new Date('2026-12-02T07:00:00Z'), zone, 'en')).toBe(
      'Tue, 01/12/2026, 21:00 to Wed, 02/12/2026, 08:00',
    );
    expect(formatTime(new Date('2026-10-25T00:30:00Z'), zone, 'en')).toBe('02:30 CEST');
    expect(formatTime(new Date('2026-10-25T01:30:00Z'), zone, 'en')).toBe('02:30 CET');
  });
});
