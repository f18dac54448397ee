import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { germanIssue } from './errors';
import './trpc';

describe('germanIssue', () => {
  it('names limits in plain German, not the developer’s notation', () => {
    const field = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues[0]?.message;
    expect(field(z.number().min(15), 3)).toBe('Der Wert muss mindestens 15 sein.');
    expect(field(z.number().max(2000), 2500)).toBe('Der Wert muss höchstens 2.000 sein.');
    expect(field(z.string().max(200), 'x'.repeat(201))).toBe('Bitte höchstens 200 Zeichen eingeben.');
    expect(field(z.number(), 'zwei')).toBe('Bitte eine Zahl angeben.');
    expect(field(z.string(), undefined)).toBe('Bitte ausfüllen.');
    expect(field(z.email(), 'nein')).toBe('Bitte eine gültige E-Mail-Adresse angeben.');
    expect(field(z.enum(['ev', 'ice']), 'gas')).toBe('Bitte einen der angebotenen Werte wählen.');
  });

  it('leaves issues it has no sentence for to zod’s German locale', () => {
    expect(germanIssue({ code: 'custom' })).toBeUndefined();
  });
});
