import type { Db } from '@/db/client';
import type { SessionUser } from '../auth/queries';
import { windowProblems } from '../bookings/rules';
import { invalidInput } from '../errors';
import { findFreeVehicles, municipalityExists, stationExists } from './queries';
import type { SearchVehiclesInput } from './schema';

export async function searchVehicles(
  db: Db,
  user: SessionUser,
  input: SearchVehiclesInput,
  now = new Date(),
) {
  const window = { start: input.from, end: input.to };
  const problems = windowProblems(window, now);
  if (input.stationId && !(await stationExists(db, input.stationId)))
    problems.stationId = ['Diese Station gibt es nicht.'];
  if (input.municipalityId && !(await municipalityExists(db, input.municipalityId)))
    problems.municipalityId = ['Diese Kommune gibt es nicht.'];
  if (Object.keys(problems).length > 0) throw invalidInput(problems);
  return findFreeVehicles(db, input, window, user.municipalityId);
}
