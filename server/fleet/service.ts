import type { Db } from '@/db/client';
import type { SessionUser } from '../auth/queries';
import { HOUR, type TimeRange, windowProblems } from '../bookings/rules';
import { invalidInput } from '../errors';
import { findFreeVehicles, municipalityExists, stationExists } from './queries';
import { rankVehicles } from './rules';
import type { SearchVehiclesInput } from './schema';

const SHIFTS_HOURS = [-1, 1, -2, 2];
const NEARBY_STATIONS = 5;

/**
 * Time first: the cars free over the whole window, ranked (own municipality, nearest, enough
 * range). When none is free, the nearest alternatives: other stations at the same time, and the
 * same place an hour or two earlier or later.
 */
export async function searchVehicles(
  db: Db,
  user: SessionUser,
  input: SearchVehiclesInput,
  now = new Date(),
) {
  const window = { start: input.from, end: input.to };
  const problems = windowProblems(window, now);
  if (Object.keys(problems).length > 0) throw invalidInput(problems);
  const rank = async (filter: SearchVehiclesInput, at: TimeRange) =>
    rankVehicles(await findFreeVehicles(db, filter, at), {
      ownMunicipalityId: user.municipalityId,
      origin: input.near,
      plannedKm: input.plannedKm,
    });
  const vehicles = await rank(input, window);
  if (vehicles.length > 0) return { vehicles, alternatives: null };
  // Only an empty answer can hide a place that does not exist: ask then, not on every search.
  await assertPlaceExists(db, input);
  if (!input.stationId && !input.municipalityId) return { vehicles, alternatives: null };
  return { vehicles, alternatives: await alternatives(input, window, now, rank) };
}

async function assertPlaceExists(db: Db, input: SearchVehiclesInput) {
  const problems: Record<string, string[]> = {};
  if (input.stationId && !(await stationExists(db, input.stationId)))
    problems.stationId = ['Diese Station gibt es nicht.'];
  if (input.municipalityId && !(await municipalityExists(db, input.municipalityId)))
    problems.municipalityId = ['Diese Kommune gibt es nicht.'];
  if (Object.keys(problems).length > 0) throw invalidInput(problems);
}

async function alternatives<T>(
  input: SearchVehiclesInput,
  window: TimeRange,
  now: Date,
  rank: (filter: SearchVehiclesInput, at: TimeRange) => Promise<T[]>,
) {
  const anywhere = { ...input, stationId: undefined, municipalityId: undefined };
  const otherStations = (await rank(anywhere, window)).slice(0, NEARBY_STATIONS);
  const shifted = [];
  for (const hours of SHIFTS_HOURS) {
    const at = { start: new Date(+window.start + hours * HOUR), end: new Date(+window.end + hours * HOUR) };
    if (Object.keys(windowProblems(at, now)).length > 0) continue;
    const found = await rank(input, at);
    if (found.length > 0)
      shifted.push({ shiftHours: hours, from: at.start, to: at.end, vehicles: found.slice(0, 3) });
  }
  return { otherStations, shifted };
}
