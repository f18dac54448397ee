import { describe, expect, it } from 'vitest';
import { calendarOptions as context } from '../calendar/test-support';
import { signInLocked } from './sign-in-mails';

describe('signInLocked', () => {
  const person = { name: 'Anna Müller', email: 'anna.mueller@brandis.example' };
  const mail = signInLocked(person, { failures: 5, lockedUntil: new Date('2026-12-01T09:01:00Z') }, context);

  it('tells the person in German how often, until when (local time) and who lifts the lock', () => {
    expect(mail.to).toEqual(person);
    expect(mail.subject).toBe('Anmeldung vorübergehend gesperrt');
    expect(mail.text).toContain('Guten Tag Anna Müller,');
    expect(mail.text).toContain('5-mal hintereinander ein falsches Passwort');
    expect(mail.text).toContain('bis Di., 01.12.2026, 10:01 Uhr gesperrt');
    expect(mail.text).toContain('Fuhrparkverwaltung Ihrer Kommune');
    expect(mail.html).toContain('href="https://mobil.partheland.example/anmelden"');
    expect(mail.icalEvent).toBeUndefined();
  });
});
