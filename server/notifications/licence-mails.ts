import type { Person } from '../calendar/types';
import { compose, type MailContext, type MailMessage } from './message';

const germanDate = (isoDate: string) => isoDate.split('-').reverse().join('.');

/**
 * A licence check runs out soon: to the person (book and drive on after the date only with a new
 * check) or to one of their fleet managers (who arranges it).
 */
export function licenceExpiring(
  recipient: Person,
  person: Person,
  toPerson: boolean,
  validUntil: string,
  context: MailContext,
): MailMessage {
  const until = germanDate(validUntil);
  const appUrl = context.appUrl.replace(/\/+$/, '');
  if (toPerson)
    return compose(context, {
      to: recipient,
      subject: `Ihre Führerscheinkontrolle läuft am ${until} ab`,
      intro: [
        `Ihre Führerscheinkontrolle ist bis zum ${until} gültig. Danach können Sie keine Dienstwagen mehr buchen, und Ihre Buchungen nach diesem Tag werden gesperrt.`,
        'Bitte lassen Sie Ihren Führerschein rechtzeitig vorher bei Ihrer Fuhrparkverwaltung kontrollieren.',
      ],
      action: { label: 'Meine Buchungen', url: `${appUrl}/buchungen` },
    });
  return compose(context, {
    to: recipient,
    subject: `Führerscheinkontrolle von ${person.name} läuft am ${until} ab`,
    intro: [
      `Die Führerscheinkontrolle von ${person.name} (${person.email}) ist bis zum ${until} gültig. Danach kann ${person.name} keine Dienstwagen mehr buchen, und Buchungen nach diesem Tag werden gesperrt.`,
      'Bitte vereinbaren Sie rechtzeitig eine neue Kontrolle. Die Person ist ebenfalls benachrichtigt.',
    ],
  });
}
