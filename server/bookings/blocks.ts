import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { vehicleBlocks, vehicles } from '@/db/schema';
import { recordAudit } from '../audit/record';
import type { SessionUser } from '../auth/queries';
import { assertMayManage, managedBy } from '../auth/scope';
import { AppError, invalidInput } from '../errors';
import { HOUR, type TimeRange, UNTIL_CLEARED, windowProblems } from './rules';
import { lockVehicleSchedule, writeSchedule } from './schedule';

import {
  type BlockActor,
  type BlockedVehicle,
  bookingsCount,
  previewVacating,
  type VacateCause,
  vacateVehicle,
  vehicleToBlock,
} from './vacate';

type BlockKind = (typeof vehicleBlocks.$inferSelect)['kind'];
export interface BlockRequest {
  vehicleId: string;
  from: Date;
  to: Date;
  kind: BlockKind;
  reason: string;
}

const kindText: Record<BlockKind, string> = {
  maintenance: 'Wartung',
  cleaning: 'Reinigung',
  damage: 'Schaden',
  inspection: 'Prüfung',
};

async function managedVehicle(db: Db, manager: SessionUser, vehicleId: string) {
  const vehicle = await vehicleToBlock(db, vehicleId);
  assertMayManage(manager, vehicle.owner);
  return vehicle;
}

/** What a block would do before it is made: the bookings in its way and, for each, a stand-in car or none. */
export async function previewBlock(
  db: Db,
  manager: SessionUser,
  request: BlockRequest,
  timeZone: string,
  now = new Date(),
) {
  const window = checkedWindow(request, now);
  const vehicle = await managedVehicle(db, manager, request.vehicleId);
  return previewVacating(db, vehicle, window, timeZone, now);
}

/**
 * Blocks a car. Bookings in the way are listed first (BLOCK_AFFECTS_BOOKINGS); on confirmation each
 * is moved to an equivalent free car at the same station, or cancelled when there is none, and its
 * booker is told either way. A car out on a trip cannot be blocked over that trip.
 */
export async function createBlock(
  db: Db,
  manager: SessionUser,
  request: BlockRequest & { confirm: boolean; untilCleared?: true },
  timeZone: string,
  now = new Date(),
) {
  const window = checkedWindow(request, now);
  const vehicle = await managedVehicle(db, manager, request.vehicleId);
  return writeSchedule(db, async (tx) => {
    await lockVehicleSchedule(tx, vehicle.id);
    const placed = await clearAndBlock(
      tx,
      manager,
      vehicle,
      window,
      { ...request, createdBy: manager.id },
      now,
      timeZone,
    );
    await recordAudit(tx, manager, blockCreatedEntry(placed, vehicle.owner));
    return placed;
  });
}

/**
 * Inside a schedule write that holds the car's lock: moves each booking in the block's way to a
 * stand-in car or cancels it (its booker told either way), then writes the block. The one way a
 * car is taken out of service; the caller has refused what must not be moved (a trip on the car).
 */
export async function clearAndBlock(
  tx: Db,
  actor: BlockActor,
  vehicle: BlockedVehicle,
  window: TimeRange,
  request: {
    kind: BlockKind;
    reason: string;
    createdBy: string | null;
    confirm?: boolean;
    untilCleared?: boolean;
  },
  now: Date,
  timeZone: string,
) {
  const cause = blockCause(request.kind, request.reason);
  const { moved, cancelled } = await vacateVehicle(
    tx,
    actor,
    vehicle,
    window,
    { confirm: request.confirm ?? true, cause },
    timeZone,
    now,
  );
  const [block] = await tx
    .insert(vehicleBlocks)
    .values({
      vehicleId: vehicle.id,
      startsAt: window.start,
      endsAt: window.end,
      kind: request.kind,
      reason: request.reason.trim(),
      createdBy: request.createdBy,
      untilCleared: request.untilCleared ?? false,
    })
    .returning();
  if (!block) throw new Error('block insert returned no row');
  return { block, moved, cancelled };
}

/** Why a block takes bookings off its car: the words of their moves, cancellations and the confirmation asked. */
const blockCause = (kind: BlockKind, reason: string): VacateCause => ({
  event: 'Fahrzeug gesperrt',
  notice: 'Das ursprüngliche Fahrzeug ist in dieser Zeit gesperrt.',
  cancelled: `Fahrzeug gesperrt (${kindText[kind]}): ${reason.trim()}.`,
  affects: (count) =>
    `Die Sperrzeit betrifft ${bookingsCount(count)}. Bitte bestätigen: Sie werden auf ein gleichwertiges Fahrzeug umgebucht oder, wenn keines frei ist, storniert.`,
});

export async function cancelBlock(db: Db, manager: SessionUser, blockId: string, now = new Date()) {
  const [block] = await db
    .select({ vehicleId: vehicleBlocks.vehicleId, untilCleared: vehicleBlocks.untilCleared })
    .from(vehicleBlocks)
    .where(eq(vehicleBlocks.id, blockId));
  if (!block) throw new AppError('BLOCK_NOT_FOUND');
  const vehicle = await managedVehicle(db, manager, block.vehicleId);
  // Lifted by hand, an overdue car would be bookable again with its inspection or repair still open.
  if (block.untilCleared) throw new AppError('BLOCK_ENDS_WITH_ITS_RECORD');
  // The car's lock first, as every schedule write: the block's triggers want it, and a block being
  // placed meanwhile holds it while its overlap check waits for this row (seen as a deadlock).
  await writeSchedule(db, async (tx) => {
    await lockVehicleSchedule(tx, block.vehicleId);
    const [lifted] = await tx
      .update(vehicleBlocks)
      .set({ cancelledAt: now })
      .where(and(eq(vehicleBlocks.id, blockId), isNull(vehicleBlocks.cancelledAt)))
      .returning();
    // A block lifted already changes nothing, and writes nothing to the log either.
    if (lifted)
      await recordAudit(tx, manager, {
        ...blockEntry('block.cancel', lifted, vehicle.owner),
        before: { ...blockSnapshot(lifted), cancelledAt: null },
        after: blockSnapshot(lifted),
      });
  });
}

type Block = typeof vehicleBlocks.$inferSelect;

/** A block as the audit log shows it. */
const blockSnapshot = (block: Block) => ({
  vehicleId: block.vehicleId,
  startsAt: block.startsAt,
  endsAt: block.endsAt,
  kind: block.kind,
  reason: block.reason,
  cancelledAt: block.cancelledAt,
});

/** The audit entry of a block placed by clearAndBlock, with the bookings it moved and cancelled. */
export const blockCreatedEntry = (
  placed: { block: Block; moved: string[]; cancelled: string[] },
  owner: string,
) => ({
  ...blockEntry('block.create', placed.block, owner),
  after: {
    ...blockSnapshot(placed.block),
    movedBookings: placed.moved,
    cancelledBookings: placed.cancelled,
  },
});

const blockEntry = (action: string, block: Block, owner: string) => ({
  action,
  objectType: 'block',
  objectId: block.id,
  municipalityId: owner,
});

/** Current and coming blocks of the manager's cars. */
export function listBlocks(db: Db, manager: SessionUser, now = new Date()) {
  return db
    .select({
      id: vehicleBlocks.id,
      startsAt: vehicleBlocks.startsAt,
      endsAt: vehicleBlocks.endsAt,
      kind: vehicleBlocks.kind,
      reason: vehicleBlocks.reason,
      untilCleared: vehicleBlocks.untilCleared,
      vehicle: { id: vehicles.id, plate: vehicles.plate, make: vehicles.make, model: vehicles.model },
    })
    .from(vehicleBlocks)
    .innerJoin(vehicles, eq(vehicles.id, vehicleBlocks.vehicleId))
    .where(
      and(
        isNull(vehicleBlocks.cancelledAt),
        gt(vehicleBlocks.endsAt, now),
        managedBy(manager, vehicles.ownerMunicipalityId),
      ),
    )
    .orderBy(asc(vehicleBlocks.startsAt));
}

function checkedWindow(request: BlockRequest & { untilCleared?: true }, now: Date): TimeRange {
  const window = { start: request.from, end: request.to };
  // A manager's block may run for months (a car waiting for parts), up to a year; one that the
  // domain ends itself (an overdue inspection, ended by the next) runs until then.
  const longest = request.untilCleared ? UNTIL_CLEARED : 366 * 24 * HOUR;
  const problems = windowProblems(window, now, { longest });
  if (!request.reason.trim()) problems.reason = ['Bitte einen Grund angeben.'];
  if (Object.keys(problems).length > 0) throw invalidInput(problems);
  return window;
}
