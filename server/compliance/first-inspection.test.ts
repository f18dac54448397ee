import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, bookings, notifications, vehicleBlocks, vehicles } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { callerFor, hoursFromNow, makeMunicipality, makeUser, makeVehicle } from '../test-support';
import { addMonths, regionToday, startOfDay } from './due';
import { blockCarsNeverInspected, FIRST_INSPECTION_ROUND } from './first-inspection';

const database = testDatabaseForFile();
const zone = 'Europe/Berlin';
const today = () => regionToday(new Date(), zone);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function station() {
  const { db } = database;
  const home = await makeMunicipality(db);
  const admin = callerFor(db, await makeUser(db, home, 'fleet_manager'));
  const staff = callerFor(db, await makeUser(db, home));
  return { db, home, admin, staff };
}

/** The clockwork's round, for these cars only (the test database is shared with other files). */
const round = (...vehicleIds: string[]) =>
  blockCarsNeverInspected(database.db, new Date(), zone, { vehicleIds });

const openBlocks = (vehicleId: string) =>
  database.db
    .select()
    .from(vehicleBlocks)
    .where(and(eq(vehicleBlocks.vehicleId, vehicleId), isNull(vehicleBlocks.cancelledAt)));

describe('a car with no UVV inspection on record', () => {
  it('is blocked once a year has passed since it entered service; its booking cancelled, the booker told', async () => {
    const { db, home, admin, staff } = await station();
    const car = await makeVehicle(db, home);
    const booking = await staff.bookings.create({ vehicleId: car.id, ...hoursFromNow(24, 2) });
    // Commissioned thirteen months ago (set after the booking, as a manager correcting the date).
    await db
      .update(vehicles)
      .set({ commissionedAt: startOfDay(addMonths(today(), -13), zone) })
      .where(eq(vehicles.id, car.id));

    expect(await round(car.id)).toBe(1);
    const [block] = await openBlocks(car.id);
    expect(block).toMatchObject({ kind: 'inspection', untilCleared: true, createdBy: null });
    expect(block?.startsAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(block?.reason).toContain('Keine UVV-Prüfung erfasst');
    const [cancelled] = await db.select().from(bookings).where(eq(bookings.id, booking.id));
    expect(cancelled?.status).toBe('cancelled');
    const told = await db.select().from(notifications).where(eq(notifications.bookingId, booking.id));
    expect(told.map((n) => n.kind)).toContain('cancelled');
    await expect(staff.bookings.create({ vehicleId: car.id, ...hoursFromNow(30, 1) })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(admin.blocks.cancel({ id: block?.id ?? '' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    const row = (await admin.inspections.overview()).find((r) => r.id === car.id);
    expect(row).toMatchObject({ state: 'missing', nextDue: addMonths(addMonths(today(), -13), 12) });
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.objectId, block?.id ?? ''));
    expect(entry).toMatchObject({ action: 'block.create', actorId: null, municipalityId: home.id });

    // A second round, as another instance's, changes nothing.
    expect(await round(car.id)).toBe(0);
    expect(await openBlocks(car.id)).toHaveLength(1);

    // Its inspection recorded, the block ends and the car is bookable; the next block is a year out.
    const passed = await admin.inspections.record({
      vehicleId: car.id,
      inspectedOn: today(),
      inspector: 'Sachkundiger K. Lehmann',
      result: 'passed',
      defects: '',
    });
    const [ended] = await db
      .select()
      .from(vehicleBlocks)
      .where(eq(vehicleBlocks.id, block?.id ?? ''));
    expect(ended?.endsAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(passed.block?.startsAt.getTime()).toBeGreaterThan(Date.now() + 360 * DAY);
    expect(await staff.bookings.create({ vehicleId: car.id, ...hoursFromNow(30, 1) })).toMatchObject({
      status: 'reserved',
    });
    expect(await round(car.id)).toBe(0);
  });

  it('new to the fleet, is blocked ahead from the day after its first due date, and the block follows a corrected commissioning date', async () => {
    const { db, home, staff } = await station();
    const car = await makeVehicle(db, home);
    expect(await round(car.id)).toBe(1);
    const due = addMonths(today(), 12);
    const [ahead] = await openBlocks(car.id);
    const dayAfterDue = new Date(`${due}T00:00:00Z`);
    dayAfterDue.setUTCDate(dayAfterDue.getUTCDate() + 1);
    expect(ahead?.startsAt).toEqual(startOfDay(dayAfterDue.toISOString().slice(0, 10), zone));
    // Bookable until then.
    expect(await staff.bookings.create({ vehicleId: car.id, ...hoursFromNow(24, 2) })).toMatchObject({
      status: 'reserved',
    });

    // The manager corrects its commissioning to two years ago: the coming block gives way to one from now.
    await db
      .update(vehicles)
      .set({ commissionedAt: startOfDay(addMonths(today(), -24), zone) })
      .where(eq(vehicles.id, car.id));
    expect(await round(car.id)).toBe(1);
    const blocks = await openBlocks(car.id);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]?.startsAt.getTime()).toBeLessThanOrEqual(Date.now());
    const [cancelledAhead] = await db
      .select()
      .from(vehicleBlocks)
      .where(eq(vehicleBlocks.id, ahead?.id ?? ''));
    expect(cancelledAhead?.cancelledAt).not.toBeNull();
  });

  it('is left alone when retired, and waits for the next round while out on a trip', async () => {
    const { db, home } = await station();
    const old = startOfDay(addMonths(today(), -24), zone);
    const retired = await makeVehicle(db, home, {
      commissionedAt: old,
      status: 'retired',
      retiredAt: new Date(Date.now() - DAY),
    });
    expect(await round(retired.id)).toBe(0);
    expect(await openBlocks(retired.id)).toEqual([]);

    const driven = await makeVehicle(db, home, { commissionedAt: old });
    const driver = await makeUser(db, home);
    const [trip] = await db
      .insert(bookings)
      .values({
        vehicleId: driven.id,
        userId: driver.id,
        startsAt: new Date(Date.now() - HOUR),
        endsAt: new Date(Date.now() + HOUR),
        status: 'active',
      })
      .returning();
    expect(await round(driven.id)).toBe(0);
    expect(await openBlocks(driven.id)).toEqual([]);
    // Back, and its turnaround over: the next round blocks it.
    await db
      .update(bookings)
      .set({ status: 'completed', endsAt: new Date(Date.now() - 30 * 60_000) })
      .where(eq(bookings.id, trip?.id ?? ''));
    expect(await round(driven.id)).toBe(1);
  });

  it('of a fleet with no records at all, takes in a round’s share at a time', async () => {
    const { db, home } = await station();
    const fleet = [];
    for (let i = 0; i < FIRST_INSPECTION_ROUND + 2; i++) fleet.push((await makeVehicle(db, home)).id);
    expect(await round(...fleet)).toBe(FIRST_INSPECTION_ROUND);
    expect(await round(...fleet)).toBe(2);
    expect(await round(...fleet)).toBe(0);
  });
});
