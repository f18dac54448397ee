import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { bookings, logbookEntries, logbookHistory } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { AppError } from '../errors';
import { removePersonalDetail } from '../privacy/retention';
import { callerFor } from '../test-support';
import { logbookOf, saveLogbook } from './logbook';
import { damageWorld, pastBooking } from './test-fixtures';

const database = testDatabaseForFile();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const entry = {
  purpose: 'Bauamtsbesprechung',
  destination: 'Landratsamt Borna',
  personVisited: 'Frau Keller',
};

let world: Awaited<ReturnType<typeof damageWorld>>;
let startsAt: Date;
let endsAt: Date;
let bookingId: string;

const refusalOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'saved',
    (error: unknown) => (error instanceof AppError ? error.code : error),
  );

beforeAll(async () => {
  world = await damageWorld(database.db);
  startsAt = new Date(Date.now() - 30 * DAY);
  endsAt = new Date(startsAt.getTime() + 2 * HOUR);
  bookingId = await pastBooking(database.db, world.car.id, world.booker, startsAt, endsAt);
});

describe('the logbook window', () => {
  it('opens at the start and closes 7 days after the end', async () => {
    const save = (now: Date) =>
      refusalOf(saveLogbook(database.db, world.booker, { bookingId, ...entry }, now));
    await database.db.update(bookings).set({ status: 'reserved' }).where(eq(bookings.id, bookingId));
    expect(await save(new Date(startsAt.getTime() - 60_000))).toBe('LOGBOOK_NOT_YET_OPEN');
    await database.db.update(bookings).set({ status: 'completed' }).where(eq(bookings.id, bookingId));
    expect(await save(new Date(endsAt.getTime() + 7 * DAY + 60_000))).toBe('LOGBOOK_CLOSED');
    expect(
      await database.db.select().from(logbookHistory).where(eq(logbookHistory.bookingId, bookingId)),
    ).toEqual([]);
    expect(await save(new Date(endsAt.getTime() + 6 * DAY))).toBe('saved');
  });

  it('opens with a trip begun in the key’s lead time, before the booking’s start', async () => {
    const start = new Date(Date.now() + 5 * 60_000);
    // Unlocked 10 minutes early and ended at once: the booking keeps one minute (lifecycle.ts).
    const early = await pastBooking(
      database.db,
      world.car.id,
      world.booker,
      start,
      new Date(start.getTime() + 60_000),
    );
    const now = new Date();
    expect(await refusalOf(saveLogbook(database.db, world.booker, { bookingId: early, ...entry }, now))).toBe(
      'saved',
    );
    expect(await logbookOf(database.db, world.booker, early, now)).toMatchObject({ state: 'open' });
  });

  it('is the booker’s alone to write; the car’s managers read it, anyone else hears NOT_FOUND', async () => {
    const now = new Date(endsAt.getTime() + DAY);
    expect(await refusalOf(saveLogbook(database.db, world.manager, { bookingId, ...entry }, now))).toBe(
      'BOOKING_NOT_FOUND',
    );
    const seen = await logbookOf(database.db, world.manager, bookingId, now);
    expect(seen).toMatchObject({
      required: true,
      state: 'readOnly',
      entry: { destination: 'Landratsamt Borna' },
    });
    for (const user of [world.colleague, world.otherManager])
      await expect(callerFor(database.db, user).logbook.get({ bookingId })).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message: 'Diese Buchung gibt es nicht (mehr).',
      });
    await expect(
      callerFor(database.db, world.booker).logbook.get({ bookingId: randomUUID() }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Diese Buchung gibt es nicht (mehr).',
    });
  });

  it('is refused where the municipality keeps none', async () => {
    const plain = await damageWorld(database.db, false);
    const now = Date.now();
    const id = await pastBooking(
      database.db,
      plain.car.id,
      plain.booker,
      new Date(now - 3 * HOUR),
      new Date(now - HOUR),
    );
    await expect(
      callerFor(database.db, plain.booker).logbook.save({ bookingId: id, ...entry }),
    ).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: 'Für Fahrzeuge dieser Kommune wird kein Fahrtenbuch geführt.',
    });
  });
});

describe('the logbook history', () => {
  it('keeps every version, oldest first', async () => {
    const now = new Date(endsAt.getTime() + 6 * DAY + HOUR);
    const changed = await saveLogbook(
      database.db,
      world.booker,
      { bookingId, ...entry, destination: 'Rathaus Naunhof' },
      now,
    );
    expect(changed.entry).toMatchObject({ destination: 'Rathaus Naunhof' });
    expect(changed.history.map((v) => v.destination)).toEqual(['Landratsamt Borna', 'Rathaus Naunhof']);
    expect(changed.history.every((v) => v.changedBy === world.booker.name)).toBe(true);
  });

  it('cannot be changed or removed, nor the entry deleted', async () => {
    const refused = (statement: ReturnType<typeof sql>) =>
      database.db.execute(statement).then(
        () => 'done',
        () => 'refused',
      );
    expect(
      await refused(sql`update logbook_history set destination = 'Paris' where booking_id = ${bookingId}`),
    ).toBe('refused');
    expect(await refused(sql`delete from logbook_history where booking_id = ${bookingId}`)).toBe('refused');
    expect(await refused(sql`delete from logbook_entries where booking_id = ${bookingId}`)).toBe('refused');
    const versions = await database.db
      .select()
      .from(logbookHistory)
      .where(eq(logbookHistory.bookingId, bookingId));
    expect(versions.map((v) => v.destination)).toEqual(['Landratsamt Borna', 'Rathaus Naunhof']);
  });
});

describe('retention', () => {
  it('keeps a booking with a logbook entry whole, and strips one without', async () => {
    // In 1999, so no other test's booking is old enough to be touched on a shared database.
    const at = (iso: string) => new Date(iso);
    const kept = await pastBooking(
      database.db,
      world.car.id,
      world.booker,
      at('1999-03-01T08:00:00Z'),
      at('1999-03-01T10:00:00Z'),
    );
    const stripped = await pastBooking(
      database.db,
      world.car.id,
      world.booker,
      at('1999-03-02T08:00:00Z'),
      at('1999-03-02T10:00:00Z'),
    );
    await database.db.insert(logbookEntries).values({
      bookingId: kept,
      ...entry,
      changedBy: world.booker.id,
      changedAt: at('1999-03-02T12:00:00Z'),
    });
    await removePersonalDetail(database.db, at('1999-07-01T00:00:00Z'), at('2000-01-01T00:00:00Z'));
    const rows = await database.db
      .select({ id: bookings.id, userId: bookings.userId })
      .from(bookings)
      .where(sql`${bookings.id} in (${kept}, ${stripped})`);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.userId]))).toEqual({
      [kept]: world.booker.id,
      [stripped]: null,
    });
    const [logbook] = await database.db
      .select()
      .from(logbookEntries)
      .where(eq(logbookEntries.bookingId, kept));
    expect(logbook).toMatchObject(entry);
  });
});
