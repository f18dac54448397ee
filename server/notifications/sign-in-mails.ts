import type { Person } from '../calendar/types';
import { mailTexts } from './booking-mails';
import { formatDateTime } from './format';
import { compose, type MailContext, type MailMessage } from './message';

export type SignInLock = { failures: number; lockedUntil: Date };

/**
 * To the person whose password was guessed at: what happened, until when sign-in is held back,
 * and who lifts the lock early. The mail says nothing about where the attempts came from.
 */
export function signInLocked(person: Person, lock: SignInLock, context: MailContext): MailMessage {
  const texts = mailTexts(context);
  const t = texts.signInLocked;
  return compose(context, {
    to: person,
    subject: t.subject,
    intro: t.intro(lock.failures, formatDateTime(lock.lockedUntil, context.timeZone, context.language)),
    action: { label: texts.actions.signIn, url: `${context.appUrl.replace(/\/+$/, '')}/anmelden` },
  });
}
