import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookings, notifications, vehicleBlocks } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { callerFor, hoursFromNow, makeMunicipality, makeUser, makeVehicle } from '../test-support';

const database = testDatabaseForFile();

async function station() {
  const { db } = database;
  const home = await makeMunicipality(db);
  const manager = callerFor(db, await makeUser(db, home, 'fleet_manager'));
  const staff = callerFor(db, await makeUser(db, home));
  return { db, home, manager, staff };
}

const block = (vehicleId: string, window: { from: Date; to: Date }) => ({
  vehicleId,
  ...window,
  kind: 'maintenance' as const,
  reason: 'Inspektion 30.000 km',
});

describe('blocks', () => {
  it('share the no-overlap guarantee with bookings, both ways', async () => {
    const { db, home, manager, staff } = await station();
    const car = await makeVehicle(db, home);
    await manager.blocks.create(block(car.id, hoursFromNow(24, 4)));
    await expect(staff.bookings.create({ vehicleId: car.id, ...hoursFromNow(26, 1) })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(manager.blocks.create(block(car.id, hoursFromNow(27, 2)))).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    // Search does not offer the blocked car.
    const found = await staff.vehicles.search({ ...hoursFromNow(25, 1), municipalityId: home.id });
    expect(found.vehicles.map((v) => v.id)).not.toContain(car.id);
  });

  it('are enforced by the database even for writers that skip the code', async () => {
    const { db, home, staff } = await station();
    const car = await makeVehicle(db, home);
    await staff.bookings.create({ vehicleId: car.id, ...hoursFromNow(24, 2) });
    const window = hoursFromNow(25, 2);
    await expect(
      db.insert(vehicleBlocks).values({
        vehicleId: car.id,
        startsAt: window.from,
        endsAt: window.to,
        kind: 'cleaning',
        reason: 'x',
      }),
    ).rejects.toThrow();
  });

  it('list the bookings in their way, then move them to an equivalent car or cancel them', async () => {
    const { db, home, manager, staff } = await station();
    const car = await makeVehicle(db, home, { seats: 5 });
    const spare = await makeVehicle(db, home, { seats: 5 });
    const first = await staff.bookings.create({ vehicleId: car.id, ...hoursFromNow(24, 2) });
    const second = await staff.bookings.create({ vehicleId: spare.id, ...hoursFromNow(30, 2) });
    const third = await staff.bookings.create({ vehicleId: car.id, ...hoursFromNow(30, 2) });
    const request = block(car.id, { from: hoursFromNow(23, 1).from, to: hoursFromNow(33, 1).from });
    const preview = await manager.blocks.preview(request);
    expect(preview.map((b) => [b.id, b.replacementVehicleId])).toEqual([
      [first.id, spare.id],
      [third.id, null],
    ]);
    const refused = await manager.blocks.create(request).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('2 Buchungen') });
    expect(await db.select().from(vehicleBlocks).where(eq(vehicleBlocks.vehicleId, car.id))).toEqual([]);

    const result = await manager.blocks.create({ ...request, confirm: true });
    expect(result).toMatchObject({ moved: [first.id], cancelled: [third.id] });
    const rows = await db
      .select()
      .from(bookings)
      .where(eq(bookings.userId, (await staff.auth.me())?.id ?? ''));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(first.id)).toMatchObject({ vehicleId: spare.id, status: 'reserved', sequence: 1 });
    expect(byId.get(second.id)).toMatchObject({ vehicleId: spare.id, status: 'reserved' });
    expect(byId.get(third.id)).toMatchObject({ status: 'cancelled' });
    const told = await db.select().from(notifications).where(eq(notifications.bookingId, first.id));
    expect(told.map((n) => n.kind)).toContain('changed');
  });

  it("are only for the car owner's fleet managers", async () => {
    const { db, home, staff } = await station();
    const car = await makeVehicle(db, home);
    await expect(staff.blocks.create(block(car.id, hoursFromNow(24, 2)))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const stranger = callerFor(db, await makeUser(db, await makeMunicipality(db), 'fleet_manager'));
    await expect(stranger.blocks.create(block(car.id, hoursFromNow(24, 2)))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
