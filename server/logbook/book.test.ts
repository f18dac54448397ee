import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { trips } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { saveLogbook } from '../damage/logbook';
import { damageWorld, pastBooking } from '../damage/test-fixtures';
import { callerFor, makeUser } from '../test-support';
import { bookPdf, bookTables } from './export';

const database = testDatabaseForFile();
const HOUR = 3_600_000;
let world: Awaited<ReturnType<typeof damageWorld>>;
let changed: string;
let operator: Awaited<ReturnType<typeof makeUser>>;
// Two trips in November 2026 (Europe/Berlin), the second one's entry rewritten a day later.
const first = new Date('2026-11-10T07:00:00Z');
const second = new Date('2026-11-12T12:00:00Z');
const period = { from: '2026-11-01', to: '2026-12-01' };

async function drive(startsAt: Date, odometer: number, km: number) {
  const id = await pastBooking(
    database.db,
    world.car.id,
    world.booker,
    startsAt,
    new Date(startsAt.getTime() + 2 * HOUR),
  );
  await database.db.insert(trips).values({
    bookingId: id,
    startedAt: startsAt,
    endedAt: new Date(startsAt.getTime() + HOUR),
    // In tenths of a kilometre, as the box counts.
    odometerStart: odometer * 10,
    odometerEnd: (odometer + km) * 10,
  });
  return id;
}

beforeAll(async () => {
  world = await damageWorld(database.db);
  operator = await makeUser(database.db, null, 'operator');
  const plain = await drive(first, 12_000, 34);
  changed = await drive(second, 12_034, 18);
  const entry = { purpose: 'Bauausschuss', destination: 'Landratsamt Borna' };
  await saveLogbook(
    database.db,
    world.booker,
    { bookingId: plain, ...entry },
    new Date(first.getTime() + 2 * HOUR),
  );
  await saveLogbook(
    database.db,
    world.booker,
    { bookingId: changed, ...entry },
    new Date(second.getTime() + 2 * HOUR),
  );
  await saveLogbook(
    database.db,
    world.booker,
    {
      bookingId: changed,
      purpose: 'Bauausschuss',
      destination: 'Rathaus Grimma',
      personVisited: 'Frau Keller',
    },
    new Date(second.getTime() + 26 * HOUR),
  );
});

describe('the Fahrtenbuch', () => {
  it('lists a car’s trips with the box’s km and the entry, and keeps every version of a changed entry', async () => {
    const book = await callerFor(database.db, world.manager).logbook.book({
      vehicleId: world.car.id,
      ...period,
    });
    expect(book.subject).toMatchObject({ kind: 'car', plate: world.car.plate });
    expect(book.lastDay).toBe('2026-11-30');
    expect(book.trips.map((t) => [t.km, t.destination, t.changed])).toEqual([
      [34, 'Landratsamt Borna', false],
      [18, 'Rathaus Grimma', true],
    ]);
    expect(book.changes).toHaveLength(1);
    expect(book.changes[0]?.trip.bookingId).toBe(changed);
    expect(book.changes[0]?.versions.map((v) => v.destination)).toEqual([
      'Landratsamt Borna',
      'Rathaus Grimma',
    ]);
  });

  it('gives a person their own book; to anyone else, managers too, the person does not exist', async () => {
    const own = await callerFor(database.db, world.booker).logbook.book({
      userId: world.booker.id,
      ...period,
    });
    expect(own.trips).toHaveLength(2);
    for (const other of [world.colleague, world.manager, world.otherManager, operator])
      await expect(
        callerFor(database.db, other).logbook.book({ userId: world.booker.id, ...period }),
      ).rejects.toMatchObject({ cause: { code: 'PERSON_NOT_FOUND' } });
  });

  it('shows the operator every car’s trips, and the booker their own on a car', async () => {
    for (const reader of [operator, world.booker]) {
      const book = await callerFor(database.db, reader).logbook.book({ vehicleId: world.car.id, ...period });
      expect(book.trips).toHaveLength(2);
    }
  });

  it('shows a car’s book to another municipality’s manager without the trips they may not see', async () => {
    const book = await callerFor(database.db, world.otherManager).logbook.book({
      vehicleId: world.car.id,
      ...period,
    });
    expect(book.trips).toEqual([]);
    expect(book.changes).toEqual([]);
  });

  it('names the field when the input is wrong', async () => {
    const caller = callerFor(database.db, world.manager);
    const fieldsOf = (call: Promise<unknown>) =>
      call.then(
        () => ({}),
        (error: { cause?: unknown }) => z.flattenError(error.cause as z.ZodError).fieldErrors,
      );
    const both = { vehicleId: world.car.id, userId: world.booker.id, ...period };
    expect(await fieldsOf(caller.logbook.book(both))).toEqual({
      vehicleId: ['Bitte ein Fahrzeug oder eine Person wählen, nicht beides.'],
    });
    const backwards = { vehicleId: world.car.id, from: '2026-12-01', to: '2026-11-01' };
    expect(await fieldsOf(caller.logbook.book(backwards))).toEqual({
      to: ['Das Ende des Zeitraums muss nach seinem Beginn liegen.'],
    });
  });

  it('exports the trips and the changes as CSV tables and as a PDF', async () => {
    const book = await callerFor(database.db, world.manager).logbook.book({
      vehicleId: world.car.id,
      ...period,
    });
    const heading = {
      subject: { plate: world.car.plate, car: 'VW ID.3' },
      from: book.from,
      lastDay: book.lastDay,
      language: 'de' as const,
      timeZone: 'Europe/Berlin',
      madeAt: new Date('2026-12-03T09:00:00Z'),
    };
    const [tripTable, changeTable] = bookTables(book, heading);
    expect(tripTable?.rows.map((row) => [row[0], row[6], row[8]])).toEqual([
      [new Date('2026-11-10T08:00:00Z'), 34, 'Landratsamt Borna'],
      [new Date('2026-11-12T13:00:00Z'), 18, 'Rathaus Grimma'],
    ]);
    expect(changeTable?.rows.map((row) => [row[2], row[6]])).toEqual([
      [1, 'Landratsamt Borna'],
      [2, 'Rathaus Grimma'],
    ]);
    const pdf = await bookPdf(book, heading, 'ParthelandMobil');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(2_000);
  });
});
