import { describe, expect, it } from 'vitest';
import { calendarOptions as context, parseIcs, sampleBooking } from '../calendar/test-support';
import { approvalDeclined, approvalGranted, approvalPending, approvalRequested } from './approval-mails';
import {
  bookingCancelled,
  bookingChanged,
  bookingConfirmation,
  bookingNoShow,
  bookingReminder,
  lateReturnWarning,
} from './booking-mails';
import type { MailMessage } from './message';

const booking = sampleBooking();
const link = 'https://mobil.partheland.example/buchungen/6f1c2a3b-0000-4000-8000-000000000001';

function invitation(message: MailMessage) {
  if (!message.icalEvent) throw new Error('no calendar file');
  const calendar = parseIcs(message.icalEvent.content);
  expect(calendar.method).toBe(message.icalEvent.method);
  const [event] = calendar.events;
  if (!event) throw new Error('no event');
  return event;
}

describe('booking mails', () => {
  it('confirms with facts, link and a REQUEST', () => {
    const mail = bookingConfirmation(booking, context);
    expect(mail.to).toEqual(booking.booker);
    expect(mail.subject).toBe('Buchung bestätigt: L-BR 101E am Di., 01.12.2026, 09:00');
    expect(mail.text).toContain('Guten Tag Anna Müller,');
    expect(mail.text).toMatch(/Fahrzeug: +VW ID\.3 \(L-BR 101E\)/);
    expect(mail.text).toMatch(/Zeitraum: +Di\., 01\.12\.2026, 09:00–12:30 Uhr/);
    expect(mail.text).toMatch(/Station: +Mobilitätsinsel Rathaus Brandis, Markt 1–3, 04821 Brandis/);
    expect(mail.text).toMatch(/Zweck: +Bauausschuss in Naunhof/);
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(`href="${link}"`);
    expect(mail.icalEvent?.method).toBe('REQUEST');
    expect(mail.icalEvent?.filename).toBe('buchung.ics');
    expect(invitation(mail).status).toBe('CONFIRMED');
  });

  it('escapes what people typed in the HTML, not in the text', () => {
    const mail = bookingConfirmation(sampleBooking({ purpose: '<script>alert(1)</script> & Co' }), context);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
    expect(mail.text).toContain('<script>alert(1)</script> & Co');
  });

  it('tells what changed and sends the event with the higher sequence', () => {
    const extended = bookingChanged(
      sampleBooking({ sequence: 1, endsAt: new Date('2026-12-01T14:00:00Z') }),
      { kind: 'extended', previous: { startsAt: booking.startsAt, endsAt: booking.endsAt } },
      context,
    );
    expect(extended.subject).toBe('Buchung geändert: L-BR 101E am Di., 01.12.2026, 09:00');
    expect(extended.text).toContain(
      'Ihre Buchung wurde verlängert: Sie endet jetzt Di., 01.12.2026, 15:00 Uhr statt Di., 01.12.2026, 12:30 Uhr.',
    );
    expect(invitation(extended)).toMatchObject({ sequence: 1, status: 'CONFIRMED' });
    expect(invitation(extended).end.toISOString()).toBe('2026-12-01T14:00:00.000Z');

    const shortened = bookingChanged(
      sampleBooking({ sequence: 2, endsAt: new Date('2026-12-01T10:00:00Z') }),
      { kind: 'shortened', previous: { startsAt: booking.startsAt, endsAt: booking.endsAt } },
      context,
    );
    expect(shortened.text).toContain('verkürzt: Sie endet jetzt Di., 01.12.2026, 11:00 Uhr');

    const moved = bookingChanged(
      sampleBooking({ sequence: 3, vehicle: { plate: 'L-NA 202E', make: 'Renault', model: 'Zoe' } }),
      { kind: 'vehicle', previous: { vehicle: booking.vehicle, station: booking.station } },
      context,
      { name: 'Bernd Schulze', reason: 'Werkstatttermin' },
    );
    expect(moved.text).toContain(
      'auf ein anderes Fahrzeug umgebucht: Renault Zoe (L-NA 202E) statt VW ID.3 (L-BR 101E).',
    );
    expect(moved.text).toContain(
      'Bernd Schulze (Fuhrparkverwaltung) vorgenommen. Begründung: Werkstatttermin',
    );
    expect(invitation(moved)).toMatchObject({ sequence: 3, uid: invitation(extended).uid });
  });

  it('cancels with a CANCEL and says who cancelled and why', () => {
    const own = bookingCancelled(sampleBooking({ sequence: 1 }), { by: 'booker' }, context);
    expect(own.subject).toBe('Buchung storniert: L-BR 101E am Di., 01.12.2026, 09:00');
    expect(own.text).toContain('Sie haben Ihre Buchung storniert.');
    expect(own.icalEvent?.filename).toBe('stornierung.ics');
    expect(invitation(own)).toMatchObject({ sequence: 1, status: 'CANCELLED' });

    const managed = bookingCancelled(
      sampleBooking({ sequence: 2, status: 'cancelled' }),
      { by: 'fleet_manager', name: 'Bernd Schulze', reason: 'Unfallschaden, Fahrzeug in der Werkstatt' },
      context,
    );
    expect(managed.text).toContain('von Bernd Schulze (Fuhrparkverwaltung) storniert');
    expect(managed.text).toContain('Begründung: Unfallschaden, Fahrzeug in der Werkstatt');
    expect(invitation(managed).status).toBe('CANCELLED');
  });

  it('reminds before the start without a calendar file', () => {
    const mail = bookingReminder(booking, context);
    expect(mail.subject).toBe('Erinnerung: L-BR 101E ab 09:00 Uhr');
    expect(mail.text).toContain('Ihre Buchung beginnt Di., 01.12.2026, 09:00 Uhr.');
    expect(mail.icalEvent).toBeUndefined();
  });

  it('reports a no-show and removes the event', () => {
    const mail = bookingNoShow(sampleBooking({ status: 'no_show', sequence: 1 }), 30, context);
    expect(mail.subject).toBe('Buchung verfallen: L-BR 101E am Di., 01.12.2026, 09:00');
    expect(mail.text).toContain('bis 30 Minuten nach Beginn');
    expect(invitation(mail)).toMatchObject({ status: 'CANCELLED', sequence: 1 });
  });

  it('warns the next booker of a late return, with an alternative when there is one', () => {
    const alternative = {
      vehicle: { plate: 'L-BR 103E', make: 'Opel', model: 'Corsa-e' },
      station: {
        ...booking.station,
        name: 'Mobilitätsinsel Bahnhof Brandis',
        address: 'Bahnhofstr. 2, 04821 Brandis',
      },
      bookUrl: 'https://mobil.partheland.example/buchen?fahrzeug=L-BR-103E',
    };
    const offered = lateReturnWarning(booking, context, alternative);
    expect(offered.to).toEqual(booking.booker);
    expect(offered.subject).toBe('Fahrzeug noch nicht zurück: L-BR 101E für Di., 01.12.2026, 09:00');
    expect(offered.text).toContain('ist von der vorherigen Fahrt noch nicht zurück');
    expect(offered.text).toContain(
      'stattdessen Opel Corsa-e (L-BR 103E) an der Station Mobilitätsinsel Bahnhof',
    );
    expect(offered.text).toContain(`Ersatzfahrzeug buchen: ${alternative.bookUrl}`);
    expect(offered.icalEvent).toBeUndefined();

    const none = lateReturnWarning(booking, context, null);
    expect(none.text).toContain('leider nicht gefunden');
    expect(none.text).toContain(link);
  });
});

describe('approval mails', () => {
  it('holds a pending booking as tentative, then confirms or cancels the same event', () => {
    const pending = approvalPending(sampleBooking({ status: 'pending' }), context);
    expect(pending.subject).toBe('Buchung angefragt: L-BR 101E am Di., 01.12.2026, 09:00');
    expect(pending.text).toContain('genehmigt werden');
    const tentative = invitation(pending);
    expect(tentative.status).toBe('TENTATIVE');

    const granted = approvalGranted(sampleBooking({ status: 'reserved', sequence: 1 }), context);
    expect(granted.subject).toBe('Buchung genehmigt: L-BR 101E am Di., 01.12.2026, 09:00');
    expect(invitation(granted)).toMatchObject({ uid: tentative.uid, sequence: 1, status: 'CONFIRMED' });

    const declined = approvalDeclined(
      sampleBooking({ status: 'cancelled', sequence: 1 }),
      { name: 'Bernd Schulze', reason: 'Fahrzeug für den Bauhof reserviert' },
      'other',
      context,
    );
    expect(declined.subject).toBe('Buchung abgelehnt: L-BR 101E am Di., 01.12.2026, 09:00');
    expect(declined.text).toContain('von Bernd Schulze (Fuhrparkverwaltung) abgelehnt');
    expect(declined.text).toContain('Begründung: Fahrzeug für den Bauhof reserviert');
    expect(declined.text).toContain('zum Beispiel eines Ihrer eigenen Kommune');
    expect(declined.text).toContain('Begründung: Fahrzeug für den Bauhof reserviert');
    expect(invitation(declined)).toMatchObject({ uid: tentative.uid, status: 'CANCELLED' });
  });

  it('suggests an own car only to a booker from another municipality', () => {
    const decision = { name: 'Bernd Schulze', reason: 'Fahrzeug wird gewartet' };
    const own = approvalDeclined(
      sampleBooking({ status: 'cancelled', sequence: 1 }),
      decision,
      'own',
      context,
    );
    expect(own.text).not.toContain('eigenen Kommune');
    expect(own.text).toContain('Bitte wählen Sie einen anderen Zeitraum oder ein anderes Fahrzeug.');
    expect(own.text).toContain('Begründung: Fahrzeug wird gewartet');
    expect(own.text).toContain(`Anfrage ansehen: ${link}`);
    expect(invitation(own)).toMatchObject({ status: 'CANCELLED', sequence: 1 });
  });

  it('asks the fleet manager, with who asks and a link', () => {
    const manager = { name: 'Bernd Schulze', email: 'fuhrpark@naunhof.example' };
    const mail = approvalRequested(sampleBooking({ status: 'pending' }), manager, context);
    expect(mail.to).toEqual(manager);
    expect(mail.subject).toBe('Genehmigung erbeten: L-BR 101E am Di., 01.12.2026, 09:00');
    expect(mail.text).toContain('Guten Tag Bernd Schulze,');
    expect(mail.text).toContain('Anna Müller <anna.mueller@brandis.example>');
    // To the request on the approvals page, not to the booker's own page (which the manager cannot open).
    const request = `https://mobil.partheland.example/fuhrpark/freigaben?anfrage=${sampleBooking().id}#anfrage-${sampleBooking().id}`;
    expect(mail.text).toContain(`Anfrage prüfen: ${request}`);
    expect(mail.html).toContain(`href="${request}"`);
    expect(mail.icalEvent).toBeUndefined();
  });
});
