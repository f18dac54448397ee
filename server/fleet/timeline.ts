import { z } from 'zod';
import { startOfDay, timelineDays } from '@/app/lib/days';
import type { Db } from '@/db/client';
import type { SessionUser } from '../auth/queries';
import { mayManage } from '../auth/scope';
import { AppError } from '../errors';
import { fieldTexts } from '../messages/fields';
import { findTimelinePlace, timelineRows } from './timeline-queries';

export const MAX_TIMELINE_DAYS = 8;

export const timelineInput = z
  .object({
    stationId: z.uuid().optional(),
    municipalityId: z.uuid().optional(),
    /** The first day shown, in the region's zone. */
    from: z.iso.date(),
    days: z.number().int().min(1).max(MAX_TIMELINE_DAYS),
  })
  .refine((input) => Boolean(input.stationId) !== Boolean(input.municipalityId), {
    path: ['stationId'],
    error: () => fieldTexts().exactlyStationOrMunicipality,
  });

export type TimelineInput = z.infer<typeof timelineInput>;

/**
 * Cars × time at a station or in a municipality, for one to eight days: which hours are free,
 * booked by someone (no name), blocked, or the viewer's own. The viewer sees the cars they may
 * book; a place whose owner lets no other municipality book is refused to outsiders.
 */
export async function timelineView(db: Db, user: SessionUser, input: TimelineInput, timeZone: string) {
  const place = await findTimelinePlace(db, input);
  if (!place) throw new AppError(input.stationId ? 'STATION_NOT_FOUND' : 'MUNICIPALITY_NOT_FOUND');
  const own = user.municipalityId === place.municipalityId;
  if (!own && !place.othersMayBook && !mayManage(user, place.municipalityId))
    throw new AppError('OTHER_MUNICIPALITY');
  const days = timelineDays(input.from, input.days, timeZone);
  const start = days[0]?.start ?? startOfDay(input.from, timeZone);
  const end = days.at(-1)?.end ?? start;
  const vehicles = await timelineRows(db, input, user, start, end);
  return {
    place: {
      kind: input.stationId ? ('station' as const) : ('municipality' as const),
      id: place.id,
      name: place.name,
    },
    timeZone,
    start,
    end,
    days,
    vehicles,
  };
}

export type TimelineView = Awaited<ReturnType<typeof timelineView>>;
