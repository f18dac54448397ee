import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { at, hours, makeBooking } from '../calendar/booking-test-support';
import { calendarOptions, parseIcs, sampleBooking } from '../calendar/test-support';
import { makeMunicipality, makeUser, makeVehicle } from '../test-support';
import { bookingCancelled, bookingConfirmation, bookingReminder } from './booking-mails';
import { licenceExpiring } from './licence-mails';
import type { MailMessage } from './message';
import { type Notice, notify } from './outbox';
import { recordingMailer } from './recording-mailer';
import { sendDueNotifications } from './worker';

const database = testDatabaseForFile();
const english = { ...calendarOptions, language: 'en' as const };
const booking = sampleBooking();

const eventOf = (message: MailMessage) => {
  const [event] = parseIcs(message.icalEvent?.content ?? '').events;
  if (!event) throw new Error('no event');
  return event;
};

describe('mails in English', () => {
  it('says everything in English, with Berlin times and the weekday in British order', () => {
    const mail = bookingConfirmation(booking, english);
    expect(mail.subject).toBe('Booking confirmed: L-BR 101E on Tue, 01/12/2026, 09:00');
    expect(mail.text).toContain('Hello Anna Müller,');
    expect(mail.text).toMatch(/Car: +VW ID\.3 \(L-BR 101E\)/);
    expect(mail.text).toMatch(/Period: +Tue, 01\/12\/2026, 09:00–12:30\n/);
    expect(mail.text).toMatch(/Purpose: +Bauausschuss in Naunhof/);
    expect(mail.text).toContain('View booking: https://mobil.partheland.example/buchungen/');
    expect(mail.text).toContain('Your ParthelandMobil team');
    expect(mail.text).toContain('This message was sent automatically by ParthelandMobil.');
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.text).not.toMatch(/Uhr|Guten Tag|Fahrzeug|Zeitraum/);
    expect(mail.icalEvent?.filename).toBe('booking.ics');
  });

  it('puts the calendar file’s texts in the same language', () => {
    const event = eventOf(bookingConfirmation(booking, english));
    expect(event.summary).toBe('Pool car L-BR 101E (VW ID.3)');
    expect(event.description).toBe(
      [
        'Purpose: Bauausschuss in Naunhof',
        'Car: VW ID.3, plate L-BR 101E',
        'Pick-up and return: Mobilitätsinsel Rathaus Brandis, Markt 1–3, 04821 Brandis',
        'View or change the booking: https://mobil.partheland.example/buchungen/6f1c2a3b-0000-4000-8000-000000000001',
      ].join('\n'),
    );
    expect(bookingConfirmation(booking, english).icalEvent?.content).toContain('//EN');
    const pending = eventOf(bookingConfirmation(sampleBooking({ status: 'pending' }), english));
    expect(pending.summary).toBe('Pool car L-BR 101E (VW ID.3) – awaiting approval');
  });

  it('names the reason or its absence, the time of a reminder and a licence check’s last day', () => {
    const cancelled = bookingCancelled(
      booking,
      { by: 'fleet_manager', name: 'Lukas Weber', reason: null },
      english,
    );
    expect(cancelled.text).toContain('Your booking was cancelled by Lukas Weber (fleet management).');
    expect(cancelled.text).toContain('No reason was given.');
    expect(cancelled.icalEvent?.filename).toBe('cancellation.ics');
    expect(bookingReminder(booking, english).subject).toBe('Reminder: L-BR 101E from 09:00');
    const person = {
      id: '3f1c2b5e-8a41-4d6f-9c0e-2b7a5d9e1f30',
      name: 'Anna Müller',
      email: 'anna@example.test',
    };
    expect(licenceExpiring(person, person, true, '2026-12-31', english).subject).toBe(
      'Your driving licence check runs out on 31/12/2026',
    );
  });
});

describe('the outbox writes in the recipient’s language', () => {
  it('renders each mail in the language its recipient has now, the calendar file too', async () => {
    const { db } = database;
    const home = await makeMunicipality(db);
    const car = await makeVehicle(db, home);
    const anna = await makeUser(db, home);
    const tom = await makeUser(db, home, 'fleet_manager');
    await db.update(users).set({ language: 'en' }).where(eq(users.id, anna.id));
    const start = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + hours(24));
    const booked = await makeBooking(db, {
      vehicleId: car.id,
      userId: anna.id,
      startsAt: start,
      endsAt: at(start, hours(2)),
    });
    const notices: Notice[] = [
      { kind: 'confirmation', bookingId: booked.id },
      { kind: 'approval_requested', bookingId: booked.id, managerId: tom.id },
    ];
    for (const notice of notices) await notify(db, notice);
    const { mailer, sent } = recordingMailer();
    const { timeZone, appUrl, organizer, productName, operatorName } = calendarOptions;
    await sendDueNotifications(
      db,
      mailer,
      { timeZone, appUrl, organizer, productName, operatorName },
      { now: new Date(Date.now() + 1000), scope: { recipientIds: [anna.id, tom.id] } },
    );
    const toAnna = sent.find((message) => message.to.email === anna.email);
    const toTom = sent.find((message) => message.to.email === tom.email);
    expect(toAnna?.subject).toMatch(/^Booking confirmed: /);
    expect(toAnna && eventOf(toAnna).summary).toMatch(/^Pool car /);
    expect(toTom?.subject).toMatch(/^Genehmigung erbeten: /);
    expect(toTom?.text).toContain('möchte ein Fahrzeug Ihrer Kommune buchen');
  });
});
