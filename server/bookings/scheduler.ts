import { and, asc, eq, gt, gte, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookingEvents, bookingPolicies, bookings, vehicles } from '@/db/schema';
import { AppError } from '../errors';
import { findEquivalentVehicle } from '../fleet/queries';
import { logger } from '../logger';
import { type LicenceNoticeSettings, sendLicenceExpiryNotices } from '../notifications/licence-notices';
import { notify } from '../notifications/outbox';
import { defaultPolicy } from './policy';
import { HOUR, MINUTE, upcomingBookingStatuses } from './rules';
import { applyTransition } from './transitions';

const log = logger.child({ part: 'scheduler' });

export const REMINDER_LEAD = 60 * MINUTE;
/** How far ahead a late car's next booking is looked for: beyond that the car will be back. */
const NEXT_BOOKING_HORIZON = 12 * HOUR;

/**
 * The app's own clockwork, run every half minute by each web instance: no-shows released, late
 * returns noticed (and the next booker told), reminders sent. Safe to run on several instances at
 * once: every step is a conditional write that only one of them can win.
 */
async function runDueWork(db: Db, now: Date, licenceNotices: LicenceNoticeSettings) {
  return {
    noShows: await releaseNoShows(db, now),
    lateReturns: await noticeLateReturns(db, now),
    reminders: await sendReminders(db, now),
    licenceNotices: await sendLicenceExpiryNotices(db, now, licenceNotices),
  };
}

/** Reserved bookings nobody unlocked within the owner's grace: released, so the car is free again. */
export async function releaseNoShows(db: Db, now: Date): Promise<number> {
  const grace = sql<number>`coalesce(${bookingPolicies.noShowGraceMinutes}, ${defaultPolicy.noShowGraceMinutes})`;
  const due = await db
    .select({ id: bookings.id, grace })
    .from(bookings)
    .innerJoin(vehicles, eq(vehicles.id, bookings.vehicleId))
    .leftJoin(bookingPolicies, eq(bookingPolicies.municipalityId, vehicles.ownerMunicipalityId))
    .where(
      and(
        eq(bookings.status, 'reserved'),
        sql`${bookings.startsAt} + make_interval(mins => ${grace}) <= ${now.toISOString()}::timestamptz`,
      ),
    );
  let released = 0;
  for (const { id, grace: graceMinutes } of due) {
    try {
      await applyTransition(db, id, { type: 'no_show', graceMinutes }, { id: null, role: 'system' }, now);
      released++;
    } catch (error) {
      // Another instance, or an unlock, got there first: nothing left to do for this one.
      if (!(error instanceof AppError && error.code === 'TRANSITION_REFUSED')) throw error;
    }
  }
  return released;
}

/** Running bookings past their end: marked once, and the next booker of the car told at once. */
export function noticeLateReturns(db: Db, now: Date): Promise<number> {
  // One transaction: a late return is marked only together with the word to the next booker.
  return db.transaction(async (tx) => {
    const late = await tx
      .update(bookings)
      .set({ lateReturnNoticedAt: now })
      .where(
        and(eq(bookings.status, 'active'), lt(bookings.endsAt, now), isNull(bookings.lateReturnNoticedAt)),
      )
      .returning({ id: bookings.id, vehicleId: bookings.vehicleId, endsAt: bookings.endsAt });
    for (const booking of late) {
      await tx.insert(bookingEvents).values({
        bookingId: booking.id,
        type: 'late_return',
        fromStatus: 'active',
        toStatus: 'active',
        actorId: null,
        at: now,
      });
      const next = await nextBookingOf(tx, booking.vehicleId, booking.endsAt);
      if (!next) continue;
      const alternativeVehicleId = await findEquivalentVehicle(
        tx,
        {
          vehicleId: booking.vehicleId,
          stationId: next.stationId,
          seats: next.seats,
          powertrain: next.powertrain,
        },
        { start: next.startsAt, end: next.endsAt },
      );
      await notify(tx, { kind: 'late_return', bookingId: next.id, alternativeVehicleId });
    }
    return late.length;
  });
}

async function nextBookingOf(db: Db, vehicleId: string, after: Date) {
  const [next] = await db
    .select({
      id: bookings.id,
      startsAt: bookings.startsAt,
      endsAt: bookings.endsAt,
      stationId: vehicles.homeStationId,
      seats: vehicles.seats,
      powertrain: vehicles.powertrain,
    })
    .from(bookings)
    .innerJoin(vehicles, eq(vehicles.id, bookings.vehicleId))
    .where(
      and(
        eq(bookings.vehicleId, vehicleId),
        inArray(bookings.status, [...upcomingBookingStatuses]),
        gte(bookings.startsAt, after),
        lte(bookings.startsAt, new Date(after.getTime() + NEXT_BOOKING_HORIZON)),
      ),
    )
    .orderBy(asc(bookings.startsAt))
    .limit(1);
  return next ?? null;
}

/** A reminder an hour before the start of each reservation, once. */
export function sendReminders(db: Db, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await tx
      .update(bookings)
      .set({ reminderSentAt: now })
      .where(
        and(
          eq(bookings.status, 'reserved'),
          isNull(bookings.reminderSentAt),
          gt(bookings.startsAt, now),
          lte(bookings.startsAt, new Date(now.getTime() + REMINDER_LEAD)),
        ),
      )
      .returning({ id: bookings.id });
    for (const { id } of due) await notify(tx, { kind: 'reminder', bookingId: id });
    return due.length;
  });
}

/** Another area's step of the clockwork, handed in by boot: this area may not import those that import it. */
export type DueWork = (db: Db, now: Date) => Promise<unknown>;

/**
 * Runs the clockwork, and then the `more` steps, every `intervalMs` in this process until stopped;
 * errors are logged, not fatal. Stopping waits for a round under way, so the database is not
 * closed beneath it.
 */
export function startScheduler(
  database: () => Promise<{ db: Db }>,
  licenceNotices: LicenceNoticeSettings,
  more: readonly DueWork[] = [],
  intervalMs = 30_000,
) {
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = (async () => {
      try {
        const { db } = await database();
        const now = new Date();
        await runDueWork(db, now, licenceNotices);
        for (const step of more) await step(db, now);
      } catch (error) {
        log.error({ err: error }, 'scheduler round failed');
      } finally {
        running = undefined;
      }
    })();
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
