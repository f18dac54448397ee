import type { ErrorEntries } from './errors';

/** One line of a CSV import that cannot be taken: its line number and what is wrong, in German. */
export type ImportLineProblem = { line: number; problems: string[] };

/** The refusals of the people administration (invitations, links, deactivation, import). */
export const peopleErrors = {
  LINK_UNKNOWN: {
    trpc: 'NOT_FOUND',
    de: 'Dieser Link ist ungültig oder wurde durch einen neueren ersetzt. Bitte den Link aus der neuesten E-Mail verwenden oder bei der Fuhrparkverwaltung einen neuen anfordern.',
    en: 'This link is not valid or has been replaced by a newer one. Please use the link from the latest e-mail or ask the fleet office for a new one.',
  },
  LINK_USED: {
    trpc: 'PRECONDITION_FAILED',
    de: 'Dieser Link wurde bereits verwendet und gilt nicht mehr. Bitte melden Sie sich mit Ihrem Passwort an oder fordern Sie über „Passwort vergessen?“ einen neuen Link an.',
    en: 'This link has already been used and is no longer valid. Please sign in with your password or request a new link through “Forgot password?”.',
  },
  LINK_EXPIRED: {
    trpc: 'PRECONDITION_FAILED',
    de: 'Dieser Link ist abgelaufen. Bitte fordern Sie bei der Fuhrparkverwaltung eine neue Einladung oder über „Passwort vergessen?“ einen neuen Link an.',
    en: 'This link has expired. Please ask the fleet office for a new invitation or request a new link through “Forgot password?”.',
  },
  ACCOUNT_DEACTIVATED: {
    trpc: 'FORBIDDEN',
    de: 'Ihr Konto ist deaktiviert. Bitte wenden Sie sich an die Fuhrparkverwaltung Ihrer Kommune.',
    en: 'Your account is deactivated. Please contact the fleet office of your municipality.',
  },
  PERSON_DEACTIVATED: {
    trpc: 'PRECONDITION_FAILED',
    de: 'Diese Person ist deaktiviert. Bitte zuerst wieder aktivieren.',
    en: 'This person is deactivated. Please reactivate them first.',
  },
  PERSON_HAS_PASSWORD: {
    trpc: 'PRECONDITION_FAILED',
    de: 'Diese Person hat bereits ein Passwort gesetzt. Ein neues kann sie über „Passwort vergessen?“ anfordern.',
    en: 'This person has already set a password. They can request a new one through “Forgot password?”.',
  },
  DEACTIVATE_SELF: {
    trpc: 'FORBIDDEN',
    de: 'Sie können Ihr eigenes Konto nicht deaktivieren.',
    en: 'You cannot deactivate your own account.',
  },
  CHANGE_OWN_ROLE: {
    trpc: 'FORBIDDEN',
    de: 'Ihre eigene Rolle und Kommune ändert eine andere Fuhrparkleitung oder der Betreiber.',
    en: 'Your own role and municipality are changed by another fleet manager or the operator.',
  },
  PASSWORD_RESET_THROTTLED: {
    trpc: 'TOO_MANY_REQUESTS',
    de: 'Zu viele Anfragen von diesem Anschluss. Bitte versuchen Sie es in einer Viertelstunde erneut.',
    en: 'Too many requests from this connection. Please try again in a quarter of an hour.',
  },
  IMPORT_REFUSED: {
    trpc: 'BAD_REQUEST',
    de: 'Die Datei wurde nicht importiert: Mindestens eine Zeile ist fehlerhaft. Es wurde niemand angelegt.',
    en: 'The file was not imported: at least one line is faulty. Nobody was added.',
    // As errors.ts `carries` declares it (a type only); that helper is not imported, errors.ts imports this file.
    details: {} as { readonly detailsType?: { lines: ImportLineProblem[] } },
  },
} as const satisfies ErrorEntries;
