import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, bookings, notifications, vehicles } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { sqlState } from '../errors';
import { callerFor, hoursFromNow, makeMunicipality, makeUser } from '../test-support';
import { dayOf, midnightOf } from './admin-rules';
import { carInput, fieldErrorsOf, fleetOf } from './admin-test-kit';

const database = testDatabaseForFile();
const tz = 'Europe/Berlin';
const DAY = 24 * 3600_000;
/** The local day so many days from now, as the retirement form sends it. */
const daysAhead = (days: number) => dayOf(new Date(Date.now() + days * DAY), tz);
const toldAbout = async (bookingId: string) =>
  (await database.db.select().from(notifications).where(eq(notifications.bookingId, bookingId))).map(
    (n) => n.kind,
  );

describe('retiring a car', () => {
  it('moves its bookings from the day on to an equivalent car or cancels them, tells the bookers, keeps the rest', async () => {
    const { db } = database;
    const { home, manager, staff, managerUser } = await fleetOf(db);
    const car = await manager.vehicles.create(carInput(home));
    const spare = await manager.vehicles.create(carInput(home));
    const before = await staff.bookings.create({ vehicleId: car.id, ...hoursFromNow(3, 1) });
    const movable = await staff.bookings.create({ vehicleId: car.id, ...hoursFromNow(72, 2) });
    await staff.bookings.create({ vehicleId: spare.id, ...hoursFromNow(80, 2) });
    const stranded = await staff.bookings.create({ vehicleId: car.id, ...hoursFromNow(80, 2) });
    const request = { id: car.id, from: daysAhead(2) };

    const preview = await manager.vehicles.retirePreview(request);
    expect(preview.retiredAt).toEqual(midnightOf(request.from, tz));
    expect(preview.bookings.map((b) => [b.id, b.replacementVehicleId])).toEqual([
      [movable.id, spare.id],
      [stranded.id, null],
    ]);
    const refused = await manager.vehicles.retire(request).catch((e: unknown) => e);
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('Die Außerdienststellung betrifft 2 Buchungen'),
    });
    expect((await manager.vehicles.managed()).find((v) => v.id === car.id)?.status).toBe('in_service');

    const result = await manager.vehicles.retire({ ...request, confirm: true });
    expect(result).toMatchObject({ moved: [movable.id], cancelled: [stranded.id] });
    expect(result.vehicle).toMatchObject({ status: 'retired', retiredAt: midnightOf(request.from, tz) });
    const rows = new Map((await db.select().from(bookings)).map((b) => [b.id, b]));
    expect(rows.get(before.id)).toMatchObject({ vehicleId: car.id, status: 'reserved' });
    expect(rows.get(movable.id)).toMatchObject({ vehicleId: spare.id, status: 'reserved' });
    expect(rows.get(stranded.id)).toMatchObject({ vehicleId: car.id, status: 'cancelled' });
    expect(await toldAbout(movable.id)).toContain('changed');
    expect(await toldAbout(stranded.id)).toContain('cancelled');

    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'vehicle.retire'), eq(auditLog.objectId, car.id)));
    expect(entry).toMatchObject({
      objectId: car.id,
      actorId: managerUser.id,
      before: expect.objectContaining({ status: 'in_service', retiredAt: null }),
      after: expect.objectContaining({
        status: 'retired',
        movedBookings: [movable.id],
        cancelledBookings: [stranded.id],
      }),
    });
    // The car and its history stay; it is just no longer there for time past its retirement.
    expect((await manager.vehicles.managed()).find((v) => v.id === car.id)?.status).toBe('retired');
    await expect(manager.vehicles.retire({ ...request, confirm: true })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
  });

  it('is not offered or bookable past the retirement, also for writers that skip the code', async () => {
    const { db } = database;
    const { home, manager, staff } = await fleetOf(db);
    const car = await manager.vehicles.create(carInput(home));
    await manager.vehicles.retire({ id: car.id, from: daysAhead(2), confirm: true });
    const offered = async (window: { from: Date; to: Date }) =>
      (await staff.vehicles.search({ ...window, stationId: home.station.id })).vehicles.map((v) => v.id);
    expect(await offered(hoursFromNow(3, 2))).toContain(car.id);
    expect(await offered(hoursFromNow(72, 2))).not.toContain(car.id);
    // The timeline shows it up to its retirement, not from then on.
    const shown = async (from: string) =>
      (await staff.timeline.view({ stationId: home.station.id, from, days: 1 })).vehicles.map((v) => v.id);
    expect(await shown(daysAhead(0))).toContain(car.id);
    expect(await shown(daysAhead(3))).not.toContain(car.id);
    await expect(staff.bookings.create({ vehicleId: car.id, ...hoursFromNow(72, 2) })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringContaining('außer Betrieb'),
    });
    const late = hoursFromNow(72, 2);
    const me = await staff.auth.me();
    const written = await db
      .insert(bookings)
      .values({
        vehicleId: car.id,
        userId: me?.id ?? '',
        startsAt: late.from,
        endsAt: late.to,
        status: 'reserved',
      })
      .catch((e: unknown) => e);
    expect(sqlState(written)).toBe('23514');
    // Nor is it anyone's stand-in once retired.
    const other = await manager.vehicles.create(carInput(home));
    const booked = await staff.bookings.create({ vehicleId: other.id, ...hoursFromNow(72, 2) });
    const block = await manager.blocks.preview({
      vehicleId: other.id,
      ...hoursFromNow(71, 4),
      kind: 'cleaning',
      reason: 'Innenreinigung',
    });
    expect(block.map((b) => [b.id, b.replacementVehicleId])).toEqual([[booked.id, null]]);
  });

  it('from a day before today, or of a foreign car, is refused and changes nothing', async () => {
    const { db } = database;
    const { home, manager } = await fleetOf(db);
    const car = await manager.vehicles.create(carInput(home));
    expect(
      await fieldErrorsOf(manager.vehicles.retire({ id: car.id, from: daysAhead(-1), confirm: true })),
    ).toEqual({
      from: ['Die Außerdienststellung kann frühestens heute beginnen.'],
    });
    const stranger = callerFor(db, await makeUser(db, await makeMunicipality(db), 'fleet_manager'));
    await expect(
      stranger.vehicles.retire({ id: car.id, from: daysAhead(1), confirm: true }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      manager.vehicles.retirePreview({ id: '00000000-0000-4000-8000-000000000000', from: daysAhead(1) }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await db.select({ status: vehicles.status }).from(vehicles).where(eq(vehicles.id, car.id)),
    ).toEqual([{ status: 'in_service' }]);
  });
});
