import { describe, expect, it } from 'vitest';
import { createBookingInput, createSeriesInput, reasonInput } from './bookings/schema';
import { provisionBoxInput, registerGatewayInput, resultInput } from './telematics/schema';
import { multiLineText, singleLineText } from './validation';

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message) ?? [];

describe('free text', () => {
  const line = singleLineText({ max: 20 });
  const lines = multiLineText({ min: 3, max: 40 });

  it('keeps ordinary text, umlauts and emoji, trimmed', () => {
    expect(line.parse('  Dienstfahrt Größ 🚗 ')).toBe('Dienstfahrt Größ 🚗');
    expect(lines.parse('Erste Zeile\nzweite\r\nZeile')).toBe('Erste Zeile\nzweite\r\nZeile');
  });

  it.each(['\u0000', '\u0007', '\t', '\u001b[31m', '\u007f', '\u0085', '\u009b'])(
    'refuses control character %j in both kinds',
    (control) => {
      expect(messages(line.safeParse(`a${control}b`))).toEqual([
        'Bitte ohne Steuerzeichen und Zeilenumbrüche eingeben.',
      ]);
      expect(messages(lines.safeParse(`abc${control}d`))).toEqual(['Bitte ohne Steuerzeichen eingeben.']);
    },
  );

  it('refuses line breaks inside single-line text only', () => {
    expect(line.safeParse('a\nb').success).toBe(false);
    expect(line.safeParse('a\rb').success).toBe(false);
    expect(lines.safeParse('abc\nd').success).toBe(true);
  });

  it('still applies the length limits', () => {
    expect(line.safeParse('x'.repeat(21)).success).toBe(false);
    expect(lines.safeParse('x'.repeat(41)).success).toBe(false);
    expect(lines.safeParse(' ab ').success).toBe(false);
  });
});

describe('every free-text input refuses NUL', () => {
  const id = '00000000-0000-4000-8000-000000000000';
  const nul = 'Text\u0000mit NUL';
  it.each([
    [
      'bookings.create purpose',
      createBookingInput,
      { vehicleId: id, from: new Date(), to: new Date(), purpose: nul },
    ],
    [
      'bookings.createSeries purpose',
      createSeriesInput,
      { vehicleId: id, firstDay: '2026-12-01', startTime: '08:00', endTime: '09:00', weeks: 1, purpose: nul },
    ],
    ['bookings reason', reasonInput, { id, reason: nul }],
    ['gateway name', registerGatewayInput, { stationId: id, name: nul }],
    ['box firmware', provisionBoxInput, { vehicleId: id, address: 'AA:BB:CC:DD:EE:FF', firmware: nul }],
    ['gateway failure detail', resultInput, { jobId: id, failure: 'TIMEOUT', detail: nul }],
  ] as const)('%s', (_name, schema, input) => {
    expect(schema.safeParse(input).success).toBe(false);
  });
});
