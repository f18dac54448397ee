import { and, eq, isNull, lte } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { vehicleBlocks } from '@/db/schema';
import { lockVehicleSchedule, writeSchedule } from './schedule';

/**
 * Ends a block now: one that has begun keeps its past (the car was out of service, as the reports
 * count it) and ends at `now`; one still to come is cancelled. Only frees time, so no booking is
 * moved. The caller has checked that it may manage the car.
 */
export function endBlockNow(db: Db, block: { id: string; vehicleId: string }, now = new Date()) {
  return writeSchedule(db, async (tx) => {
    await lockVehicleSchedule(tx, block.vehicleId);
    const begun = await tx
      .update(vehicleBlocks)
      .set({ endsAt: now })
      .where(
        and(
          eq(vehicleBlocks.id, block.id),
          isNull(vehicleBlocks.cancelledAt),
          lte(vehicleBlocks.startsAt, now),
        ),
      )
      .returning({ id: vehicleBlocks.id });
    if (begun.length > 0) return;
    await tx
      .update(vehicleBlocks)
      .set({ cancelledAt: now })
      .where(and(eq(vehicleBlocks.id, block.id), isNull(vehicleBlocks.cancelledAt)));
  });
}
