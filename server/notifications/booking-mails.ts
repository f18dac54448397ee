import { bookingEvent, bookingUrl } from '../calendar/ics';
import type { CalendarBooking } from '../calendar/types';
import { messagesFor } from '../messages/catalog';
import { formatDateTime, formatRange, formatTime } from './format';
import { compose, type MailContext, type MailMessage } from './message';

type Vehicle = CalendarBooking['vehicle'];
type Station = CalendarBooking['station'];

const car = (vehicle: Vehicle) => `${vehicle.make} ${vehicle.model} (${vehicle.plate})`;
const place = (station: Station) => `${station.name}, ${station.address}`;

/** The mail texts in the recipient's language. */
export const mailTexts = (context: MailContext) => messagesFor(context.language).mail;

/** The facts every booking mail repeats, so each one can be read on its own. */
export function bookingFacts(booking: CalendarBooking, context: MailContext) {
  const { facts: label } = mailTexts(context);
  const facts: (readonly [string, string])[] = [
    [label.vehicle, car(booking.vehicle)],
    [label.period, formatRange(booking.startsAt, booking.endsAt, context.timeZone, context.language)],
    [label.station, place(booking.station)],
  ];
  if (booking.purpose) facts.push([label.purpose, booking.purpose]);
  return facts;
}

const viewAction = (booking: CalendarBooking, context: MailContext) => ({
  label: mailTexts(context).actions.viewBooking,
  url: bookingUrl(booking.id, context.appUrl),
});

/** The .ics of a mail; the caller has already raised booking.sequence for a change or cancellation. */
export function calendarFile(
  booking: CalendarBooking,
  method: 'REQUEST' | 'CANCEL',
  context: MailContext,
): NonNullable<MailMessage['icalEvent']> {
  const { files } = messagesFor(context.language).calendar;
  return {
    method,
    filename: method === 'CANCEL' ? files.cancellation : files.booking,
    content: bookingEvent(booking, method, context),
  };
}

/** When the booking starts, as subjects and sentences name it. */
export const when = (booking: CalendarBooking, context: MailContext) =>
  formatDateTime(booking.startsAt, context.timeZone, context.language);

export function bookingConfirmation(booking: CalendarBooking, context: MailContext): MailMessage {
  const t = mailTexts(context).confirmation;
  return compose(context, {
    to: booking.booker,
    subject: t.subject(booking.vehicle.plate, when(booking, context)),
    intro: [t.intro],
    facts: bookingFacts(booking, context),
    outro: [t.outro],
    action: viewAction(booking, context),
    icalEvent: calendarFile(booking, 'REQUEST', context),
  });
}

/** What changed, as the booker would say it. `booking` is the new state with a raised sequence. */
export type BookingChange =
  | { kind: 'extended' | 'shortened' | 'rescheduled'; previous: { startsAt: Date; endsAt: Date } }
  | { kind: 'vehicle'; previous: { vehicle: Vehicle; station: Station } };

/** Who acted, when it was not the booker: a fleet manager, with the reason they gave. */
export type Actor = { name: string; reason?: string | null };

function changeSentence(booking: CalendarBooking, change: BookingChange, context: MailContext): string {
  const { timeZone: zone, language } = context;
  const t = mailTexts(context).changed;
  switch (change.kind) {
    case 'extended':
    case 'shortened':
      return t[change.kind](
        formatDateTime(booking.endsAt, zone, language),
        formatDateTime(change.previous.endsAt, zone, language),
      );
    case 'rescheduled':
      return t.rescheduled(
        formatRange(booking.startsAt, booking.endsAt, zone, language),
        formatRange(change.previous.startsAt, change.previous.endsAt, zone, language),
      );
    case 'vehicle': {
      const moved = booking.station.name === change.previous.station.name ? null : booking.station.name;
      return t.vehicle(car(booking.vehicle), moved, car(change.previous.vehicle));
    }
  }
}

export function bookingChanged(
  booking: CalendarBooking,
  change: BookingChange,
  context: MailContext,
  actor?: Actor,
): MailMessage {
  const t = mailTexts(context).changed;
  return compose(context, {
    to: booking.booker,
    subject: t.subject(booking.vehicle.plate, when(booking, context)),
    intro: [
      changeSentence(booking, change, context),
      ...(actor ? [t.byManager(actor.name, actor.reason ?? null)] : []),
    ],
    facts: bookingFacts(booking, context),
    outro: [t.outro],
    action: viewAction(booking, context),
    icalEvent: calendarFile(booking, 'REQUEST', context),
  });
}

export type Cancellation = { by: 'booker' } | { by: 'fleet_manager'; name: string; reason: string | null };

export function bookingCancelled(
  booking: CalendarBooking,
  cancellation: Cancellation,
  context: MailContext,
): MailMessage {
  const texts = mailTexts(context);
  const t = texts.cancelled;
  const intro =
    cancellation.by === 'booker'
      ? [t.byBooker]
      : [t.byManager(cancellation.name), texts.reason(cancellation.reason), t.next];
  return compose(context, {
    to: booking.booker,
    subject: t.subject(booking.vehicle.plate, when(booking, context)),
    intro,
    facts: bookingFacts(booking, context),
    outro: [t.outro],
    icalEvent: calendarFile(booking, 'CANCEL', context),
  });
}

export function bookingReminder(booking: CalendarBooking, context: MailContext): MailMessage {
  const t = mailTexts(context).reminder;
  return compose(context, {
    to: booking.booker,
    subject: t.subject(
      booking.vehicle.plate,
      formatTime(booking.startsAt, context.timeZone, context.language),
    ),
    intro: [t.intro(when(booking, context))],
    facts: bookingFacts(booking, context),
    outro: [t.outro],
    action: viewAction(booking, context),
  });
}

/** Nobody opened the car within the grace period, so the booking was released for others. */
export function bookingNoShow(
  booking: CalendarBooking,
  graceMinutes: number,
  context: MailContext,
): MailMessage {
  const t = mailTexts(context).noShow;
  return compose(context, {
    to: booking.booker,
    subject: t.subject(booking.vehicle.plate, when(booking, context)),
    intro: [t.intro(graceMinutes), t.rebook],
    facts: bookingFacts(booking, context),
    icalEvent: calendarFile(booking, 'CANCEL', context),
  });
}

export type Alternative = { vehicle: Vehicle; station: Station; bookUrl: string };

/** To the NEXT booker: the car they booked is not back from the booking before theirs. */
export function lateReturnWarning(
  booking: CalendarBooking,
  context: MailContext,
  alternative?: Alternative | null,
): MailMessage {
  const texts = mailTexts(context);
  const t = texts.lateReturn;
  return compose(context, {
    to: booking.booker,
    subject: t.subject(booking.vehicle.plate, when(booking, context)),
    intro: [
      t.intro(car(booking.vehicle), when(booking, context)),
      alternative ? t.offer(car(alternative.vehicle), place(alternative.station)) : t.noOffer,
    ],
    facts: bookingFacts(booking, context),
    outro: [t.outro],
    action: alternative
      ? { label: texts.actions.bookAlternative, url: alternative.bookUrl }
      : viewAction(booking, context),
  });
}
