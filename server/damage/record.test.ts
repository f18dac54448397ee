import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, bookings, notifications } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { callerFor, hoursFromNow, makeVehicle } from '../test-support';
import { damageWorld } from './test-fixtures';

const database = testDatabaseForFile();

describe('a damage the fleet records at the car, with no booking', () => {
  it('blocks a not-drivable car at once and moves its coming booking; its detail names no booking', async () => {
    const { db } = database;
    const w = await damageWorld(db, false);
    const spare = await makeVehicle(db, w.municipality);
    const coming = await callerFor(db, w.colleague).bookings.create({
      vehicleId: w.car.id,
      ...hoursFromNow(30, 2),
    });
    const manager = callerFor(db, w.manager);

    const recorded = await manager.damage.record({
      vehicleId: w.car.id,
      description: 'Riss in der Windschutzscheibe, bei der UVV-Prüfung gefunden',
      drivable: false,
    });
    expect(recorded).toMatchObject({ moved: 1, cancelled: 0 });
    const [moved] = await db.select().from(bookings).where(eq(bookings.id, coming.id));
    expect(moved?.vehicleId).toBe(spare.id);

    const detail = await manager.damage.detail({ id: recorded.id });
    expect(detail.booking).toBeNull();
    expect(detail.reporter?.name).toBe(w.manager.name);
    expect(detail.blocks).toHaveLength(1);
    // Its block ends with the report, not by hand on the blocks page.
    const [block] = (await manager.blocks.list()).filter((b) => b.vehicle.id === w.car.id);
    expect(block?.untilCleared).toBe(true);
    await expect(manager.blocks.cancel({ id: block?.id ?? '' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringContaining('endet mit ihrer Ursache'),
    });
    const listed = await manager.damage.list({ vehicleId: w.car.id });
    expect(listed.map((d) => d.id)).toEqual([recorded.id]);
    // The next booker sees it as an open damage of the car.
    const open = await callerFor(db, w.booker).damage.openOfCars({ vehicleIds: [w.car.id] });
    expect(open.map((d) => d.id)).toEqual([recorded.id]);
    // Audited under the manager's name; no mail to the fleet about its own record.
    const audit = await db.select().from(auditLog).where(eq(auditLog.objectId, recorded.id));
    expect(audit.map((e) => e.action).sort()).toEqual(['damage.block', 'damage.record']);
    const mails = await db.select().from(notifications).where(eq(notifications.recipientId, w.manager.id));
    expect(mails.filter((m) => m.kind === 'damage_reported')).toEqual([]);

    // Closed as repaired: the block ends, the car is bookable again.
    await manager.damage.setState({ id: recorded.id, state: 'repaired', note: 'Scheibe getauscht' });
    const again = await callerFor(db, w.booker).bookings.create({
      vehicleId: w.car.id,
      ...hoursFromNow(30, 1),
    });
    expect(again.vehicle.id).toBe(w.car.id);
  });

  it('is refused for another municipality’s car or an unknown one, and for bad input at its field', async () => {
    const { db } = database;
    const w = await damageWorld(db, false);
    const other = callerFor(db, w.otherManager);
    const input = { vehicleId: w.car.id, description: 'Delle hinten links', drivable: true };
    await expect(other.damage.record(input)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      callerFor(db, w.manager).damage.record({ ...input, vehicleId: randomUUID() }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(callerFor(db, w.booker).damage.record(input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const bad = callerFor(db, w.manager).damage.record({ vehicleId: 'x', description: ' ', drivable: null });
    await expect(bad).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const refusal: unknown = await bad.catch((error: unknown) => error);
    const issues = (refusal as { cause?: { issues?: { path: string[] }[] } }).cause?.issues ?? [];
    expect(issues.map((issue) => issue.path[0]).sort()).toEqual(['description', 'drivable', 'vehicleId']);
    expect(await callerFor(db, w.manager).damage.list({ vehicleId: w.car.id })).toEqual([]);
  });
});
