import { and, asc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookings, vehicleBlocks } from '@/db/schema';
import { endBlock } from './block-end';
import { clearAndBlock } from './blocks';
import { MINUTE, type TimeRange, UNTIL_CLEARED } from './rules';
import { vehicleToBlock } from './vacate';

const SYSTEM = { id: null, name: 'Fuhrparkverwaltung' } as const;

/** Where the car is held already: the end of a trip on it (or its turnaround after one), or now. */
async function freeFrom(tx: Db, vehicleId: string, now: Date): Promise<Date> {
  const [hold] = await tx
    .select({
      until: sql<string | null>`max(${bookings.endsAt} + make_interval(mins => ${bookings.bufferMinutes}))`,
    })
    .from(bookings)
    .where(
      and(
        eq(bookings.vehicleId, vehicleId),
        inArray(bookings.status, ['active', 'completed']),
        gt(sql`${bookings.endsAt} + make_interval(mins => ${bookings.bufferMinutes})`, now),
      ),
    );
  const until = hold?.until ? new Date(hold.until) : null;
  return until && until > now ? until : now;
}

/** The parts of `window` no block covers (blocks never overlap each other, so one sweep). */
function gapsBetween(window: TimeRange, blocks: { startsAt: Date; endsAt: Date }[]): TimeRange[] {
  const gaps: TimeRange[] = [];
  let cursor = window.start;
  for (const block of blocks) {
    if (block.startsAt > cursor)
      gaps.push({ start: cursor, end: new Date(Math.min(+block.startsAt, +window.end)) });
    if (block.endsAt > cursor) cursor = block.endsAt;
  }
  if (cursor < window.end) gaps.push({ start: cursor, end: window.end });
  // Less than a minute holds no booking (their times are whole minutes): not worth a block.
  return gaps.filter((gap) => +gap.end - +gap.start >= MINUTE);
}

/**
 * Takes a car reported as not drivable out of service at once, inside the report's schedule write
 * (the caller holds the car's lock): from now, or — while the car is out on a trip or in its
 * turnaround after one — from the end of that hold, which nobody else could have had anyway. The
 * blocks already on the car stay as they are; every gap between them is filled with a block of
 * kind 'damage', and every booking in a gap moved to a stand-in or cancelled, exactly as for a
 * block a manager places. Returns the new blocks and the ones that were there (`existing`).
 */
export async function blockForDamage(
  tx: Db,
  reporterId: string,
  vehicleId: string,
  now: Date,
  timeZone: string,
) {
  const vehicle = await vehicleToBlock(tx, vehicleId);
  const start = await freeFrom(tx, vehicleId, now);
  const window = { start, end: new Date(+start + UNTIL_CLEARED) };
  const existing = await tx
    .select({ id: vehicleBlocks.id, startsAt: vehicleBlocks.startsAt, endsAt: vehicleBlocks.endsAt })
    .from(vehicleBlocks)
    .where(
      and(
        eq(vehicleBlocks.vehicleId, vehicleId),
        isNull(vehicleBlocks.cancelledAt),
        lt(vehicleBlocks.startsAt, window.end),
        gt(vehicleBlocks.endsAt, window.start),
      ),
    )
    .orderBy(asc(vehicleBlocks.startsAt));
  const created: string[] = [];
  const moved: string[] = [];
  const cancelled: string[] = [];
  for (const gap of gapsBetween(window, existing)) {
    const placed = await clearAndBlock(
      tx,
      SYSTEM,
      vehicle,
      gap,
      {
        kind: 'damage',
        reason: 'Schaden gemeldet, nicht fahrbereit',
        createdBy: reporterId,
        untilCleared: true,
      },
      now,
      timeZone,
    );
    created.push(placed.block.id);
    moved.push(...placed.moved);
    cancelled.push(...placed.cancelled);
  }
  return { startsAt: start, created, existing: existing.map((block) => block.id), moved, cancelled };
}

/**
 * Ends damage blocks when the last report holding them is closed (the caller holds the car's
 * lock), as any block is ended: one already running ends now, one not yet begun is called off.
 */
export async function endDamageBlocks(tx: Db, blockIds: string[], now: Date) {
  for (const id of blockIds) await endBlock(tx, id, now);
}
