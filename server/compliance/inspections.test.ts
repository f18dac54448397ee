import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, bookings, notifications, vehicleBlocks, vehicleInspections } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { callerFor, hoursFromNow, makeMunicipality, makeUser, makeVehicle } from '../test-support';
import { addMonths, regionToday } from './due';

const database = testDatabaseForFile();
const today = () => regionToday(new Date(), 'Europe/Berlin');

async function station() {
  const { db } = database;
  const home = await makeMunicipality(db);
  const manager = await makeUser(db, home, 'fleet_manager');
  const staff = await makeUser(db, home);
  const car = await makeVehicle(db, home);
  return { db, home, car, admin: callerFor(db, manager), staff: callerFor(db, staff), staffId: staff.id };
}

const inspection = (vehicleId: string, overrides: Record<string, unknown> = {}) => ({
  vehicleId,
  inspectedOn: today(),
  inspector: 'Sachkundiger K. Lehmann',
  result: 'passed' as 'passed' | 'passed_with_defects' | 'failed',
  defects: '',
  ...overrides,
});

const liveBlocks = (vehicleId: string) =>
  database.db
    .select()
    .from(vehicleBlocks)
    .where(and(eq(vehicleBlocks.vehicleId, vehicleId), eq(vehicleBlocks.kind, 'inspection')));

describe('UVV inspection (DGUV Vorschrift 70 § 57)', () => {
  it('blocks an overdue car at once and moves its booking; a passed inspection ends the block', async () => {
    const { db, home, car, admin, staff } = await station();
    const spare = await makeVehicle(db, home);
    const booking = await staff.bookings.create({ vehicleId: car.id, ...hoursFromNow(24, 2) });

    const late = await admin.inspections.record(inspection(car.id, { inspectedOn: addMonths(today(), -13) }));
    expect(late.moved).toEqual([booking.id]);
    expect(late.block?.startsAt.getTime()).toBeLessThanOrEqual(Date.now() + 60_000);
    const [moved] = await db.select().from(bookings).where(eq(bookings.id, booking.id));
    expect(moved).toMatchObject({ vehicleId: spare.id, status: 'reserved' });
    const told = await db.select().from(notifications).where(eq(notifications.bookingId, booking.id));
    expect(told.map((n) => n.kind)).toContain('changed');
    await expect(staff.bookings.create({ vehicleId: car.id, ...hoursFromNow(48, 1) })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect((await admin.inspections.overview()).find((row) => row.id === car.id)?.state).toBe('overdue');
    // Only the next inspection ends it: not lifted by hand, and no end of its own within any horizon.
    await expect(admin.blocks.cancel({ id: late.block?.id ?? '' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    expect(late.block?.endsAt.getTime()).toBeGreaterThan(Date.now() + 4 * 365 * 24 * 3_600_000);

    const passed = await admin.inspections.record(inspection(car.id));
    const blocks = await liveBlocks(car.id);
    const ended = blocks.find((block) => block.id === late.block?.id);
    expect(ended?.endsAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(ended?.cancelledAt).toBeNull();
    // The next one waits for the day after the next due date, a year ahead.
    expect(passed.block?.startsAt.getTime()).toBeGreaterThan(Date.now() + 360 * 24 * 3_600_000);
    expect(await staff.bookings.create({ vehicleId: car.id, ...hoursFromNow(48, 1) })).toMatchObject({
      status: 'reserved',
    });
    expect((await admin.inspections.overview()).find((row) => row.id === car.id)?.state).toBe('valid');

    const entries = await db.select().from(auditLog).where(eq(auditLog.objectType, 'vehicle_inspection'));
    expect(entries.find((entry) => entry.objectId === late.inspection.id)).toMatchObject({
      action: 'inspection.record',
      municipalityId: home.id,
      after: { result: 'bestanden', moved: [booking.id] },
    });
  });

  it('takes a failed car out of service at once, its booking cancelled when no equal car is free', async () => {
    const { db, car, admin, staff } = await station();
    const booking = await staff.bookings.create({ vehicleId: car.id, ...hoursFromNow(3, 1) });
    const failed = await admin.inspections.record(
      inspection(car.id, { result: 'failed', defects: 'Bremsbeläge vorn verschlissen' }),
    );
    expect(failed.cancelled).toEqual([booking.id]);
    expect(failed.block?.reason).toContain('nicht bestanden: Bremsbeläge vorn verschlissen');
    const [cancelled] = await db.select().from(bookings).where(eq(bookings.id, booking.id));
    expect(cancelled?.status).toBe('cancelled');
    expect((await admin.inspections.overview()).find((row) => row.id === car.id)?.state).toBe('failed');

    await admin.inspections.record(inspection(car.id, { result: 'passed_with_defects', defects: 'Wischer' }));
    expect(await staff.bookings.create({ vehicleId: car.id, ...hoursFromNow(4, 1) })).toMatchObject({
      status: 'reserved',
    });
    const history = await admin.inspections.history({ vehicleId: car.id });
    expect(history.inspections.map((row) => row.result)).toEqual(['passed_with_defects', 'failed']);
  });

  it('refuses a foreign manager, bad input at its field, and a clash with another block; writes nothing', async () => {
    const { db, car, admin } = await station();
    const foreign = callerFor(db, await makeUser(db, await makeMunicipality(db), 'fleet_manager'));
    await expect(foreign.inspections.record(inspection(car.id))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(admin.inspections.record(inspection(car.id, { result: 'failed' }))).rejects.toMatchObject({
      cause: { fieldErrors: { defects: ['Bitte die festgestellten Mängel beschreiben.'] } },
    });
    await admin.blocks.create({
      vehicleId: car.id,
      ...hoursFromNow(2, 5),
      kind: 'maintenance',
      reason: 'Reifen',
    });
    await expect(
      admin.inspections.record(inspection(car.id, { result: 'failed', defects: 'Licht defekt' })),
    ).rejects.toMatchObject({ code: 'CONFLICT', cause: { code: 'INSPECTION_BLOCK_OVERLAPS' } });
    expect(
      await db.select().from(vehicleInspections).where(eq(vehicleInspections.vehicleId, car.id)),
    ).toEqual([]);
    expect(await liveBlocks(car.id)).toEqual([]);
  });
});
