import { describe, expect, it } from 'vitest';
import { bookingDownload, bookingEvent, bookingFeed, bookingUid, propertiesFirst, vtimezone } from './ics';
import { calendarOptions as options, parseIcs, sampleBooking } from './test-support';
import { isRepeatedWallTime } from './zoned';

const only = (ics: string) => {
  const parsed = parseIcs(ics);
  const [event] = parsed.events;
  if (!event || parsed.events.length !== 1)
    throw new Error(`expected one event, got ${parsed.events.length}`);
  return { ...parsed, event };
};

describe('bookingEvent', () => {
  it('writes an invitation Outlook and others accept', () => {
    const ics = bookingEvent(sampleBooking({ sequence: 3 }), 'REQUEST', options);
    const { method, timezones, event } = only(ics);
    expect(method).toBe('REQUEST');
    expect(timezones).toEqual(['Europe/Berlin']);
    expect(event.uid).toBe('6f1c2a3b-0000-4000-8000-000000000001@mobil.partheland.example');
    expect(event.sequence).toBe(3);
    expect(event.status).toBe('CONFIRMED');
    expect(event.summary).toBe('Dienstwagen L-BR 101E (VW ID.3)');
    expect(event.description).toContain('Zweck: Bauausschuss in Naunhof');
    expect(event.description).toContain(
      'https://mobil.partheland.example/buchungen/6f1c2a3b-0000-4000-8000-000000000001',
    );
    expect(event.location).toBe('Mobilitätsinsel Rathaus Brandis, Markt 1–3, 04821 Brandis');
    expect(event.geo).toEqual([51.3336, 12.6107]);
    expect(event.organizer).toBe('mailto:noreply@partheland.example');
    expect(event.attendees).toEqual([expect.stringMatching(/^mailto:anna\.mueller@brandis\.example$/i)]);
    expect(event.startTzid).toBe('Europe/Berlin');
    expect(event.start.toISOString()).toBe('2026-12-01T08:00:00.000Z');
    expect(event.end.toISOString()).toBe('2026-12-01T11:30:00.000Z');
  });

  it('writes wall times of the configured zone, whatever the process zone is', () => {
    const ics = bookingEvent(sampleBooking(), 'REQUEST', options);
    expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20261201T090000');
    expect(ics).toContain('DTEND;TZID=Europe/Berlin:20261201T123000');
    expect(ics).toContain('DTSTAMP:20261120T080000Z');
    expect(ics).toContain('LAST-MODIFIED:20261120T075500Z');
  });

  it('keeps three elapsed hours across the end of summer time', () => {
    // 01:30 summer time → 03:30 winter time on 2026-10-25: the clock shows two hours, three pass.
    const booking = sampleBooking({
      startsAt: new Date('2026-10-24T23:30:00Z'),
      endsAt: new Date('2026-10-25T02:30:00Z'),
    });
    const ics = bookingEvent(booking, 'REQUEST', options);
    expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20261025T013000');
    expect(ics).toContain('DTEND;TZID=Europe/Berlin:20261025T033000');
    const { event } = only(ics);
    expect(event.start.toISOString()).toBe('2026-10-24T23:30:00.000Z');
    expect(event.end.toISOString()).toBe('2026-10-25T02:30:00.000Z');
    expect(event.end.getTime() - event.start.getTime()).toBe(3 * 3600_000);
  });

  it('keeps one elapsed hour across the start of summer time', () => {
    // 01:30 winter time → 03:30 summer time on 2026-03-29: 02:00–03:00 does not exist.
    const booking = sampleBooking({
      startsAt: new Date('2026-03-29T00:30:00Z'),
      endsAt: new Date('2026-03-29T01:30:00Z'),
    });
    const ics = bookingEvent(booking, 'REQUEST', options);
    expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20260329T013000');
    expect(ics).toContain('DTEND;TZID=Europe/Berlin:20260329T033000');
    const { event } = only(ics);
    expect(event.start.toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(event.end.toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('writes UTC when the wall time is the repeated hour, which a TZID cannot name', () => {
    // 02:30 winter time (01:30Z) reads as 02:30 summer time (00:30Z) with a TZID.
    const repeated = new Date('2026-10-25T01:30:00Z');
    expect(isRepeatedWallTime(repeated, 'Europe/Berlin')).toBe(true);
    expect(isRepeatedWallTime(new Date('2026-10-25T00:30:00Z'), 'Europe/Berlin')).toBe(false);
    expect(isRepeatedWallTime(new Date('2026-03-29T01:30:00Z'), 'Europe/Berlin')).toBe(false);
    const ics = bookingEvent(
      sampleBooking({ startsAt: repeated, endsAt: new Date('2026-10-25T04:00:00Z') }),
      'REQUEST',
      options,
    );
    expect(ics).toContain('DTSTART:20261025T013000Z');
    const { event } = only(ics);
    expect(event.start.toISOString()).toBe('2026-10-25T01:30:00.000Z');
    expect(event.end.toISOString()).toBe('2026-10-25T04:00:00.000Z');
  });

  it('marks a booking awaiting approval as tentative', () => {
    const { event } = only(bookingEvent(sampleBooking({ status: 'pending' }), 'REQUEST', options));
    expect(event.status).toBe('TENTATIVE');
    expect(event.summary).toContain('Genehmigung ausstehend');
  });

  it('cancels with the same UID and the higher sequence', () => {
    const booking = sampleBooking({ sequence: 1 });
    const invitation = only(bookingEvent(booking, 'REQUEST', options));
    const cancellation = only(bookingEvent({ ...booking, sequence: 2 }, 'CANCEL', options));
    expect(cancellation.method).toBe('CANCEL');
    expect(cancellation.event.status).toBe('CANCELLED');
    expect(cancellation.event.uid).toBe(invitation.event.uid);
    expect(cancellation.event.sequence).toBe(2);
    expect(cancellation.event.attendees).toHaveLength(1);
  });

  it('puts calendar properties before the components', () => {
    const ics = bookingEvent(sampleBooking(), 'REQUEST', options);
    expect(ics.indexOf('METHOD:')).toBeLessThan(ics.indexOf('BEGIN:VTIMEZONE'));
    expect(ics.indexOf('END:VTIMEZONE')).toBeLessThan(ics.indexOf('BEGIN:VEVENT'));
    expect(ics.endsWith('END:VCALENDAR')).toBe(true);
    expect(propertiesFirst('A\r\nBEGIN:VTIMEZONE\r\nX\r\nEND:VTIMEZONE\r\nB\r\nBEGIN:VEVENT')).toBe(
      'A\r\nB\r\nBEGIN:VTIMEZONE\r\nX\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT',
    );
  });

  it('names the UID after the host of the app URL', () => {
    expect(bookingUid('b1', 'http://localhost:3000/')).toBe('b1@localhost');
  });
});

describe('bookingFeed', () => {
  const bookings = [
    sampleBooking({ id: 'a', sequence: 2 }),
    sampleBooking({ id: 'b', status: 'pending' }),
    sampleBooking({ id: 'c', status: 'cancelled', sequence: 4 }),
    sampleBooking({ id: 'd', status: 'no_show' }),
    sampleBooking({
      id: 'e',
      status: 'completed',
      startsAt: new Date('2026-10-24T23:30:00Z'),
      endsAt: new Date('2026-10-25T02:30:00Z'),
    }),
  ];

  it('publishes a named, refreshing calendar without cancelled bookings', () => {
    const ics = bookingFeed(bookings, options);
    const feed = parseIcs(ics);
    expect(feed.method).toBe('PUBLISH');
    expect(feed.name).toBe('ParthelandMobil – Meine Buchungen');
    expect(feed.refresh).toBe('PT1H');
    expect(feed.ttl).toBe('PT1H');
    expect(feed.timezones).toEqual(['Europe/Berlin']);
    expect(feed.events.map((event) => event.uid)).toEqual([
      'a@mobil.partheland.example',
      'b@mobil.partheland.example',
      'e@mobil.partheland.example',
    ]);
    expect(feed.events.map((event) => [event.sequence, event.status])).toEqual([
      [2, 'CONFIRMED'],
      [0, 'TENTATIVE'],
      [0, 'CONFIRMED'],
    ]);
    expect(feed.events.every((event) => event.attendees.length === 0)).toBe(true);
    const summerEnd = feed.events[2];
    expect(summerEnd?.end.getTime()).toBe(new Date('2026-10-25T02:30:00Z').getTime());
    expect(ics.indexOf('X-PUBLISHED-TTL')).toBeLessThan(ics.indexOf('BEGIN:VTIMEZONE'));
  });

  it('uses the same UID as the e-mailed invitation', () => {
    const booking = sampleBooking({ sequence: 5 });
    const mailed = only(bookingEvent(booking, 'REQUEST', options)).event;
    const [subscribed] = parseIcs(bookingFeed([booking], options)).events;
    expect(subscribed?.uid).toBe(mailed.uid);
    expect(subscribed?.sequence).toBe(5);
  });

  it('is a valid empty calendar when there is nothing to show', () => {
    const feed = parseIcs(bookingFeed([], { ...options, name: 'Fahrzeuge Brandis' }));
    expect(feed.events).toEqual([]);
    expect(feed.name).toBe('Fahrzeuge Brandis');
  });
});

describe('vtimezone', () => {
  it('gives the zone of the region', () => {
    expect(vtimezone('Europe/Berlin')).toMatch(/^BEGIN:VTIMEZONE\r?\nTZID:Europe\/Berlin/);
  });

  it('refuses rather than write a file whose TZID has no VTIMEZONE', () => {
    expect(() => vtimezone('Mars/Olympus_Mons')).toThrow('no VTIMEZONE for Mars/Olympus_Mons');
    // A zone the process knows (tz 2022f) but the package's data (2018g) does not.
    expect(() =>
      bookingEvent(sampleBooking(), 'REQUEST', { ...options, timeZone: 'America/Ciudad_Juarez' }),
    ).toThrow('no VTIMEZONE');
  });
});

describe('bookingDownload', () => {
  it('publishes the one booking with the UID and SEQUENCE of its invitations, and no attendee', () => {
    const booking = sampleBooking({ sequence: 4 });
    const calendar = parseIcs(bookingDownload(booking, options));
    expect(calendar.method).toBe('PUBLISH');
    expect(calendar.timezones).toEqual(['Europe/Berlin']);
    expect(calendar.events).toHaveLength(1);
    expect(calendar.events[0]).toMatchObject({
      uid: bookingUid(booking.id, options.appUrl),
      sequence: 4,
      status: 'CONFIRMED',
      attendees: [],
      startTzid: 'Europe/Berlin',
    });
    expect(calendar.events[0]?.start.toISOString()).toBe(booking.startsAt.toISOString());
  });
});
