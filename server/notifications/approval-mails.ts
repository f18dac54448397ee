import { bookingUrl } from '../calendar/ics';
import type { CalendarBooking, Person } from '../calendar/types';
import { bookingFacts, calendarFile, mailTexts, when } from './booking-mails';
import { compose, type MailContext, type MailMessage } from './message';

/**
 * To the booker: the request is noted, not yet confirmed. The tentative .ics puts it in the
 * calendar now; approval (REQUEST) or refusal (CANCEL) later updates the same event by its UID.
 */
export function approvalPending(booking: CalendarBooking, context: MailContext): MailMessage {
  const texts = mailTexts(context);
  const t = texts.approvalPending;
  return compose(context, {
    to: booking.booker,
    subject: t.subject(booking.vehicle.plate, when(booking, context)),
    intro: t.intro,
    facts: bookingFacts(booking, context),
    action: { label: texts.actions.viewRequest, url: bookingUrl(booking.id, context.appUrl) },
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
  const texts = mailTexts(context);
  const t = texts.approvalRequested;
  return compose(context, {
    to: manager,
    subject: t.subject(booking.vehicle.plate, when(booking, context)),
    intro: [t.intro(booking.booker.name)],
    facts: [
      [texts.facts.bookedBy, `${booking.booker.name} <${booking.booker.email}>`],
      ...bookingFacts(booking, context),
    ],
    action: { label: texts.actions.reviewRequest, url: approvalUrl(booking.id, context.appUrl) },
  });
}

export function approvalGranted(booking: CalendarBooking, context: MailContext): MailMessage {
  const texts = mailTexts(context);
  const t = texts.approvalGranted;
  return compose(context, {
    to: booking.booker,
    subject: t.subject(booking.vehicle.plate, when(booking, context)),
    intro: [t.intro],
    facts: bookingFacts(booking, context),
    outro: [texts.openWithApp],
    action: { label: texts.actions.viewBooking, url: bookingUrl(booking.id, context.appUrl) },
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
  const texts = mailTexts(context);
  const t = texts.approvalDeclined;
  return compose(context, {
    to: booking.booker,
    subject: t.subject(booking.vehicle.plate, when(booking, context)),
    intro: [
      t.intro(decision.name),
      texts.reason(decision.reason),
      owner === 'other' ? t.nextOther : t.nextOwn,
    ],
    facts: bookingFacts(booking, context),
    outro: [t.outro],
    action: { label: texts.actions.viewRequest, url: bookingUrl(booking.id, context.appUrl) },
    icalEvent: calendarFile(booking, 'CANCEL', context),
  });
}
