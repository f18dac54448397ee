/**
 * The schedule invariant of the property test, checked from the rows alone: what the database's
 * constraints and triggers promise, restated without their help, so the test can catch them out.
 */
import type { TZDate } from '@date-fns/tz';
import { inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookings, vehicleBlocks } from '@/db/schema';
import type { SessionUser } from '../auth/queries';
import { blockedRange, clashes, liveBookingStatuses, overlaps, type TimeRange } from './rules';

export interface World {
  db: Db;
  people: SessionUser[];
  manager: SessionUser;
  cars: { id: string; buffer: number }[];
  /** Midnight (region's time) of tomorrow: slot 0, and day 0 of a series. */
  origin: TZDate;
  bookingIds: string[];
  blockIds: string[];
}

type BookingRow = Awaited<ReturnType<typeof readState>>['bookings'][number];

export async function readState(world: World) {
  const carIds = world.cars.map((c) => c.id);
  const [bookingRows, blockRows] = await Promise.all([
    world.db
      .select({
        id: bookings.id,
        vehicleId: bookings.vehicleId,
        userId: bookings.userId,
        start: bookings.startsAt,
        end: bookings.endsAt,
        status: bookings.status,
        bufferMinutes: bookings.bufferMinutes,
      })
      .from(bookings)
      .where(inArray(bookings.vehicleId, carIds)),
    world.db
      .select({
        id: vehicleBlocks.id,
        vehicleId: vehicleBlocks.vehicleId,
        start: vehicleBlocks.startsAt,
        end: vehicleBlocks.endsAt,
        cancelledAt: vehicleBlocks.cancelledAt,
      })
      .from(vehicleBlocks)
      .where(inArray(vehicleBlocks.vehicleId, carIds)),
  ]);
  const byId = <T extends { id: string }>(rows: T[]) => rows.sort((a, b) => a.id.localeCompare(b.id));
  return { bookings: byId(bookingRows), blocks: byId(blockRows) };
}
export type State = Awaited<ReturnType<typeof readState>>;

export const isLive = (b: BookingRow) => (liveBookingStatuses as readonly string[]).includes(b.status);
export const liveBlocks = (state: State) => state.blocks.filter((b) => b.cancelledAt === null);
const show = (r: TimeRange) => `${r.start.toISOString()}–${r.end.toISOString()}`;

/** What the database promises about one car's schedule, checked here without the database's help. */
export function violations(world: World, state: State): string[] {
  const found: string[] = [];
  const live = state.bookings.filter(isLive);
  for (const [i, a] of live.entries()) {
    const car = world.cars.find((c) => c.id === a.vehicleId);
    if (car && a.bufferMinutes !== car.buffer)
      found.push(`booking ${a.id} carries buffer ${a.bufferMinutes}, its car ${car.buffer}`);
    for (const b of live.slice(i + 1))
      if (a.vehicleId === b.vehicleId && clashes(a, b))
        found.push(`bookings ${a.id} (${show(a)}) and ${b.id} (${show(b)}) clash`);
    for (const block of liveBlocks(state))
      if (block.vehicleId === a.vehicleId && overlaps(blockedRange(a, a.bufferMinutes), block))
        found.push(`booking ${a.id} (${show(a)}) overlaps block ${block.id} (${show(block)})`);
  }
  const blocks = liveBlocks(state);
  for (const [i, a] of blocks.entries())
    for (const b of blocks.slice(i + 1))
      if (a.vehicleId === b.vehicleId && overlaps(a, b)) found.push(`blocks ${a.id} and ${b.id} overlap`);
  return found;
}

/** Whether a window of a car (its buffer after it) meets a live booking (except one) or block. */
export function occupied(
  state: State,
  vehicleId: string,
  window: TimeRange,
  buffer: number,
  except?: string,
) {
  const wanted = { ...window, bufferMinutes: buffer };
  return (
    state.bookings.some(
      (b) => isLive(b) && b.vehicleId === vehicleId && b.id !== except && clashes(b, wanted),
    ) || liveBlocks(state).some((b) => b.vehicleId === vehicleId && overlaps(b, blockedRange(window, buffer)))
  );
}
