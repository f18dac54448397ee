import type { Person } from '../calendar/types';
import { formatDateTime } from './format';
import { compose, type MailContext, type MailMessage } from './message';

export type SignInLock = { failures: number; lockedUntil: Date };

/**
 * To the person whose password was guessed at: what happened, until when sign-in is held back,
 * and who lifts the lock early. The mail says nothing about where the attempts came from.
 */
export function signInLocked(person: Person, lock: SignInLock, context: MailContext): MailMessage {
  return compose(context, {
    to: person,
    subject: 'Anmeldung vorübergehend gesperrt',
    intro: [
      `Für Ihren Zugang wurde ${lock.failures}-mal hintereinander ein falsches Passwort eingegeben. Zum Schutz Ihres Kontos ist die Anmeldung deshalb bis ${formatDateTime(lock.lockedUntil, context.timeZone)} Uhr gesperrt; jeder weitere Fehlversuch verlängert die Sperre.`,
      'Waren Sie das selbst, warten Sie bitte ab und melden Sie sich dann wie gewohnt an.',
      'Waren Sie es nicht, wenden Sie sich bitte an die Fuhrparkverwaltung Ihrer Kommune. Sie kann die Sperre sofort aufheben.',
    ],
    action: { label: 'Zur Anmeldung', url: `${context.appUrl.replace(/\/+$/, '')}/anmelden` },
  });
}
