import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldIssue } from './field-issues';
import { inLanguage } from './language';
import '../trpc';

const field = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues[0]?.message;

describe('field messages', () => {
  it('names limits in plain German, not the developer’s notation', () => {
    expect(field(z.number().min(15), 3)).toBe('Der Wert muss mindestens 15 sein.');
    expect(field(z.number().max(2000), 2500)).toBe('Der Wert muss höchstens 2.000 sein.');
    expect(field(z.string().max(200), 'x'.repeat(201))).toBe('Bitte höchstens 200 Zeichen eingeben.');
    expect(field(z.number(), 'zwei')).toBe('Bitte eine Zahl angeben.');
    expect(field(z.string(), undefined)).toBe('Bitte ausfüllen.');
    expect(field(z.email(), 'nein')).toBe('Bitte eine gültige E-Mail-Adresse angeben.');
    expect(field(z.enum(['ev', 'ice']), 'gas')).toBe('Bitte einen der angebotenen Werte wählen.');
  });

  it('says the same in English while answering an English-speaking person', () => {
    inLanguage('en', () => {
      expect(field(z.number().min(15), 3)).toBe('The value must be at least 15.');
      expect(field(z.number().max(2000), 2500)).toBe('The value must be at most 2,000.');
      expect(field(z.string().max(200), 'x'.repeat(201))).toBe('Please enter at most 200 characters.');
      expect(field(z.number(), 'two')).toBe('Please enter a number.');
      expect(field(z.string(), undefined)).toBe('Please fill in.');
      expect(field(z.email(), 'no')).toBe('Please enter a valid e-mail address.');
      expect(field(z.number().gt(0), 0)).toBe('The value must be more than 0.');
      // No sentence of ours: zod's English locale, not its German one.
      expect(field(z.string().regex(/^a/), 'b')).toBe('This entry does not have the expected form.');
      expect(field(z.object({ a: z.string() }).strict(), { a: 'x', b: 1 })).toMatch(/^Unrecognized key/);
    });
    expect(field(z.object({ a: z.string() }).strict(), { a: 'x', b: 1 })).toMatch(/^Unbekannte/);
  });

  it('leaves issues it has no sentence for to zod’s locale', () => {
    expect(fieldIssue({ code: 'custom' }, 'de')).toBeUndefined();
    expect(fieldIssue({ code: 'custom' }, 'en')).toBeUndefined();
  });
});
