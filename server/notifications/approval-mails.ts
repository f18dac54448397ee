import { bookingUrl } from '../calendar/ics';
import type { CalendarBooking, Person } from '../calendar/types';
import { bookingFacts, calendarFile } from './booking-mails';
import { formatDateTime } from './format';
import { compose, type MailContext, type MailMessage } from './message';

const when = (booking: CalendarBooking, context: MailContext) =>
  formatDateTime(booking.startsAt, context.timeZone);

/**
 * To the booker: the request is noted, not yet confirmed. The tentative .ics puts it in the
 * calendar now; approval (REQUEST) or refusal (CANCEL) later updates the same event by its UID.
 */
export function approvalPending(booking: CalendarBooking, context: MailContext): MailMessage {
  return compose(context, {
    to: booking.booker,
    subject: `Buchung angefragt: ${booking.vehicle.plate} am ${when(booking, context)}`,
    intro: [
      'Ihre Buchung muss von der Fuhrparkverwaltung der Kommune genehmigt werden, der das Fahrzeug gehört. Erst mit der Genehmigung ist sie verbindlich.',
      'Sie erhalten eine weitere Nachricht, sobald entschieden ist.',
    ],
    facts: bookingFacts(booking, context),
    action: { label: 'Anfrage ansehen', url: bookingUrl(booking.id, context.appUrl) },
    icalEvent: calendarFile(booking, 'REQUEST', context),
  });
}

/** The approvals page with this request picked out: where the fleet manager decides it. */
export function approvalUrl(bookingId: string, appUrl: string): string {
  const id = encodeURIComponent(bookingId);
  return `${appUrl.replace(/\/+$/, '')}/fuhrpark/freigaben?anfrage=${id}#anfrage-${id}`;
}

/** To a fleet manager who decides: what is asked, by whom, and where to answer. */
export function approvalRequested(
  booking: CalendarBooking,
  manager: Person,
  context: MailContext,
): MailMessage {
  return compose(context, {
    to: manager,
    subject: `Genehmigung erbeten: ${booking.vehicle.plate} am ${when(booking, context)}`,
    intro: [`${booking.booker.name} möchte ein Fahrzeug Ihrer Kommune buchen und bittet um Genehmigung.`],
    facts: [
      ['Gebucht von', `${booking.booker.name} <${booking.booker.email}>`],
      ...bookingFacts(booking, context),
    ],
    action: { label: 'Anfrage prüfen', url: approvalUrl(booking.id, context.appUrl) },
  });
}

export function approvalGranted(booking: CalendarBooking, context: MailContext): MailMessage {
  return compose(context, {
    to: booking.booker,
    subject: `Buchung genehmigt: ${booking.vehicle.plate} am ${when(booking, context)}`,
    intro: [
      'Ihre Buchung wurde genehmigt und ist jetzt bestätigt. Der Termin im Anhang ersetzt die Vormerkung.',
    ],
    facts: bookingFacts(booking, context),
    outro: ['Das Fahrzeug öffnen Sie mit der App, frühestens 10 Minuten vor Beginn.'],
    action: { label: 'Buchung ansehen', url: bookingUrl(booking.id, context.appUrl) },
    icalEvent: calendarFile(booking, 'REQUEST', context),
  });
}

/**
 * To the booker: the request was refused, by whom and why. What to do next depends on whose car it
 * was: a car of another municipality can often be replaced by one of the booker's own; for a car
 * of their own municipality, their fleet manager is the one to ask.
 */
export function approvalDeclined(
  booking: CalendarBooking,
  decision: { name: string; reason: string | null },
  owner: 'own' | 'other',
  context: MailContext,
): MailMessage {
  const next =
    owner === 'other'
      ? 'Bitte wählen Sie ein anderes Fahrzeug, zum Beispiel eines Ihrer eigenen Kommune.'
      : 'Bitte wählen Sie einen anderen Zeitraum oder ein anderes Fahrzeug. Bei Fragen wenden Sie sich an Ihre Fuhrparkverwaltung.';
  return compose(context, {
    to: booking.booker,
    subject: `Buchung abgelehnt: ${booking.vehicle.plate} am ${when(booking, context)}`,
    intro: [
      `Ihre Buchungsanfrage wurde von ${decision.name} (Fuhrparkverwaltung) abgelehnt.`,
      decision.reason ? `Begründung: ${decision.reason}` : 'Eine Begründung wurde nicht angegeben.',
      next,
    ],
    facts: bookingFacts(booking, context),
    outro: ['Mit dem Anhang wird die Vormerkung aus Ihrem Kalender entfernt.'],
    action: { label: 'Anfrage ansehen', url: bookingUrl(booking.id, context.appUrl) },
    icalEvent: calendarFile(booking, 'CANCEL', context),
  });
}
