import { TZDate } from '@date-fns/tz';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookings } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { callerFor, makeMunicipality, makeUser, makeVehicle } from '../test-support';

const database = testDatabaseForFile();

/** Next Tuesday in Berlin, as YYYY-MM-DD. */
function nextTuesday(): string {
  const today = new TZDate(new Date(), 'Europe/Berlin');
  const ahead = ((2 - today.getDay() + 7) % 7) + 7;
  const day = new TZDate(today.getFullYear(), today.getMonth(), today.getDate() + ahead, 'Europe/Berlin');
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

async function setting() {
  const { db } = database;
  const home = await makeMunicipality(db);
  const car = await makeVehicle(db, home);
  const person = await makeUser(db, home);
  return { db, home, car, person, api: callerFor(db, person) };
}

const weekly = (vehicleId: string, weeks = 6) => ({
  vehicleId,
  firstDay: nextTuesday(),
  startTime: '08:00',
  endTime: '12:00',
  weeks,
  purpose: 'Sprechstunde Ortsteil',
});

describe('recurring bookings', () => {
  it('books every Tuesday 8–12 together', async () => {
    const { car, api } = await setting();
    const result = await api.bookings.createSeries(weekly(car.id));
    expect(result.bookingIds).toHaveLength(6);
    expect(result.skipped).toEqual([]);
    const mine = await api.bookings.mine();
    for (const b of mine) expect(new TZDate(b.startsAt, 'Europe/Berlin').getHours()).toBe(8);
  });

  it('lists conflicts and books nothing unless asked to skip them', async () => {
    const { db, home, car, api } = await setting();
    const first = await api.bookings.createSeries(weekly(car.id, 1));
    const other = callerFor(db, await makeUser(db, home));
    await api.bookings.cancelSeries({ seriesId: first.seriesId });
    const [occurrence] = await db.select().from(bookings).where(eq(bookings.seriesId, first.seriesId));
    if (!occurrence) throw new Error('no occurrence');
    await other.bookings.create({ vehicleId: car.id, from: occurrence.startsAt, to: occurrence.endsAt });
    const refused = await api.bookings.createSeries(weekly(car.id, 4)).catch((e: unknown) => e);
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      message: '1 von 4 Terminen sind nicht möglich; es wurde nichts gebucht.',
    });
    expect((await api.bookings.mine()).filter((b) => b.status !== 'cancelled')).toEqual([]);
    const booked = await api.bookings.createSeries({ ...weekly(car.id, 4), skipConflicts: true });
    expect(booked.bookingIds).toHaveLength(3);
    expect(booked.skipped).toHaveLength(1);
    expect(booked.skipped[0]?.start).toEqual(occurrence.startsAt);
  });

  it('cancels one occurrence alone or the rest of the series at once', async () => {
    const { db, car, api } = await setting();
    const series = await api.bookings.createSeries(weekly(car.id, 3));
    const [one] = series.bookingIds;
    await api.bookings.cancel({ id: one ?? '' });
    expect(await api.bookings.cancelSeries({ seriesId: series.seriesId })).toEqual({ cancelled: 2 });
    const rows = await db.select().from(bookings).where(eq(bookings.seriesId, series.seriesId));
    expect(rows.map((r) => r.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
  });

  it("refuses another person's series", async () => {
    const { db, home, car, api } = await setting();
    const series = await api.bookings.createSeries(weekly(car.id, 1));
    const other = callerFor(db, await makeUser(db, home));
    await expect(other.bookings.cancelSeries({ seriesId: series.seriesId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
