import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookings, notifications } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { callerFor, hoursFromNow, makeMunicipality, makeUser, makeVehicle } from '../test-support';
import { noticeLateReturns, releaseNoShows, sendReminders } from './scheduler';

const database = testDatabaseForFile();

const minutesAgo = (minutes: number, now: Date) => new Date(now.getTime() - minutes * 60_000);

/** A booking written straight to the table: the API refuses starts in the past, the clock does not. */
async function stored(
  vehicleId: string,
  userId: string,
  start: Date,
  end: Date,
  status: 'reserved' | 'active',
) {
  const [row] = await database.db
    .insert(bookings)
    .values({ vehicleId, userId, startsAt: start, endsAt: end, status })
    .returning();
  if (!row) throw new Error('no booking');
  return row;
}

const kindsFor = async (bookingId: string) =>
  (await database.db.select().from(notifications).where(eq(notifications.bookingId, bookingId))).map(
    (n) => n.kind,
  );

describe('the scheduler', () => {
  it('releases a reservation nobody unlocked within the grace, and the time is bookable at once', async () => {
    const { db } = database;
    const home = await makeMunicipality(db);
    const car = await makeVehicle(db, home);
    const person = await makeUser(db, home);
    const now = new Date();
    const waiting = await stored(
      car.id,
      person.id,
      minutesAgo(40, now),
      new Date(+now + 80 * 60_000),
      'reserved',
    );
    const fresh = await stored(
      car.id,
      person.id,
      new Date(+now + 180 * 60_000),
      new Date(+now + 240 * 60_000),
      'reserved',
    );
    expect(await releaseNoShows(db, now)).toBeGreaterThanOrEqual(1);
    const [row] = await db.select().from(bookings).where(eq(bookings.id, waiting.id));
    expect(row?.status).toBe('no_show');
    expect(await kindsFor(waiting.id)).toEqual(['no_show']);
    const [untouched] = await db.select().from(bookings).where(eq(bookings.id, fresh.id));
    expect(untouched?.status).toBe('reserved');
    // The freed time is bookable immediately.
    await callerFor(db, await makeUser(db, home)).bookings.create({
      vehicleId: car.id,
      ...hoursFromNow(0.1, 1),
    });
    // A second run, as another instance would make it, finds nothing left.
    expect(await releaseNoShows(db, now)).toBe(0);
  });

  it('waits for the grace period the owner set', async () => {
    const { db } = database;
    const home = await makeMunicipality(db);
    const manager = await makeUser(db, home, 'fleet_manager');
    await callerFor(db, manager).policies.update({
      municipalityId: home.id,
      horizonDays: 60,
      maxDurationMinutes: 20160,
      minLeadMinutes: 0,
      othersMayBook: true,
      othersFrom: null,
      othersUntil: null,
      noShowGraceMinutes: 60,
      maxFutureBookingsPerPerson: 10,
      approvalRequired: false,
    });
    const car = await makeVehicle(db, home);
    const now = new Date();
    const booking = await stored(
      car.id,
      manager.id,
      minutesAgo(40, now),
      new Date(+now + 60 * 60_000),
      'reserved',
    );
    await releaseNoShows(db, now);
    const [row] = await db.select().from(bookings).where(eq(bookings.id, booking.id));
    expect(row?.status).toBe('reserved');
  });

  it('notices a late return once and tells the next booker, offering an equivalent free car', async () => {
    const { db } = database;
    const home = await makeMunicipality(db);
    const car = await makeVehicle(db, home);
    const spare = await makeVehicle(db, home);
    const [driver, next] = [await makeUser(db, home), await makeUser(db, home)];
    const now = new Date();
    const late = await stored(car.id, driver.id, minutesAgo(120, now), minutesAgo(10, now), 'active');
    const waiting = await stored(
      car.id,
      next.id,
      new Date(+now + 30 * 60_000),
      new Date(+now + 90 * 60_000),
      'reserved',
    );
    expect(await noticeLateReturns(db, now)).toBeGreaterThanOrEqual(1);
    const [row] = await db.select().from(bookings).where(eq(bookings.id, late.id));
    expect(row?.lateReturnNoticedAt).toEqual(now);
    const [warning] = await db.select().from(notifications).where(eq(notifications.bookingId, waiting.id));
    expect(warning).toMatchObject({
      kind: 'late_return',
      recipientId: next.id,
      payload: { alternativeVehicleId: spare.id },
    });
    await noticeLateReturns(db, new Date(+now + 60_000));
    expect(await kindsFor(waiting.id)).toEqual(['late_return']);
  });

  it('reminds once within the hour before the start', async () => {
    const { db } = database;
    const home = await makeMunicipality(db);
    const car = await makeVehicle(db, home);
    const person = await makeUser(db, home);
    const now = new Date();
    const soon = await stored(
      car.id,
      person.id,
      new Date(+now + 30 * 60_000),
      new Date(+now + 90 * 60_000),
      'reserved',
    );
    const later = await stored(
      car.id,
      person.id,
      new Date(+now + 300 * 60_000),
      new Date(+now + 360 * 60_000),
      'reserved',
    );
    await sendReminders(db, now);
    await sendReminders(db, now);
    expect(await kindsFor(soon.id)).toEqual(['reminder']);
    expect(await kindsFor(later.id)).toEqual([]);
  });
});
