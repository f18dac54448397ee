import { and, eq, gt, isNull, lte } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { vehicleBlocks } from '@/db/schema';
import { lockVehicleSchedule, writeSchedule } from './schedule';

/**
 * Ends a block now, inside a schedule write holding its car's lock: one that has begun keeps its
 * past (the car was out of service, as the reports count it) and ends at `now`; one still to come
 * is cancelled; one over already stays as it was. Only frees time, so no booking is moved.
 */
export async function endBlock(tx: Db, blockId: string, now: Date) {
  const open = and(eq(vehicleBlocks.id, blockId), isNull(vehicleBlocks.cancelledAt));
  const begun = await tx
    .update(vehicleBlocks)
    .set({ endsAt: now })
    .where(and(open, lte(vehicleBlocks.startsAt, now), gt(vehicleBlocks.endsAt, now)))
    .returning({ id: vehicleBlocks.id });
  if (begun.length > 0) return;
  await tx
    .update(vehicleBlocks)
    .set({ cancelledAt: now })
    .where(and(open, gt(vehicleBlocks.startsAt, now)));
}

/** Ends a block now in a schedule write of its own, its car's lock first. The caller may manage the car. */
export function endBlockNow(db: Db, block: { id: string; vehicleId: string }, now = new Date()) {
  return writeSchedule(db, async (tx) => {
    await lockVehicleSchedule(tx, block.vehicleId);
    await endBlock(tx, block.id, now);
  });
}
