import { and, eq, gt, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookingSeries, bookings } from '@/db/schema';
import type { SessionUser } from '../auth/queries';
import { AppError, sqlState } from '../errors';
import { openBookingsOfPerson } from './policy-queries';
import { insertBooking } from './queries';
import { expandWeekly, type WeeklyRule } from './recurrence';
import { type TimeRange, upcomingBookingStatuses } from './rules';
import { lockVehicleSchedule, writeSchedule } from './schedule';
import { admitBooking, announceNewBooking } from './service';
import { applyTransition } from './transitions';

export interface SeriesRequest extends WeeklyRule {
  vehicleId: string;
  purpose?: string;
  /** Book the free occurrences and leave out the rest; otherwise any conflict books nothing. */
  skipConflicts: boolean;
}

export type SeriesConflict = { start: Date; end: Date; reason: string };

const occupied = 'Das Fahrzeug ist zu dieser Zeit bereits belegt.';

/**
 * Books every occurrence of a weekly rule together. Each one must pass what a single booking
 * must; those that cannot are listed with the reason, and are either left out on request or make
 * the whole series fail with nothing written.
 */
export async function createSeries(
  db: Db,
  user: SessionUser,
  request: SeriesRequest,
  timeZone: string,
  now = new Date(),
) {
  const windows = expandWeekly(request, timeZone);
  if (windows.length === 0)
    throw new AppError('INVALID_INPUT', { fieldErrors: { weekdays: ['Kein Termin.'] } });
  const conflicts: SeriesConflict[] = [];
  const admitted: { window: TimeRange; status: 'pending' | 'reserved' }[] = [];
  let ownerId: string | null = null;
  let limit = Number.POSITIVE_INFINITY;
  for (const window of windows) {
    try {
      const { vehicle, status, policy } = await admitBooking(
        db,
        user,
        request.vehicleId,
        window,
        now,
        'create',
        timeZone,
      );
      ownerId = vehicle.ownerMunicipalityId;
      limit = policy.maxFutureBookingsPerPerson;
      admitted.push({ window, status });
    } catch (error) {
      if (!(error instanceof AppError) || !['POLICY_VIOLATION', 'INVALID_INPUT'].includes(error.code))
        throw error;
      if (error.code === 'INVALID_INPUT' && error.fieldErrors?.vehicleId) throw error;
      conflicts.push({ ...asConflict(window), reason: reasonOf(error) });
    }
  }
  const owner = ownerId;
  const result = await writeSchedule(db, async (tx) => {
    await lockVehicleSchedule(tx, request.vehicleId);
    const [series] = await tx
      .insert(bookingSeries)
      .values({ userId: user.id, vehicleId: request.vehicleId, rule: ruleOf(request) })
      .returning({ id: bookingSeries.id });
    if (!series) throw new Error('series insert returned no row');
    let open = owner ? await openBookingsOfPerson(tx, user.id, owner, now) : 0;
    const created: string[] = [];
    for (const { window, status } of admitted) {
      if (open >= limit) {
        conflicts.push({
          ...asConflict(window),
          reason: `Mehr als ${limit} anstehende Buchungen sind nicht möglich.`,
        });
        continue;
      }
      const id = await tryInsert(tx, user, request, window, status, series.id, now);
      if (id === null) conflicts.push({ ...asConflict(window), reason: occupied });
      else {
        created.push(id);
        open++;
        if (owner) await announceNewBooking(tx, id, status, owner);
      }
    }
    conflicts.sort((a, b) => +a.start - +b.start);
    if (conflicts.length > 0 && !request.skipConflicts)
      throw new AppError('SERIES_CONFLICTS', {
        message: `${conflicts.length} von ${windows.length} Terminen sind nicht möglich; es wurde nichts gebucht.`,
        details: { conflicts },
      });
    if (created.length === 0)
      throw new AppError('SERIES_CONFLICTS', {
        message: 'Keiner der Termine ist möglich.',
        details: { conflicts },
      });
    return { seriesId: series.id, bookingIds: created, skipped: conflicts };
  });
  return result;
}

/** One occurrence in its own savepoint: a clash undoes only that one. */
async function tryInsert(
  tx: Db,
  user: SessionUser,
  request: SeriesRequest,
  window: TimeRange,
  status: 'pending' | 'reserved',
  seriesId: string,
  now: Date,
): Promise<string | null> {
  try {
    return await tx.transaction(async (savepoint) => {
      const row = await insertBooking(
        savepoint,
        {
          vehicleId: request.vehicleId,
          userId: user.id,
          window,
          purpose: request.purpose || null,
          status,
          seriesId,
        },
        user.id,
        now,
      );
      return row.id;
    });
  } catch (error) {
    if (sqlState(error) === '23P01') return null;
    throw error;
  }
}

/** Cancels the occurrences of the series that have not begun; those already driven stay as they are. */
export async function cancelSeries(db: Db, user: SessionUser, seriesId: string, now = new Date()) {
  const [series] = await db
    .select({ id: bookingSeries.id })
    .from(bookingSeries)
    .where(and(eq(bookingSeries.id, seriesId), eq(bookingSeries.userId, user.id)));
  if (!series) throw new AppError('SERIES_NOT_FOUND');
  const upcoming = await db
    .select({ id: bookings.id })
    .from(bookings)
    .where(
      and(
        eq(bookings.seriesId, seriesId),
        inArray(bookings.status, [...upcomingBookingStatuses]),
        gt(bookings.startsAt, now),
      ),
    );
  for (const { id } of upcoming)
    await applyTransition(db, id, { type: 'cancel', by: 'booker' }, { id: user.id, role: 'booker' }, now);
  return { cancelled: upcoming.length };
}

const asConflict = (window: TimeRange) => ({ start: window.start, end: window.end });

function reasonOf(error: AppError): string {
  if (error.code !== 'INVALID_INPUT') return error.message;
  return (
    Object.values(error.fieldErrors ?? {})
      .flat()
      .join(' ') || error.message
  );
}

const ruleOf = (request: SeriesRequest): WeeklyRule => ({
  firstDay: request.firstDay,
  startTime: request.startTime,
  endTime: request.endTime,
  weeks: request.weeks,
  weekdays: request.weekdays,
});
