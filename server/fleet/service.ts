import type { Db } from '@/db/client';
import type { SessionUser } from '../auth/queries';
import { HOUR, windowProblems } from '../bookings/rules';
import { invalidInput } from '../errors';
import { recordDemandMiss } from '../reports/queries';
import { recordSlotMisses } from '../reports/sizing-queries';
import { loadBookingContext, splitBookable } from './bookable';
import { findAlternatives, findFreeVehicles, municipalityExists, stationExists } from './queries';
import { rankVehicles } from './rules';
import type { SearchVehiclesInput } from './schema';

const SHIFTS_HOURS = [-1, 1, -2, 2];
const NEARBY_STATIONS = 5;

/**
 * Time first: the cars free over the whole window that the person may book, ranked (own
 * municipality, nearest, enough range); the free ones the booking rules keep from them are
 * counted per rule (`hidden`). When none is bookable, the nearest alternatives: other stations at
 * the same time, and the same place an hour or two earlier or later.
 */
export async function searchVehicles(
  db: Db,
  user: SessionUser,
  input: SearchVehiclesInput,
  timeZone: string,
  now = new Date(),
) {
  const window = { start: input.from, end: input.to };
  const problems = windowProblems(window, now);
  if (Object.keys(problems).length > 0) throw invalidInput(problems);
  const ranking = { ownMunicipalityId: user.municipalityId, origin: input.near, plannedKm: input.plannedKm };
  const [free, context] = await Promise.all([
    findFreeVehicles(db, input, window),
    loadBookingContext(db, user, now, timeZone),
  ]);
  const { bookable, hidden } = splitBookable(free, window, context);
  const vehicles = rankVehicles(bookable, ranking);
  if (vehicles.length > 0) return { vehicles, hidden, alternatives: null };
  // Only an empty answer can hide a place that does not exist: ask then, not on every search.
  await assertPlaceExists(db, input);
  if (input.stationId) {
    await recordDemandMiss(db, input.stationId, input.from);
    await recordSlotMisses(db, { stationId: input.stationId, searcherId: user.id, window }, now);
  }
  if (!input.stationId && !input.municipalityId) return { vehicles, hidden, alternatives: null };
  const shifts = SHIFTS_HOURS.map((hours) => ({
    hours,
    window: { start: new Date(+window.start + hours * HOUR), end: new Date(+window.end + hours * HOUR) },
  })).filter((shift) => Object.keys(windowProblems(shift.window, now)).length === 0);
  const found = await findAlternatives(
    db,
    input,
    window,
    shifts.map((shift) => shift.window),
  );
  return {
    vehicles,
    hidden,
    alternatives: {
      otherStations: rankVehicles(splitBookable(found.elsewhere, window, context).bookable, ranking).slice(
        0,
        NEARBY_STATIONS,
      ),
      shifted: shifts.flatMap((shift, i) => {
        const free = rankVehicles(
          splitBookable(found.shifted[i] ?? [], shift.window, context).bookable,
          ranking,
        );
        return free.length > 0
          ? [
              {
                shiftHours: shift.hours,
                from: shift.window.start,
                to: shift.window.end,
                vehicles: free.slice(0, 3),
              },
            ]
          : [];
      }),
    },
  };
}

async function assertPlaceExists(db: Db, input: SearchVehiclesInput) {
  const problems: Record<string, string[]> = {};
  if (input.stationId && !(await stationExists(db, input.stationId)))
    problems.stationId = ['Diese Station gibt es nicht.'];
  if (input.municipalityId && !(await municipalityExists(db, input.municipalityId)))
    problems.municipalityId = ['Diese Kommune gibt es nicht.'];
  if (Object.keys(problems).length > 0) throw invalidInput(problems);
}
