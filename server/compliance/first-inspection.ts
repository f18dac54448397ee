import { and, eq, inArray, ne, notExists, type SQL, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { vehicleBlocks, vehicleInspections, vehicles } from '@/db/schema';
import { recordAudit, systemActor } from '../audit/record';
import { endBlock } from '../bookings/block-end';
import { blockCreatedEntry, clearAndBlock } from '../bookings/blocks';
import { lockVehicleSchedule, writeSchedule } from '../bookings/schedule';
import { vehicleToBlock } from '../bookings/vacate';
import { AppError } from '../errors';
import { logger } from '../logger';
import { type Day, germanDay } from './due';
import { firstInspectionDue, overdueBlockWindow, overdueFrom } from './inspection-rules';
import { awaitsInspection, inService, openInspectionBlocks } from './inspections';

const log = logger.child({ part: 'first-inspection' });

/**
 * Blocks placed per round at most: a fleet that comes with no records at all (an upgrade, an
 * import) is taken in over minutes rather than in one burst of writes beside the users' own.
 */
export const FIRST_INSPECTION_ROUND = 50;

const neverInspected = (db: Db) =>
  notExists(
    db.select({ one: sql`1` }).from(vehicleInspections).where(eq(vehicleInspections.vehicleId, vehicles.id)),
  );

/**
 * Whether the block awaiting a car's first inspection stands where its due date puts it: placed
 * ahead, it starts the day after; placed once that had passed, it started when it was placed. A
 * commissioning date changed since makes it stand elsewhere.
 */
function standsRight(block: { startsAt: Date }, due: Day, now: Date, timeZone: string) {
  const overdue = overdueFrom(due, timeZone).getTime();
  const start = block.startsAt.getTime();
  return start === overdue || (start > overdue && start <= now.getTime());
}

/**
 * The clockwork's part of DGUV Vorschrift 70 § 57 for cars with no inspection on record (new
 * ones, imported ones, those of a fleet that kept its records elsewhere): each is blocked from the
 * day after its first due date, ahead of time, so bookings in the way are moved or cancelled and
 * their bookers told now, as for a recorded inspection; recording one ends that block. A car on a
 * trip, or under another block, when its block is due is tried again on the next round. Safe on
 * several instances at once: each car is judged again under its schedule lock. Returns how many
 * blocks it placed.
 */
export async function blockCarsNeverInspected(
  db: Db,
  now: Date,
  timeZone: string,
  scope?: { vehicleIds: readonly string[] },
): Promise<number> {
  const filters: SQL[] = [ne(vehicles.status, 'retired'), neverInspected(db)];
  if (scope) filters.push(inArray(vehicles.id, [...scope.vehicleIds]));
  // Each car with the blocks awaiting its inspection, in one query.
  const rows = await db
    .select({ id: vehicles.id, inService, blockStartsAt: vehicleBlocks.startsAt })
    .from(vehicles)
    .leftJoin(vehicleBlocks, and(eq(vehicleBlocks.vehicleId, vehicles.id), awaitsInspection(now)))
    .where(and(...filters));
  const cars = new Map<string, { inService: Date; blocks: { startsAt: Date }[] }>();
  for (const row of rows) {
    const car = cars.get(row.id) ?? { inService: row.inService, blocks: [] };
    if (row.blockStartsAt) car.blocks.push({ startsAt: row.blockStartsAt });
    cars.set(row.id, car);
  }
  let placed = 0;
  let tried = 0;
  for (const [vehicleId, car] of cars) {
    const due = firstInspectionDue(car.inService, timeZone);
    if (car.blocks.some((block) => standsRight(block, due, now, timeZone))) continue;
    if (tried++ === FIRST_INSPECTION_ROUND) break;
    try {
      if (await placeFirstDueBlock(db, vehicleId, due, now, timeZone)) placed++;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      log.debug({ vehicleId, code: error.code }, 'first inspection block waits for the next round');
    }
  }
  return placed;
}

async function placeFirstDueBlock(db: Db, vehicleId: string, due: Day, now: Date, timeZone: string) {
  return writeSchedule(db, async (tx) => {
    await lockVehicleSchedule(tx, vehicleId);
    // Judged again under the lock: another instance, or a record of an inspection, came first.
    const [still] = await tx
      .select({ id: vehicles.id })
      .from(vehicles)
      .where(and(eq(vehicles.id, vehicleId), neverInspected(tx)));
    if (!still) return false;
    const open = await openInspectionBlocks(tx, vehicleId, now);
    if (open.some((block) => standsRight(block, due, now, timeZone))) return false;
    for (const block of open) await endBlock(tx, block.id, now);
    const vehicle = await vehicleToBlock(tx, vehicleId);
    const window = overdueBlockWindow(due, now, timeZone);
    const placed = await clearAndBlock(
      tx,
      systemActor,
      vehicle,
      { start: window.from, end: window.to },
      {
        kind: 'inspection',
        reason: `Keine UVV-Prüfung erfasst, fällig bis ${germanDay(due)}`,
        createdBy: null,
        untilCleared: true,
      },
      now,
      timeZone,
    );
    await recordAudit(tx, systemActor, {
      ...blockCreatedEntry(placed, vehicle.owner),
      before: open.length > 0 ? { replacedBlocks: open.map((b) => b.id) } : null,
    });
    return true;
  });
}
