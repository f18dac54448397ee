import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookings, logbookEntries, logbookHistory } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { saveLogbook } from '../damage/logbook';
import { damageWorld, pastBooking } from '../damage/test-fixtures';
import { runRetention } from '../privacy/retention';
import { logbookCutoff } from './retention';

const database = testDatabaseForFile();
const zone = 'Europe/Berlin';
const HOUR = 3_600_000;

describe('how long a Fahrtenbuch is kept', () => {
  it('to the end of the tenth calendar year after its entry', () => {
    expect(logbookCutoff(new Date('2037-03-01T10:00:00Z'), zone)).toEqual(new Date('2026-12-31T23:00:00Z'));
    // 23:30 on New Year's Eve in Leipzig is still the old year there, though it is not in UTC+0 for long.
    expect(logbookCutoff(new Date('2036-12-31T22:30:00Z'), zone)).toEqual(new Date('2025-12-31T23:00:00Z'));
    expect(logbookCutoff(new Date('2036-12-31T23:30:00Z'), zone)).toEqual(new Date('2026-12-31T23:00:00Z'));
  });

  it('is removed by the retention run after that, and the booking then loses its person', async () => {
    const world = await damageWorld(database.db);
    const at = (iso: string) => new Date(iso);
    const book = async (start: Date, entries: Date[]) => {
      const id = await pastBooking(
        database.db,
        world.car.id,
        world.booker,
        start,
        new Date(start.getTime() + HOUR),
      );
      for (const [i, when] of entries.entries())
        await saveLogbook(
          database.db,
          world.booker,
          { bookingId: id, purpose: `Termin ${i}`, destination: 'Landratsamt' },
          when,
        );
      return id;
    };
    // Driven in 2015, corrected in 2016: kept until the end of 2026. Driven in 2016: until the end of 2026 too.
    const corrected = await book(at('2015-12-30T08:00:00Z'), [
      at('2015-12-30T12:00:00Z'),
      at('2016-01-04T09:00:00Z'),
    ]);
    const expired = await book(at('2015-06-01T08:00:00Z'), [at('2015-06-01T12:00:00Z')]);
    const kept = await book(at('2016-06-01T08:00:00Z'), [at('2016-06-01T12:00:00Z')]);
    await runRetention(database.db, at('2026-12-03T09:00:00Z'), { months: 12, timeZone: zone });
    const left = await database.db
      .select({ id: logbookEntries.bookingId })
      .from(logbookEntries)
      .where(inArray(logbookEntries.bookingId, [corrected, expired, kept]));
    expect(left.map((l) => l.id).sort()).toEqual([corrected, kept].sort());
    expect(
      await database.db.select().from(logbookHistory).where(eq(logbookHistory.bookingId, expired)),
    ).toEqual([]);
    const persons = await database.db
      .select({ id: bookings.id, userId: bookings.userId })
      .from(bookings)
      .where(inArray(bookings.id, [expired, kept]));
    expect(Object.fromEntries(persons.map((p) => [p.id, p.userId]))).toEqual({
      [expired]: null,
      [kept]: world.booker.id,
    });
    // Outside the retention run the history stays as written.
    await expect(
      database.db.delete(logbookHistory).where(eq(logbookHistory.bookingId, kept)),
    ).rejects.toThrow();
  });
});
