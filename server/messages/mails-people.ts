import type { Language } from './language';

/** The mails about a person's account: invitation and password reset (German and English). */
const de = {
  invitation: {
    subject: (product: string) => `Einladung zu ${product}`,
    intro: (by: string, municipality: string, product: string) => [
      `${by} hat Sie zu ${product} eingeladen, dem Dienstwagen-Carsharing ${municipality}.`,
      'Über den Link unten legen Sie Ihr Passwort fest; danach können Sie Dienstwagen buchen.',
    ],
    outro: (until: string) => [
      `Der Link gilt einmal und bis ${until} Uhr. Danach kann Ihnen die Fuhrparkverwaltung eine neue Einladung senden.`,
    ],
    action: 'Passwort festlegen',
  },
  passwordReset: {
    subject: 'Neues Passwort festlegen',
    intro: [
      'Für Ihr Konto wurde ein neues Passwort angefordert. Über den Link unten legen Sie es fest; Ihr bisheriges Passwort gilt dann nicht mehr, und alle Anmeldungen auf anderen Geräten enden.',
    ],
    outro: (until: string) => [
      `Der Link gilt einmal und bis ${until} Uhr.`,
      'Haben Sie kein neues Passwort angefordert, können Sie diese E-Mail ignorieren: Ihr Passwort bleibt, wie es ist.',
    ],
    action: 'Neues Passwort festlegen',
  },
};

const en: typeof de = {
  invitation: {
    subject: (product: string) => `Invitation to ${product}`,
    intro: (by: string, municipality: string, product: string) => [
      `${by} has invited you to ${product}, the pool car sharing of ${municipality}.`,
      'Set your password through the link below; then you can book pool cars.',
    ],
    outro: (until: string) => [
      `The link works once and until ${until}. After that, the fleet office can send you a new invitation.`,
    ],
    action: 'Set password',
  },
  passwordReset: {
    subject: 'Set a new password',
    intro: [
      'A new password was requested for your account. Set it through the link below; your previous password then no longer works, and every sign-in on other devices ends.',
    ],
    outro: (until: string) => [
      `The link works once and until ${until}.`,
      'If you did not ask for a new password, you can ignore this e-mail: your password stays as it is.',
    ],
    action: 'Set new password',
  },
};

export const peopleMailTexts = (language: Language): typeof de => (language === 'en' ? en : de);
