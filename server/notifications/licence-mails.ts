import type { Person } from '../calendar/types';
import { mailTexts } from './booking-mails';
import { formatDay } from './format';
import { compose, type MailContext, type MailMessage } from './message';

/**
 * A licence check runs out soon: to the person (book and drive on after the date only with a new
 * check) or to one of their fleet managers (who arranges it).
 */
export function licenceExpiring(
  recipient: Person,
  person: Person & { id: string },
  toPerson: boolean,
  validUntil: string,
  context: MailContext,
): MailMessage {
  const texts = mailTexts(context);
  const t = texts.licence;
  const until = formatDay(validUntil, context.language);
  const appUrl = context.appUrl.replace(/\/+$/, '');
  if (toPerson)
    return compose(context, {
      to: recipient,
      subject: t.subject(until),
      intro: t.intro(until),
      action: { label: texts.actions.myBookings, url: `${appUrl}/buchungen` },
    });
  return compose(context, {
    to: recipient,
    subject: t.managerSubject(person.name, until),
    intro: t.managerIntro(person.name, person.email, until),
    // Straight to the person's record form: the check, once recorded, renews their gate.
    action: {
      label: texts.actions.recordLicenceCheck,
      url: `${appUrl}/fuhrpark/fuehrerscheine?person=${encodeURIComponent(person.id)}`,
    },
  });
}
