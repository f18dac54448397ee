import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookings, vehicleBlocks } from '@/db/schema';
import { clearAndBlock, vehicleToBlock } from './blocks';
import { HOUR } from './rules';

/**
 * How long a damage block is placed for: it has no planned end (the car waits for its repair), so
 * it runs until the report is closed, which ends it (`endDamageBlock`). Five years reaches past
 * every booking horizon, so no booking can be made behind it meanwhile.
 */
const DAMAGE_BLOCK_SPAN = 5 * 366 * 24 * HOUR;

const SYSTEM = { id: null, name: 'Fuhrparkverwaltung' } as const;

/**
 * Takes a car reported as not drivable out of service at once, inside the report's schedule write
 * (the caller holds the car's lock): from now, or — while the car is out on a trip or its
 * turnaround after one — from the end of that hold, which nobody else could have had anyway. Every
 * booking after that is moved to a stand-in or cancelled, exactly as for a block a manager places.
 */
export async function blockForDamage(
  tx: Db,
  reporterId: string,
  vehicleId: string,
  now: Date,
  timeZone: string,
) {
  const vehicle = await vehicleToBlock(tx, vehicleId);
  const [hold] = await tx
    .select({
      until: sql<Date>`max(${bookings.endsAt} + make_interval(mins => ${bookings.bufferMinutes}))`.mapWith(
        (value: string | Date) => new Date(value),
      ),
    })
    .from(bookings)
    .where(
      and(
        eq(bookings.vehicleId, vehicleId),
        inArray(bookings.status, ['active', 'completed']),
        gt(sql`${bookings.endsAt} + make_interval(mins => ${bookings.bufferMinutes})`, now),
      ),
    );
  const until = hold?.until && !Number.isNaN(+hold.until) ? hold.until : null;
  const start = until && until > now ? until : now;
  const window = { start, end: new Date(+start + DAMAGE_BLOCK_SPAN) };
  return clearAndBlock(
    tx,
    SYSTEM,
    vehicle,
    window,
    { kind: 'damage', reason: 'Schaden gemeldet, nicht fahrbereit', createdBy: reporterId },
    now,
    timeZone,
  );
}

/**
 * Ends a damage block when its report is closed (the caller holds the car's lock): one already
 * running ends now and keeps what it covered; one not yet begun (behind a trip) is called off.
 */
export async function endDamageBlock(tx: Db, blockId: string, now: Date) {
  const [block] = await tx
    .select({ startsAt: vehicleBlocks.startsAt, endsAt: vehicleBlocks.endsAt })
    .from(vehicleBlocks)
    .where(and(eq(vehicleBlocks.id, blockId), isNull(vehicleBlocks.cancelledAt)));
  if (!block || block.endsAt <= now) return;
  await tx
    .update(vehicleBlocks)
    .set(block.startsAt < now ? { endsAt: now } : { cancelledAt: now })
    .where(eq(vehicleBlocks.id, blockId));
}
