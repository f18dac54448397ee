// Test helpers only: ical.js is a dev dependency, used as a parser independent of ical-generator.
import ICAL from 'ical.js';
import type { CalendarBooking, CalendarOptions } from './types';

type ParsedEvent = {
  uid: string;
  sequence: number;
  status: string;
  summary: string;
  description: string;
  location: string;
  geo: unknown;
  url: string;
  start: Date;
  end: Date;
  startTzid: string | null;
  organizer: string;
  attendees: string[];
};

export type ParsedCalendar = {
  method: string;
  name: string | null;
  refresh: string | null;
  ttl: string | null;
  timezones: string[];
  events: ParsedEvent[];
};

const text = (component: ICAL.Component, name: string): string => {
  const value = component.getFirstPropertyValue(name);
  return value === null || value === undefined ? '' : String(value);
};

/**
 * Reads an .ics with ical.js, with only the VTIMEZONE components the file itself carries: times
 * with a TZID become instants through those definitions, so a missing or wrong VTIMEZONE shows.
 */
export function parseIcs(ics: string): ParsedCalendar {
  const root = new ICAL.Component(ICAL.parse(ics));
  ICAL.TimezoneService.reset();
  const timezones = root.getAllSubcomponents('vtimezone');
  for (const zone of timezones) ICAL.TimezoneService.register(zone);
  const events = root.getAllSubcomponents('vevent').map((vevent): ParsedEvent => {
    const event = new ICAL.Event(vevent);
    const tzid = vevent.getFirstProperty('dtstart')?.getParameter('tzid');
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: text(vevent, 'status'),
      summary: event.summary,
      description: event.description,
      location: event.location,
      geo: vevent.getFirstPropertyValue('geo'),
      url: text(vevent, 'url'),
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      startTzid: typeof tzid === 'string' ? tzid : null,
      organizer: text(vevent, 'organizer'),
      attendees: vevent.getAllProperties('attendee').map((property) => String(property.getFirstValue())),
    };
  });
  return {
    method: text(root, 'method'),
    name: text(root, 'x-wr-calname') || null,
    refresh: text(root, 'refresh-interval') || null,
    ttl: text(root, 'x-published-ttl') || null,
    timezones: timezones.map((zone) => text(zone, 'tzid')),
    events,
  };
}

export const calendarOptions: CalendarOptions = {
  timeZone: 'Europe/Berlin',
  appUrl: 'https://mobil.partheland.example',
  organizer: { name: 'ParthelandMobil', email: 'noreply@partheland.example' },
  productName: 'ParthelandMobil',
  operatorName: 'Betreibergesellschaft Partheland mbH',
  now: new Date('2026-11-20T08:00:00Z'),
  language: 'de',
};

export function sampleBooking(overrides: Partial<CalendarBooking> = {}): CalendarBooking {
  return {
    id: '6f1c2a3b-0000-4000-8000-000000000001',
    sequence: 0,
    status: 'reserved',
    startsAt: new Date('2026-12-01T08:00:00Z'), // 09:00 in Berlin (winter)
    endsAt: new Date('2026-12-01T11:30:00Z'),
    purpose: 'Bauausschuss in Naunhof',
    updatedAt: new Date('2026-11-20T07:55:00Z'),
    vehicle: { plate: 'L-BR 101E', make: 'VW', model: 'ID.3' },
    station: {
      name: 'Mobilitätsinsel Rathaus Brandis',
      address: 'Markt 1–3, 04821 Brandis',
      latitude: 51.3336,
      longitude: 12.6107,
    },
    booker: { name: 'Anna Müller', email: 'anna.mueller@brandis.example' },
    ...overrides,
  };
}
