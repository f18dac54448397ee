import { describe, expect, it } from 'vitest';
import { signInFailureMessage } from './failure-message';

describe('signInFailureMessage', () => {
  it('says how long to wait after too many attempts, with the seconds from the server', () => {
    expect(signInFailureMessage({ status: 429, retryAfter: 57 })).toBe(
      'Zu viele Versuche – bitte in 57 Sekunden erneut versuchen',
    );
  });

  it('does not invent a number the server did not send', () => {
    expect(signInFailureMessage({ status: 429 })).toBe('Zu viele Versuche – bitte später erneut versuchen');
    expect(signInFailureMessage({ status: 429, retryAfter: 'bald' })).toBe(
      'Zu viele Versuche – bitte später erneut versuchen',
    );
  });

  it('keeps the wrong-password sentence for everything else', () => {
    expect(signInFailureMessage({ status: 401 })).toBe('E-Mail-Adresse oder Passwort ist falsch.');
  });

  it('says a deactivated account is deactivated (the server says so only after the right password)', () => {
    expect(signInFailureMessage({ status: 403, code: 'ACCOUNT_DEACTIVATED' })).toMatch(
      /Ihr Konto ist deaktiviert/,
    );
  });
});
