import { bookingEvent, bookingUrl } from '../calendar/ics';
import type { CalendarBooking } from '../calendar/types';
import { formatDateTime, formatRange, formatTime } from './format';
import { compose, type MailContext, type MailMessage } from './message';

type Vehicle = CalendarBooking['vehicle'];
type Station = CalendarBooking['station'];

const car = (vehicle: Vehicle) => `${vehicle.make} ${vehicle.model} (${vehicle.plate})`;
const place = (station: Station) => `${station.name}, ${station.address}`;

/** The facts every booking mail repeats, so each one can be read on its own. */
export function bookingFacts(booking: CalendarBooking, context: MailContext) {
  const facts: (readonly [string, string])[] = [
    ['Fahrzeug', car(booking.vehicle)],
    ['Zeitraum', formatRange(booking.startsAt, booking.endsAt, context.timeZone)],
    ['Station', place(booking.station)],
  ];
  if (booking.purpose) facts.push(['Zweck', booking.purpose]);
  return facts;
}

const viewAction = (booking: CalendarBooking, context: MailContext) => ({
  label: 'Buchung ansehen',
  url: bookingUrl(booking.id, context.appUrl),
});

/** The .ics of a mail; the caller has already raised booking.sequence for a change or cancellation. */
export function calendarFile(
  booking: CalendarBooking,
  method: 'REQUEST' | 'CANCEL',
  context: MailContext,
): NonNullable<MailMessage['icalEvent']> {
  return {
    method,
    filename: method === 'CANCEL' ? 'stornierung.ics' : 'buchung.ics',
    content: bookingEvent(booking, method, context),
  };
}

const when = (booking: CalendarBooking, context: MailContext) =>
  formatDateTime(booking.startsAt, context.timeZone);

export function bookingConfirmation(booking: CalendarBooking, context: MailContext): MailMessage {
  return compose(context, {
    to: booking.booker,
    subject: `Buchung bestätigt: ${booking.vehicle.plate} am ${when(booking, context)}`,
    intro: ['Ihre Buchung ist bestätigt. Den Termin für Ihren Kalender finden Sie im Anhang.'],
    facts: bookingFacts(booking, context),
    outro: [
      'Das Fahrzeug öffnen Sie mit der App, frühestens 10 Minuten vor Beginn. Bitte stornieren Sie rechtzeitig, wenn Sie das Fahrzeug nicht mehr brauchen.',
    ],
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
  const zone = context.timeZone;
  switch (change.kind) {
    case 'extended':
      return `Ihre Buchung wurde verlängert: Sie endet jetzt ${formatDateTime(booking.endsAt, zone)} Uhr statt ${formatDateTime(change.previous.endsAt, zone)} Uhr.`;
    case 'shortened':
      return `Ihre Buchung wurde verkürzt: Sie endet jetzt ${formatDateTime(booking.endsAt, zone)} Uhr statt ${formatDateTime(change.previous.endsAt, zone)} Uhr.`;
    case 'rescheduled':
      return `Ihre Buchung wurde verschoben: jetzt ${formatRange(booking.startsAt, booking.endsAt, zone)}, bisher ${formatRange(change.previous.startsAt, change.previous.endsAt, zone)}.`;
    case 'vehicle': {
      const moved =
        booking.station.name === change.previous.station.name
          ? ''
          : ` an der Station ${booking.station.name}`;
      return `Ihre Buchung wurde auf ein anderes Fahrzeug umgebucht: ${car(booking.vehicle)}${moved} statt ${car(change.previous.vehicle)}.`;
    }
  }
}

const byManager = (actor: Actor | undefined) =>
  actor
    ? [
        `Die Änderung hat ${actor.name} (Fuhrparkverwaltung) vorgenommen${actor.reason ? `. Begründung: ${actor.reason}` : '.'}`,
      ]
    : [];

export function bookingChanged(
  booking: CalendarBooking,
  change: BookingChange,
  context: MailContext,
  actor?: Actor,
): MailMessage {
  return compose(context, {
    to: booking.booker,
    subject: `Buchung geändert: ${booking.vehicle.plate} am ${when(booking, context)}`,
    intro: [changeSentence(booking, change, context), ...byManager(actor)],
    facts: bookingFacts(booking, context),
    outro: ['Der Termin im Anhang ersetzt den bisherigen in Ihrem Kalender.'],
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
  const intro =
    cancellation.by === 'booker'
      ? ['Sie haben Ihre Buchung storniert. Das Fahrzeug ist für andere wieder frei.']
      : [
          `Ihre Buchung wurde von ${cancellation.name} (Fuhrparkverwaltung) storniert.`,
          cancellation.reason
            ? `Begründung: ${cancellation.reason}`
            : 'Eine Begründung wurde nicht angegeben.',
          'Bitte buchen Sie bei Bedarf ein anderes Fahrzeug. Bei Fragen wenden Sie sich an Ihre Fuhrparkverwaltung.',
        ];
  return compose(context, {
    to: booking.booker,
    subject: `Buchung storniert: ${booking.vehicle.plate} am ${when(booking, context)}`,
    intro,
    facts: bookingFacts(booking, context),
    outro: ['Mit dem Anhang wird der Termin aus Ihrem Kalender entfernt.'],
    icalEvent: calendarFile(booking, 'CANCEL', context),
  });
}

export function bookingReminder(booking: CalendarBooking, context: MailContext): MailMessage {
  return compose(context, {
    to: booking.booker,
    subject: `Erinnerung: ${booking.vehicle.plate} ab ${formatTime(booking.startsAt, context.timeZone)} Uhr`,
    intro: [`Ihre Buchung beginnt ${when(booking, context)} Uhr.`],
    facts: bookingFacts(booking, context),
    outro: [
      'Das Fahrzeug öffnen Sie mit der App, frühestens 10 Minuten vor Beginn. Wenn Sie es nicht mehr brauchen, stornieren Sie bitte jetzt, damit andere es nutzen können.',
    ],
    action: viewAction(booking, context),
  });
}

/** Nobody opened the car within the grace period, so the booking was released for others. */
export function bookingNoShow(
  booking: CalendarBooking,
  graceMinutes: number,
  context: MailContext,
): MailMessage {
  return compose(context, {
    to: booking.booker,
    subject: `Buchung verfallen: ${booking.vehicle.plate} am ${when(booking, context)}`,
    intro: [
      `Das Fahrzeug wurde bis ${graceMinutes} Minuten nach Beginn Ihrer Buchung nicht geöffnet. Die Buchung ist deshalb verfallen und das Fahrzeug für andere freigegeben.`,
      'Wenn Sie das Fahrzeug doch noch brauchen, buchen Sie es bitte neu.',
    ],
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
  const offer = alternative
    ? [
        `Wir können Ihnen stattdessen ${car(alternative.vehicle)} an der Station ${place(alternative.station)} anbieten.`,
      ]
    : ['Ein anderes freies Fahrzeug haben wir für Ihren Zeitraum leider nicht gefunden.'];
  return compose(context, {
    to: booking.booker,
    subject: `Fahrzeug noch nicht zurück: ${booking.vehicle.plate} für ${when(booking, context)}`,
    intro: [
      `Das Fahrzeug ${car(booking.vehicle)}, das Sie ab ${when(booking, context)} Uhr gebucht haben, ist von der vorherigen Fahrt noch nicht zurück.`,
      ...offer,
    ],
    facts: bookingFacts(booking, context),
    outro: ['Ihre Buchung bleibt bestehen, bis Sie sie ändern oder stornieren.'],
    action: alternative
      ? { label: 'Ersatzfahrzeug buchen', url: alternative.bookUrl }
      : viewAction(booking, context),
  });
}
