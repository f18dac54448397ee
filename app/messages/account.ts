import { peopleDe } from './people';
import { ssoDe } from './sso';

/** Sign-in's, the password pages' and the profile's German texts: only those pages and the fleet's bring them (app/lib/texts-account.tsx). */
export const accountDe = {
  signIn: {
    title: 'Anmelden',
    email: 'E-Mail-Adresse',
    password: 'Passwort',
    submit: 'Anmelden',
    busy: 'Anmeldung läuft …',
    failed: 'E-Mail-Adresse oder Passwort ist falsch.',
    tooManyAttempts: (seconds: number) => `Zu viele Versuche – bitte in ${seconds} Sekunden erneut versuchen`,
    tooManyAttemptsLater: 'Zu viele Versuche – bitte später erneut versuchen',
    noSignUp: 'Zugänge vergibt der Fuhrpark Ihrer Kommune.',
    deactivated: 'Ihr Konto ist deaktiviert. Bitte wenden Sie sich an die Fuhrparkverwaltung Ihrer Kommune.',
  },
  sso: ssoDe,
  people: peopleDe,
};

export type AccountMessages = typeof accountDe;
