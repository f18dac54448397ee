import type { Db } from '@/db/client';
import type { SessionUser } from '../auth/queries';
import { mayManage } from '../auth/scope';
import { type LocalDate, periodBounds } from './rules';
import { sizingFigures } from './sizing-queries';
import { sizingMethod } from './sizing-rules';

/**
 * Fleet sizing for `[from, to)`, with the scope of `figures`: each station in detail only to
 * whoever manages its municipality (the operator: all), the region to every manager as the sum.
 */
export async function sizing(
  db: Db,
  user: SessionUser,
  input: { from: LocalDate; to: LocalDate },
  zone: string,
) {
  const { start, end } = periodBounds(input.from, input.to, zone);
  const rows = await sizingFigures(db, { start, end, from: input.from, to: input.to });
  const region = rows.find((row) => row.stationId === null);
  if (!region) throw new Error('sizing: no region row');
  return {
    start,
    end,
    method: sizingMethod,
    region,
    stations: rows.filter((row) => row.municipalityId !== null && mayManage(user, row.municipalityId)),
  };
}
