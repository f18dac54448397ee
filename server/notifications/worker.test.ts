import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { bookings, notifications } from '@/db/schema';
import { openTestDatabase } from '@/db/test-db';
import { at, hours, makeBooking } from '../calendar/booking-test-support';
import { calendarOptions, parseIcs } from '../calendar/test-support';
import { makeMunicipality, makeUser, makeVehicle } from '../test-support';
import { type Mailer, smtpMailer } from './mailer';
import { decodeHeader, leaves, parseMime } from './mime-test-support';
import { notify } from './outbox';
import { recordingMailer } from './recording-mailer';
import { startSmtpServer } from './smtp-test-support';
import {
  claimNext,
  MAX_ATTEMPTS,
  sendDueNotifications,
  startNotificationWorker,
  type WorkerRun,
} from './worker';

let database: Database;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let mailer: Mailer;
beforeAll(async () => {
  database = await openTestDatabase();
  smtp = await startSmtpServer();
  mailer = smtpMailer(smtp.url, 'ParthelandMobil <noreply@partheland.example>');
});
afterAll(async () => {
  mailer.close();
  await smtp.close();
  await database.close();
});

const context = calendarOptions;
const failing: Mailer = {
  send: () => Promise.reject(new Error('451 mail server unavailable')),
  close: () => {},
};

/** A booker with one booking a day ahead; its id and the scope that keeps the run to this test. */
async function setting(sequence = 0) {
  const { db } = database;
  const home = await makeMunicipality(db);
  const car = await makeVehicle(db, home);
  const booker = await makeUser(db, home);
  const start = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + hours(24));
  const booking = await makeBooking(db, {
    vehicleId: car.id,
    userId: booker.id,
    startsAt: start,
    endsAt: at(start, hours(2)),
    sequence,
  });
  return { db, home, car, booker, booking, scope: { recipientIds: [booker.id] } };
}

const rowsOf = (bookingId: string) =>
  database.db.select().from(notifications).where(eq(notifications.bookingId, bookingId));

describe('sendDueNotifications', () => {
  it('sends queued notices once over SMTP, with the invitation at the SEQUENCE of when it was queued', async () => {
    const { db, booker, booking, scope } = await setting(2);
    await notify(db, { kind: 'confirmation', bookingId: booking.id });
    await notify(db, { kind: 'reminder', bookingId: booking.id });
    // Changed after queueing: the mail still says what was true when its change happened.
    await db.update(bookings).set({ sequence: 3 }).where(eq(bookings.id, booking.id));

    const now = new Date(Date.now() + 1000);
    expect(await sendDueNotifications(db, mailer, context, { now, limit: 20, scope })).toEqual({
      claimed: 2,
      sent: 2,
      failed: 0,
      gaveUp: 0,
    });
    expect(await sendDueNotifications(db, mailer, context, { now, limit: 20, scope })).toMatchObject({
      claimed: 0,
    });

    const mails = smtp.to(booker.email);
    expect(mails).toHaveLength(2);
    const subjects = mails.map((mail) => decodeHeader(parseMime(mail.raw).headers.get('subject') ?? ''));
    expect(subjects).toEqual([
      expect.stringMatching(/^Buchung bestätigt: /),
      expect.stringMatching(/^Erinnerung: /),
    ]);
    const confirmation = parseMime(mails[0]?.raw ?? '');
    const invitation = leaves(confirmation).find((part) =>
      /^text\/calendar/i.test(part.headers.get('content-type') ?? ''),
    );
    const calendar = parseIcs(invitation?.body ?? '');
    expect(calendar.method).toBe('REQUEST');
    expect(calendar.events[0]).toMatchObject({ uid: expect.stringContaining(booking.id), sequence: 2 });

    const rows = await rowsOf(booking.id);
    expect(rows.every((row) => row.sentAt?.getTime() === now.getTime() && row.attempts === 0)).toBe(true);
  });

  it('leaves a notice unsent with one more attempt and a later not_before when the transport fails', async () => {
    const { db, booker, booking, scope } = await setting();
    await notify(db, { kind: 'confirmation', bookingId: booking.id });
    const now = new Date(Date.now() + 1000);

    expect(await sendDueNotifications(db, failing, context, { now, limit: 20, scope })).toMatchObject({
      failed: 1,
      sent: 0,
    });
    const [row] = await rowsOf(booking.id);
    expect(row).toMatchObject({ sentAt: null, attempts: 1, lastError: expect.stringContaining('451') });
    expect(row?.notBefore.getTime()).toBe(now.getTime() + 60_000);

    // Not before the backoff has passed; then a working transport delivers it.
    expect(
      await sendDueNotifications(db, mailer, context, { now: at(now, 30_000), limit: 20, scope }),
    ).toMatchObject({
      claimed: 0,
    });
    expect(
      await sendDueNotifications(db, mailer, context, { now: at(now, 60_000), limit: 20, scope }),
    ).toMatchObject({
      sent: 1,
    });
    expect(smtp.to(booker.email)).toHaveLength(1);
  });

  it(`gives up after ${MAX_ATTEMPTS} failures and keeps the row for inspection`, async () => {
    const { db, booking, scope } = await setting();
    await notify(db, { kind: 'reminder', bookingId: booking.id });
    let now = new Date(Date.now() + 1000);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await sendDueNotifications(db, failing, context, { now, limit: 20, scope });
      const [row] = await rowsOf(booking.id);
      expect(row?.attempts).toBe(attempt);
      now = row?.notBefore ?? now;
    }
    expect(
      await sendDueNotifications(db, mailer, context, { now: at(now, hours(24 * 365)), limit: 20, scope }),
    ).toMatchObject({
      claimed: 0,
    });
    const [row] = await rowsOf(booking.id);
    expect(row).toMatchObject({ sentAt: null, attempts: MAX_ATTEMPTS });
  });

  it('gives up at once on a notice that can never be rendered', async () => {
    const { db, booker, booking, scope } = await setting();
    await db
      .insert(notifications)
      .values({ recipientId: booker.id, bookingId: booking.id, kind: 'no_show', payload: { grace: 'x' } });
    expect(
      await sendDueNotifications(db, mailer, context, { now: new Date(Date.now() + 1000), limit: 20, scope }),
    ).toMatchObject({
      gaveUp: 1,
    });
    const [row] = await rowsOf(booking.id);
    expect(row).toMatchObject({
      sentAt: null,
      attempts: MAX_ATTEMPTS,
      lastError: expect.stringContaining('no_show'),
    });
  });

  it('never sends the notice of a transaction that rolled back', async () => {
    const { db, booker, booking, scope } = await setting();
    await expect(
      db.transaction(async (tx) => {
        await notify(tx, { kind: 'confirmation', bookingId: booking.id });
        throw new Error('booking failed after the notice was queued');
      }),
    ).rejects.toThrow('booking failed');
    expect(
      await sendDueNotifications(db, mailer, context, { now: new Date(Date.now() + 1000), limit: 20, scope }),
    ).toMatchObject({
      claimed: 0,
    });
    expect(await rowsOf(booking.id)).toEqual([]);
    expect(smtp.to(booker.email)).toHaveLength(0);
  });

  it('sends again a minute after a worker died between claim and mark (at least once)', async () => {
    const { db, booker, booking, scope } = await setting();
    await notify(db, { kind: 'reminder', bookingId: booking.id });
    const now = new Date(Date.now() + 1000);
    expect(await claimNext(db, now, scope)).not.toBeNull(); // and then the process is gone
    expect(
      await sendDueNotifications(db, mailer, context, { now: at(now, 60_000 - 1), limit: 20, scope }),
    ).toMatchObject({ claimed: 0 });
    // Not ten minutes: the lease is short because a live worker renews it while it sends.
    expect(
      await sendDueNotifications(db, mailer, context, { now: at(now, 60_000), limit: 20, scope }),
    ).toMatchObject({ sent: 1 });
    expect(smtp.to(booker.email)).toHaveLength(1);
  });

  it('keeps a send that outlasts the lease to itself by renewing the lease', async () => {
    const { db, booking, scope } = await setting();
    await notify(db, { kind: 'reminder', bookingId: booking.id }, new Date(Date.now() - 1000));
    const leaseMs = 300;
    const sends: string[] = [];
    const slow = (name: string, ms: number): Mailer => ({
      send: async () => {
        sends.push(name);
        await new Promise((resolve) => setTimeout(resolve, ms));
        return { messageId: `<${name}@test>` };
      },
      close: () => {},
    });
    // Both on the wall clock: the first worker takes the row and needs four leases to send it.
    const first = sendDueNotifications(db, slow('first', 4 * leaseMs), context, { scope, leaseMs });
    await expect.poll(() => sends.length).toBe(1);
    const other: WorkerRun[] = [];
    const until = Date.now() + 5 * leaseMs;
    while (Date.now() < until) {
      other.push(await sendDueNotifications(db, slow('second', 0), context, { scope, leaseMs }));
      await new Promise((resolve) => setTimeout(resolve, leaseMs / 6));
    }
    expect(await first).toMatchObject({ claimed: 1, sent: 1 });
    expect(other.reduce((sum, run) => sum + run.claimed, 0)).toBe(0);
    expect(sends).toEqual(['first']);
  });
});

describe('concurrent workers', () => {
  it('send each notice exactly once (two pools on PostgreSQL)', async () => {
    const { db, home, car } = await setting();
    const people = await Promise.all(Array.from({ length: 12 }, () => makeUser(db, home)));
    const base = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + hours(48));
    for (const [index, person] of people.entries()) {
      const start = at(base, hours(3 * index));
      const booking = await makeBooking(db, {
        vehicleId: car.id,
        userId: person.id,
        startsAt: start,
        endsAt: at(start, hours(1)),
      });
      await notify(db, { kind: 'confirmation', bookingId: booking.id });
      await notify(db, { kind: 'reminder', bookingId: booking.id });
    }
    const scope = { recipientIds: people.map((person) => person.id) };
    const second = database.engine === 'postgres' ? await openTestDatabase() : database;
    const otherMailer = smtpMailer(smtp.url, 'noreply@partheland.example');
    try {
      const now = new Date(Date.now() + 1000);
      const runs = await Promise.all([
        sendDueNotifications(db, mailer, context, { now, limit: 100, scope }),
        sendDueNotifications(second.db, otherMailer, context, { now, limit: 100, scope }),
        sendDueNotifications(db, mailer, context, { now, limit: 100, scope }),
      ]);
      expect(runs.reduce((sum, run) => sum + run.sent, 0)).toBe(24);
      // On PostgreSQL the work was really shared, not done by whichever worker came first.
      if (database.engine === 'postgres')
        expect(runs.filter((run) => run.sent > 0).length).toBeGreaterThanOrEqual(2);
    } finally {
      otherMailer.close();
      if (second !== database) await second.close();
    }
    const mails = smtp.to(...people.map((person) => person.email));
    expect(mails).toHaveLength(24);
    for (const person of people) expect(smtp.to(person.email)).toHaveLength(2);
    const rows = await db
      .select()
      .from(notifications)
      .where(inArray(notifications.recipientId, scope.recipientIds));
    expect(rows.filter((row) => row.sentAt !== null)).toHaveLength(24);
  });
});

describe('startNotificationWorker', () => {
  it('sends in the background, wakes on demand, and stops cleanly', async () => {
    const { db, booker, booking, scope } = await setting();
    const { mailer: recording, sent } = recordingMailer();
    const worker = startNotificationWorker(() => db, recording, context, { intervalMs: 60_000, scope });
    await notify(db, { kind: 'confirmation', bookingId: booking.id });
    worker.wake();
    await expect.poll(() => sent.length, { timeout: 5000 }).toBe(1);
    await worker.stop();
    expect(sent[0]?.to.email).toBe(booker.email);

    await notify(db, { kind: 'reminder', bookingId: booking.id });
    worker.wake(); // stopped: nothing more goes out
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sent).toHaveLength(1);
  });
});
