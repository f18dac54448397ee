import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { notifications } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { at, hours, makeBooking } from '../calendar/booking-test-support';
import { calendarOptions, parseIcs } from '../calendar/test-support';
import { makeMunicipality, makeUser, makeVehicle } from '../test-support';
import { type Notice, notify } from './outbox';
import { recordingMailer } from './recording-mailer';
import { sendDueNotifications } from './worker';

const database = testDatabaseForFile();

/** Queues one notice, runs the worker for this test's people only, and returns what it sent. */
async function deliver(notice: (ids: Ids) => Notice, people: string[], ids: Ids) {
  const { mailer: recording, sent } = recordingMailer();
  await notify(database.db, notice(ids));
  const run = await sendDueNotifications(database.db, recording, calendarOptions, {
    now: new Date(Date.now() + 1000),
    limit: 5,
    scope: { recipientIds: people },
  });
  expect(run).toMatchObject({ sent: 1 });
  const [message] = sent;
  if (!message) throw new Error('nothing sent');
  return message;
}

type Ids = Awaited<ReturnType<typeof setting>>;

async function setting() {
  const { db } = database;
  const home = await makeMunicipality(db);
  const car = await makeVehicle(db, home);
  const spare = await makeVehicle(db, home, { make: 'Renault', model: 'Zoe' });
  const booker = await makeUser(db, home);
  const manager = await makeUser(db, home, 'fleet_manager');
  const start = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + hours(24));
  const booking = await makeBooking(db, {
    vehicleId: car.id,
    userId: booker.id,
    startsAt: start,
    endsAt: at(start, hours(2)),
    sequence: 1,
  });
  return { car, spare, booker, manager, booking, people: [booker.id, manager.id] };
}

describe('the worker renders each kind from the booking as it is now', () => {
  it('a change of car names both cars', async () => {
    const ids = await setting();
    const message = await deliver(
      (i) => ({
        kind: 'changed',
        bookingId: i.booking.id,
        change: { kind: 'vehicle', previousVehicleId: i.spare.id },
        actor: { name: 'Frau Fuhrpark', reason: 'Werkstatt' },
      }),
      ids.people,
      ids,
    );
    expect(message.to.email).toBe(ids.booker.email);
    expect(message.text).toContain(`${ids.car.make} ${ids.car.model} (${ids.car.plate})`);
    expect(message.text).toContain(`statt Renault Zoe (${ids.spare.plate})`);
    expect(message.text).toContain('Begründung: Werkstatt');
    expect(parseIcs(message.icalEvent?.content ?? '').events[0]?.sequence).toBe(1);
  });

  it('a new time shows the previous one', async () => {
    const ids = await setting();
    const previous = {
      startsAt: at(ids.booking.startsAt, hours(-1)).toISOString(),
      endsAt: ids.booking.endsAt.toISOString(),
    };
    const message = await deliver(
      (i) => ({ kind: 'changed', bookingId: i.booking.id, change: { kind: 'rescheduled', previous } }),
      ids.people,
      ids,
    );
    expect(message.text).toContain('Ihre Buchung wurde verschoben');
  });

  it('a late return offers the alternative with a link to book it', async () => {
    const ids = await setting();
    const message = await deliver(
      (i) => ({ kind: 'late_return', bookingId: i.booking.id, alternativeVehicleId: i.spare.id }),
      ids.people,
      ids,
    );
    expect(message.text).toContain(`Renault Zoe (${ids.spare.plate})`);
    expect(message.text).toContain(
      `Ersatzfahrzeug buchen: ${calendarOptions.appUrl}/?fahrzeug=${ids.spare.id}&von=`,
    );
  });

  it('an approval request goes to the manager, naming the booker', async () => {
    const ids = await setting();
    const message = await deliver(
      (i) => ({ kind: 'approval_requested', bookingId: i.booking.id, managerId: i.manager.id }),
      ids.people,
      ids,
    );
    expect(message.to.email).toBe(ids.manager.email);
    expect(message.subject).toMatch(/^Genehmigung erbeten/);
    expect(message.text).toContain(ids.booker.email);
    const [row] = await database.db
      .select()
      .from(notifications)
      .where(eq(notifications.bookingId, ids.booking.id));
    expect(row?.recipientId).toBe(ids.manager.id);
  });

  it('a cancellation by the fleet manager and a refusal carry CANCEL', async () => {
    const ids = await setting();
    const cancelled = await deliver(
      (i) => ({
        kind: 'cancelled',
        bookingId: i.booking.id,
        cancellation: { by: 'fleet_manager', name: 'Herr Amt', reason: null },
      }),
      ids.people,
      ids,
    );
    expect(cancelled.text).toContain('von Herr Amt (Fuhrparkverwaltung) storniert');
    expect(cancelled.icalEvent?.method).toBe('CANCEL');
    const declined = await deliver(
      (i) => ({
        kind: 'approval_declined',
        bookingId: i.booking.id,
        name: 'Herr Amt',
        reason: 'Eigenbedarf',
      }),
      ids.people,
      ids,
    );
    expect(declined.text).toContain('Begründung: Eigenbedarf');
    expect(declined.icalEvent?.method).toBe('CANCEL');
  });

  it('no-show, pending and granted approvals', async () => {
    const ids = await setting();
    const noShow = await deliver(
      (i) => ({ kind: 'no_show', bookingId: i.booking.id, graceMinutes: 20 }),
      ids.people,
      ids,
    );
    expect(noShow.text).toContain('bis 20 Minuten nach Beginn');
    const pending = await deliver(
      (i) => ({ kind: 'approval_pending', bookingId: i.booking.id }),
      ids.people,
      ids,
    );
    expect(pending.subject).toMatch(/^Buchung angefragt/);
    const granted = await deliver(
      (i) => ({ kind: 'approval_granted', bookingId: i.booking.id }),
      ids.people,
      ids,
    );
    expect(granted.icalEvent?.method).toBe('REQUEST');
  });
});
