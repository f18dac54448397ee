import type { Person } from '../calendar/types';
import { peopleMailTexts } from '../messages/mails-people';
import { formatDateTime } from './format';
import { compose, type MailContext, type MailMessage } from './message';

export type Invitation = {
  link: string;
  invitedBy: string;
  municipality: { name: string; genitive: string };
  expiresAt: Date;
};

/** To a person a fleet manager invited: who invited them, and the link that sets their password. */
export function invitationMail(person: Person, invitation: Invitation, context: MailContext): MailMessage {
  const t = peopleMailTexts(context.language).invitation;
  const municipality =
    context.language === 'de' ? invitation.municipality.genitive : invitation.municipality.name;
  return compose(context, {
    to: person,
    subject: t.subject(context.productName),
    intro: t.intro(invitation.invitedBy, municipality, context.productName),
    outro: t.outro(formatDateTime(invitation.expiresAt, context.timeZone, context.language)),
    action: { label: t.action, url: invitation.link },
  });
}

/** To a person who asked for a new password: the link, how long it holds, and what to do if it was not them. */
export function passwordResetMail(
  person: Person,
  reset: { link: string; expiresAt: Date },
  context: MailContext,
): MailMessage {
  const t = peopleMailTexts(context.language).passwordReset;
  return compose(context, {
    to: person,
    subject: t.subject,
    intro: t.intro,
    outro: t.outro(formatDateTime(reset.expiresAt, context.timeZone, context.language)),
    action: { label: t.action, url: reset.link },
  });
}
