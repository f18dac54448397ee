import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  type ICalCalendar,
  ICalCalendarMethod,
  ICalEventStatus,
  ICalEventTransparency,
} from 'ical-generator';
import { messagesFor } from '../messages/catalog';
import type { CalendarBooking, CalendarBookingStatus, CalendarOptions } from './types';
import { eventTimes } from './zoned';

/** How often subscribed clients are asked to fetch the feed again (most poll less often anyway). */
const FEED_REFRESH_SECONDS = 60 * 60;

/**
 * Statuses a subscription feed shows. Cancelled and no-show bookings are left out rather than sent
 * as STATUS:CANCELLED: a feed is a full snapshot, every client drops an event that vanishes from it,
 * while several (Outlook among them) show a cancelled event in a subscribed calendar like any other.
 */
export const feedStatuses: readonly CalendarBookingStatus[] = ['pending', 'reserved', 'active', 'completed'];

/** The UID stays the same through every change of a booking, so clients update instead of adding. */
export function bookingUid(bookingId: string, appUrl: string): string {
  return `${bookingId}@${new URL(appUrl).hostname}`;
}

export function bookingUrl(bookingId: string, appUrl: string): string {
  return `${appUrl.replace(/\/+$/, '')}/buchungen/${encodeURIComponent(bookingId)}`;
}

const texts = (options: CalendarOptions) => messagesFor(options.language).calendar;

function bookingSummary(
  booking: Pick<CalendarBooking, 'vehicle' | 'status'>,
  options: CalendarOptions,
): string {
  const t = texts(options);
  const { plate, make, model } = booking.vehicle;
  const summary = t.summary(plate, `${make} ${model}`);
  return booking.status === 'pending' ? t.pending(summary) : summary;
}

function eventStatus(status: CalendarBookingStatus, method: 'REQUEST' | 'CANCEL' | 'PUBLISH') {
  if (method === 'CANCEL' || status === 'cancelled' || status === 'no_show') return ICalEventStatus.CANCELLED;
  return status === 'pending' ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED;
}

function description(booking: CalendarBooking, options: CalendarOptions): string {
  const t = texts(options);
  const { vehicle, station } = booking;
  const lines = [
    booking.purpose ? t.purpose(booking.purpose) : null,
    t.vehicle(`${vehicle.make} ${vehicle.model}`, vehicle.plate),
    t.station(`${station.name}, ${station.address}`),
    t.link(bookingUrl(booking.id, options.appUrl)),
  ];
  return lines.filter((line) => line !== null).join('\n');
}

/**
 * The VTIMEZONE of a zone, or an error. The package answers null both for a zone it does not know
 * and for a zone file it could not read (it swallows the read error), and a calendar file without
 * the VTIMEZONE its TZIDs name is wrong in every client: better no file than a wrong one.
 */
export function vtimezone(zone: string): string {
  const component = getVtimezoneComponent(zone);
  if (!component?.includes('BEGIN:VTIMEZONE'))
    throw new Error(`no VTIMEZONE for ${zone}: @touch4it/ical-timezones could not read its zone file`);
  return component;
}

function calendar(method: ICalCalendarMethod, options: CalendarOptions): ICalCalendar {
  const cal = ical({
    prodId: {
      company: options.operatorName,
      product: options.productName,
      language: options.language.toUpperCase(),
    },
    method,
  });
  // name null: no X-WR-TIMEZONE, which would make DTSTAMP floating; the generator adds a
  // VTIMEZONE for every zone the events use.
  cal.timezone({ name: null, generator: vtimezone });
  return cal;
}

function addEvent(
  cal: ICalCalendar,
  booking: CalendarBooking,
  method: 'REQUEST' | 'CANCEL' | 'PUBLISH',
  options: CalendarOptions,
): void {
  const times = eventTimes(booking.startsAt, booking.endsAt, options.timeZone);
  const { station } = booking;
  cal.createEvent({
    id: bookingUid(booking.id, options.appUrl),
    sequence: booking.sequence,
    stamp: options.now ?? new Date(),
    lastModified: booking.updatedAt,
    start: times.start,
    end: times.end,
    timezone: times.timezone,
    summary: bookingSummary(booking, options),
    description: description(booking, options),
    location: {
      title: `${station.name}, ${station.address}`,
      geo: { lat: station.latitude, lon: station.longitude },
    },
    url: bookingUrl(booking.id, options.appUrl),
    status: eventStatus(booking.status, method),
    transparency: ICalEventTransparency.OPAQUE,
    organizer: options.organizer,
    // An invitation needs the attendee; in a published feed it would make clients ask for a reply.
    attendees:
      method === 'PUBLISH'
        ? []
        : [
            {
              name: booking.booker.name,
              email: booking.booker.email,
              role: ICalAttendeeRole.REQ,
              // The booker made the booking, so there is nothing to accept: no reply to noreply@.
              status: ICalAttendeeStatus.ACCEPTED,
              rsvp: false,
            },
          ],
  });
}

/**
 * RFC 5545 wants calendar properties before components; ical-generator writes REFRESH-INTERVAL and
 * X-PUBLISHED-TTL after the VTIMEZONE. Moving the VTIMEZONE blocks just before the first event
 * keeps strict parsers happy. Lines are already folded, and every folded line stays in its block.
 */
export function propertiesFirst(text: string): string {
  const lines = text.split('\r\n');
  const zones: string[] = [];
  const rest: string[] = [];
  let inZone = false;
  for (const line of lines) {
    if (line === 'BEGIN:VTIMEZONE') inZone = true;
    (inZone ? zones : rest).push(line);
    if (line === 'END:VTIMEZONE') inZone = false;
  }
  const at = rest.findIndex((line) => line === 'BEGIN:VEVENT' || line === 'END:VCALENDAR');
  rest.splice(at < 0 ? rest.length : at, 0, ...zones);
  return rest.join('\r\n');
}

/** One booking as an invitation (REQUEST: new or changed) or a cancellation (CANCEL), for e-mail. */
export function bookingEvent(
  booking: CalendarBooking,
  method: 'REQUEST' | 'CANCEL',
  options: CalendarOptions,
): string {
  const cal = calendar(
    method === 'REQUEST' ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL,
    options,
  );
  addEvent(cal, booking, method, options);
  return propertiesFirst(cal.toString());
}

/**
 * One booking as a file to save or open (the booking page's download): PUBLISH, as in the feed, so
 * a calendar imports it as an event to keep rather than as an invitation to answer.
 */
export function bookingDownload(booking: CalendarBooking, options: CalendarOptions): string {
  const cal = calendar(ICalCalendarMethod.PUBLISH, options);
  addEvent(cal, booking, 'PUBLISH', options);
  return propertiesFirst(cal.toString());
}

export type FeedOptions = CalendarOptions & {
  /** Shown as the calendar's name in the subscriber's client. */
  name?: string;
};

/**
 * A subscription feed (webcal) of someone's bookings: the same UIDs and SEQUENCE numbers as the
 * e-mailed invitations, so an event imported from a mail and one from the feed are the same event.
 * Which bookings (time window, person) is the caller's query; the statuses are filtered here.
 */
export function bookingFeed(bookings: readonly CalendarBooking[], options: FeedOptions): string {
  const cal = calendar(ICalCalendarMethod.PUBLISH, options);
  cal.name(options.name ?? texts(options).feedName(options.productName));
  cal.description(texts(options).feedDescription(options.productName));
  cal.ttl(FEED_REFRESH_SECONDS);
  for (const booking of bookings) {
    if (feedStatuses.includes(booking.status)) addEvent(cal, booking, 'PUBLISH', options);
  }
  return propertiesFirst(cal.toString());
}
