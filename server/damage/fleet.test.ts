import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  auditLog,
  bookings,
  damageBlocks,
  damageReports,
  damageStateChanges,
  notifications,
  vehicleBlocks,
} from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { callerFor, hoursFromNow, makeVehicle } from '../test-support';
import { damageWorld, pastBooking } from './test-fixtures';

const database = testDatabaseForFile();
const HOUR = 3_600_000;

/** A world whose booker just finished a trip on the car and a colleague who booked it for tomorrow. */
async function reported(options: { spare: boolean; drivable?: boolean }) {
  const { db } = database;
  const world = await damageWorld(db, false);
  const spare = options.spare ? await makeVehicle(db, world.municipality) : null;
  const now = Date.now();
  const trip = await pastBooking(
    db,
    world.car.id,
    world.booker,
    new Date(now - 3 * HOUR),
    new Date(now - HOUR),
  );
  const tomorrow = await callerFor(db, world.colleague).bookings.create({
    vehicleId: world.car.id,
    ...hoursFromNow(24, 2),
  });
  const report = await callerFor(db, world.booker).damage.report({
    bookingId: trip,
    description: 'Bremse schleift, Warnleuchte an',
    drivable: options.drivable ?? false,
  });
  return { ...world, db, spare, trip, tomorrow, report, manager: callerFor(db, world.manager) };
}

const noticesOf = (bookingId: string, kind: string) =>
  database.db
    .select({ recipientId: notifications.recipientId, payload: notifications.payload })
    .from(notifications)
    .where(and(eq(notifications.bookingId, bookingId), eq(notifications.kind, kind)));

const blocksOf = (vehicleId: string) =>
  database.db.select().from(vehicleBlocks).where(eq(vehicleBlocks.vehicleId, vehicleId));

const auditOf = (objectId: string) =>
  database.db.select().from(auditLog).where(eq(auditLog.objectId, objectId));

describe('a damage reported as not drivable', () => {
  it('blocks the car at once and moves its coming booking to a free car of the same kind', async () => {
    const w = await reported({ spare: true });
    const [block] = await blocksOf(w.car.id);
    expect(block).toMatchObject({ kind: 'damage', cancelledAt: null });
    expect(Math.abs(+(block?.startsAt ?? 0) - Date.now())).toBeLessThan(60_000);
    const [moved] = await w.db.select().from(bookings).where(eq(bookings.id, w.tomorrow.id));
    expect(moved).toMatchObject({ vehicleId: w.spare?.id, status: 'reserved' });
    expect(await noticesOf(w.tomorrow.id, 'changed')).toEqual([
      expect.objectContaining({ recipientId: w.colleague.id }),
    ]);
    const [report] = await w.db.select().from(damageReports).where(eq(damageReports.id, w.report.id));
    expect(report?.state).toBe('new');
    expect(await w.db.select().from(damageBlocks).where(eq(damageBlocks.damageId, w.report.id))).toEqual([
      { damageId: w.report.id, blockId: block?.id },
    ]);
    // Nobody can book it meanwhile, not even weeks ahead.
    await expect(
      callerFor(w.db, w.colleague).bookings.create({ vehicleId: w.car.id, ...hoursFromNow(24 * 20, 1) }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await auditOf(w.report.id)).toEqual([
      expect.objectContaining({
        action: 'damage.block',
        actorId: w.booker.id,
        municipalityId: w.municipality.id,
        after: expect.objectContaining({ blocks: [block?.id], moved: [w.tomorrow.id] }),
      }),
    ]);
  });

  it('cancels the coming booking when no car is free, and tells its booker', async () => {
    const w = await reported({ spare: false });
    const [cancelled] = await w.db.select().from(bookings).where(eq(bookings.id, w.tomorrow.id));
    expect(cancelled?.status).toBe('cancelled');
    const [notice] = await noticesOf(w.tomorrow.id, 'cancelled');
    expect(notice).toMatchObject({ recipientId: w.colleague.id });
    expect(JSON.stringify(notice?.payload)).toContain('Schaden');
  });

  it('waits for the trip on the car: the block begins when that booking and its buffer end', async () => {
    const { db } = database;
    const world = await damageWorld(db, false);
    const now = Date.now();
    const [running] = await db
      .insert(bookings)
      .values({
        vehicleId: world.car.id,
        userId: world.booker.id,
        startsAt: new Date(now - HOUR),
        endsAt: new Date(now + HOUR),
        status: 'active',
      })
      .returning({ id: bookings.id, endsAt: bookings.endsAt, bufferMinutes: bookings.bufferMinutes });
    if (!running) throw new Error('no booking');
    await callerFor(db, world.booker).damage.report({
      bookingId: running.id,
      description: 'Reifen platt',
      drivable: false,
    });
    const [block] = await blocksOf(world.car.id);
    expect(block?.startsAt).toEqual(new Date(+running.endsAt + running.bufferMinutes * 60_000));
  });

  it('fills the gaps around a block already there, and shares its blocks with a second report', async () => {
    const { db } = database;
    const world = await damageWorld(db, false);
    const manager = callerFor(db, world.manager);
    const maintenance = await manager.blocks.create({
      vehicleId: world.car.id,
      ...hoursFromNow(48, 4),
      kind: 'maintenance',
      reason: 'Inspektion',
    });
    const now = Date.now();
    const trip = await pastBooking(
      db,
      world.car.id,
      world.booker,
      new Date(now - 3 * HOUR),
      new Date(now - HOUR),
    );
    const reporter = callerFor(db, world.booker);
    const first = await reporter.damage.report({
      bookingId: trip,
      description: 'Spiegel ab',
      drivable: false,
    });
    const second = await reporter.damage.report({
      bookingId: trip,
      description: 'Scheibe gesprungen',
      drivable: false,
    });
    const blocks = (await blocksOf(world.car.id)).sort((a, b) => +a.startsAt - +b.startsAt);
    expect(blocks.map((b) => b.kind)).toEqual(['damage', 'maintenance', 'damage']);
    expect(blocks[0]?.endsAt).toEqual(maintenance.block.startsAt);
    expect(blocks[2]?.startsAt).toEqual(maintenance.block.endsAt);
    // The first report closed: the second still holds the damage blocks, and the car stays blocked.
    await manager.damage.setState({ id: first.id, state: 'repaired' });
    expect((await blocksOf(world.car.id)).every((b) => +b.endsAt > Date.now())).toBe(true);
    await manager.damage.setState({ id: second.id, state: 'rejected' });
    const after = await blocksOf(world.car.id);
    expect(after.filter((b) => b.kind === 'damage' && !b.cancelledAt && +b.endsAt > Date.now())).toEqual([]);
    expect(after.find((b) => b.kind === 'maintenance')).toMatchObject({ cancelledAt: null });
  });

  it('a drivable one blocks nothing', async () => {
    const w = await reported({ spare: false, drivable: true });
    expect(await blocksOf(w.car.id)).toEqual([]);
    const [kept] = await w.db.select().from(bookings).where(eq(bookings.id, w.tomorrow.id));
    expect(kept?.status).toBe('reserved');
  });
});

describe('the fleet side of a report', () => {
  it('steps through its states with history and audit; repaired ends the block and the car is bookable again', async () => {
    const w = await reported({ spare: true });
    expect(await w.manager.damage.list({ state: 'new' })).toEqual([
      expect.objectContaining({
        id: w.report.id,
        drivable: false,
        vehicle: expect.objectContaining({ id: w.car.id }),
      }),
    ]);
    expect(await w.manager.damage.list({ state: 'in_repair' })).toEqual([]);
    await w.manager.damage.setState({ id: w.report.id, state: 'in_repair', note: 'Werkstatt Müller' });
    await w.manager.damage.setState({ id: w.report.id, state: 'repaired' });
    const detail = await w.manager.damage.detail({ id: w.report.id });
    expect(detail).toMatchObject({
      state: 'repaired',
      nextStates: [],
      booking: { id: w.trip },
      reporter: { name: w.booker.name },
      vehicle: { id: w.car.id },
    });
    expect(detail.history.map((h) => [h.fromState, h.toState, h.note])).toEqual([
      ['new', 'in_repair', 'Werkstatt Müller'],
      ['in_repair', 'repaired', null],
    ]);
    const [block] = await blocksOf(w.car.id);
    expect(+(block?.endsAt ?? 0)).toBeLessThanOrEqual(Date.now());
    await expect(
      callerFor(w.db, w.colleague).bookings.create({ vehicleId: w.car.id, ...hoursFromNow(30, 1) }),
    ).resolves.toMatchObject({ vehicle: { id: w.car.id } });
    const audit = (await auditOf(w.report.id)).filter((a) => a.action === 'damage.state');
    expect(audit.map((a) => [a.before, a.after])).toEqual([
      [{ state: 'new' }, { state: 'in_repair', note: 'Werkstatt Müller' }],
      [{ state: 'in_repair' }, { state: 'repaired', note: null, blocksEnded: [block?.id] }],
    ]);
  });

  it('refuses a step back at the field, and writes nothing', async () => {
    const w = await reported({ spare: false, drivable: true });
    await w.manager.damage.setState({ id: w.report.id, state: 'rejected', note: 'Doppelt gemeldet' });
    await expect(w.manager.damage.setState({ id: w.report.id, state: 'seen' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { fieldErrors: { state: [expect.stringContaining('abgeschlossen')] } },
    });
    expect(
      await w.db.select().from(damageStateChanges).where(eq(damageStateChanges.damageId, w.report.id)),
    ).toHaveLength(1);
  });

  it('is, to another municipality’s manager, a report that does not exist; nothing is written', async () => {
    const w = await reported({ spare: false });
    const foreign = callerFor(w.db, w.otherManager);
    const missing = await foreign.damage.detail({ id: randomUUID() }).catch((e: unknown) => e);
    for (const call of [
      foreign.damage.detail({ id: w.report.id }),
      foreign.damage.setState({ id: w.report.id, state: 'repaired' }),
    ])
      await expect(call).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message: (missing as Error).message,
      });
    expect(await foreign.damage.list({})).toEqual([]);
    const [report] = await w.db.select().from(damageReports).where(eq(damageReports.id, w.report.id));
    expect(report?.state).toBe('new');
    expect(
      await w.db.select().from(damageStateChanges).where(eq(damageStateChanges.damageId, w.report.id)),
    ).toEqual([]);
    expect((await auditOf(w.report.id)).map((a) => a.action)).toEqual(['damage.block']);
    const [block] = await blocksOf(w.car.id);
    expect(+(block?.endsAt ?? 0)).toBeGreaterThan(Date.now() + 365 * 24 * HOUR);
  });

  it('shows the next booker the car’s open damages, until they are closed', async () => {
    const w = await reported({ spare: true, drivable: true });
    const next = callerFor(w.db, w.colleague);
    expect(await next.damage.openOfCars({ vehicleIds: [w.car.id] })).toEqual([
      expect.objectContaining({ id: w.report.id, description: 'Bremse schleift, Warnleuchte an' }),
    ]);
    await w.manager.damage.setState({ id: w.report.id, state: 'repaired' });
    expect(await next.damage.openOfCars({ vehicleIds: [w.car.id] })).toEqual([]);
  });
});
