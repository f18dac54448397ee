import { describe, expect, it } from 'vitest';
import { testDatabaseForFile } from '@/db/test-db';
import { defaultPolicy } from '../bookings/policy';
import { calendarOptions, parseIcs } from '../calendar/test-support';
import { callerFor, hoursFromNow, makeMunicipality, makeUser, makeVehicle } from '../test-support';
import { formatDateTime } from './format';
import type { MailContext, MailMessage } from './message';
import { recordingMailer } from './recording-mailer';
import { sendDueNotifications } from './worker';

const database = testDatabaseForFile();
const context: MailContext = calendarOptions;
const when = (instant: Date) => formatDateTime(instant, context.timeZone, 'de');

/** Runs the worker once for these people, after all their changes, and returns what it sent. */
async function sendAll(people: string[]) {
  const { mailer: recording, sent } = recordingMailer();
  await sendDueNotifications(database.db, recording, context, {
    now: new Date(Date.now() + 1000),
    scope: { recipientIds: people },
  });
  return sent;
}

function calendarOf(message: MailMessage | undefined) {
  const calendar = parseIcs(message?.icalEvent?.content ?? '');
  const [event] = calendar.events;
  if (!event) throw new Error(`no event in ${message?.subject}`);
  return { method: calendar.method, ...event };
}

describe('mails say what happened when it happened', () => {
  it('confirmation, two end changes and a cancellation, all sent after the last of them', async () => {
    const { db } = database;
    const home = await makeMunicipality(db);
    const car = await makeVehicle(db, home);
    const booker = await makeUser(db, home);
    const api = callerFor(db, booker);
    const window = hoursFromNow(24, 1);
    const booking = await api.bookings.create({ vehicleId: car.id, ...window });
    const longer = new Date(window.to.getTime() + 5 * 24 * 3_600_000);
    await api.bookings.changeEnd({ id: booking.id, endsAt: longer });
    const shorter = new Date(window.from.getTime() + 30 * 60_000);
    await api.bookings.changeEnd({ id: booking.id, endsAt: shorter });
    await api.bookings.cancel({ id: booking.id });

    const [confirmation, extended, shortened, cancelled, ...rest] = await sendAll([booker.id]);
    expect(rest).toEqual([]);

    expect(confirmation?.subject).toMatch(/^Buchung bestätigt/);
    expect(calendarOf(confirmation)).toMatchObject({ method: 'REQUEST', sequence: 0, status: 'CONFIRMED' });
    expect(calendarOf(confirmation).end.toISOString()).toBe(window.to.toISOString());
    expect(confirmation?.text).toContain(when(window.from));

    expect(extended?.text).toContain(
      `verlängert: Sie endet jetzt ${when(longer)} Uhr statt ${when(window.to)} Uhr.`,
    );
    expect(calendarOf(extended)).toMatchObject({ method: 'REQUEST', sequence: 1, status: 'CONFIRMED' });
    expect(calendarOf(extended).end.toISOString()).toBe(longer.toISOString());

    expect(shortened?.text).toContain(
      `verkürzt: Sie endet jetzt ${when(shorter)} Uhr statt ${when(longer)} Uhr.`,
    );
    expect(calendarOf(shortened)).toMatchObject({ method: 'REQUEST', sequence: 2, status: 'CONFIRMED' });
    expect(calendarOf(shortened).end.toISOString()).toBe(shorter.toISOString());

    expect(cancelled?.subject).toMatch(/^Buchung storniert/);
    expect(calendarOf(cancelled)).toMatchObject({ method: 'CANCEL', sequence: 3, status: 'CANCELLED' });
    // Cancelled by the booker: no reason to show.
    expect((await api.bookings.byId({ id: booking.id })).closing).toBeNull();
  });

  it('a request and its refusal: tentative, the manager’s link to it, and the reason, in order', async () => {
    const { db } = database;
    const home = await makeMunicipality(db);
    const manager = await makeUser(db, home, 'fleet_manager');
    await callerFor(db, manager).policies.update({
      ...defaultPolicy,
      approvalRequired: true,
      municipalityId: home.id,
    });
    const car = await makeVehicle(db, home);
    const booker = await makeUser(db, home);
    const booking = await callerFor(db, booker).bookings.create({
      vehicleId: car.id,
      ...hoursFromNow(30, 2),
    });
    expect(booking.status).toBe('pending');
    await callerFor(db, manager).bookings.decline({ id: booking.id, reason: 'Das Fahrzeug wird gewartet' });

    const sent = await sendAll([booker.id, manager.id]);
    const toBooker = sent.filter((mail) => mail.to.email === booker.email);
    const [request] = sent.filter((mail) => mail.to.email === manager.email);
    const [pending, declined] = toBooker;
    expect(toBooker).toHaveLength(2);

    expect(calendarOf(pending)).toMatchObject({ method: 'REQUEST', sequence: 0, status: 'TENTATIVE' });
    expect(request?.text).toContain(
      `Anfrage prüfen: ${context.appUrl}/fuhrpark/freigaben?anfrage=${booking.id}#anfrage-${booking.id}`,
    );
    expect(declined?.subject).toMatch(/^Buchung abgelehnt/);
    expect(declined?.text).toContain('Begründung: Das Fahrzeug wird gewartet');
    // A car of the booker's own municipality: no hint to take one of their own.
    expect(declined?.text).not.toContain('eigenen Kommune');
    expect(calendarOf(declined)).toMatchObject({ method: 'CANCEL', sequence: 1, status: 'CANCELLED' });

    // The booking's page shows the booker the reason, not just „Storniert“.
    expect(await callerFor(db, booker).bookings.byId({ id: booking.id })).toMatchObject({
      status: 'cancelled',
      closing: { type: 'decline', reason: 'Das Fahrzeug wird gewartet' },
    });
  });
});
