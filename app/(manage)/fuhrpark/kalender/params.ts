import { addDays } from '@/app/lib/days';
import { mondayOf, readParams } from '../../../(staff)/zeitplan/params';

/** The calendar's address: ?kommune=<id>&tag=YYYY-MM-DD&ansicht=tag|woche, read as the timeline reads it. */
export interface CalendarParams {
  kommune: string;
  tag: string;
  ansicht: 'tag' | 'woche';
}

export function readCalendarParams(
  raw: Record<string, string | string[] | undefined>,
  today: string,
  fallbackMunicipality: string,
): CalendarParams {
  const { kommune, tag, ansicht } = readParams(raw, today);
  return { kommune: kommune ?? fallbackMunicipality, tag, ansicht };
}

/** The fleetCalendar.view input these parameters mean. */
export const calendarInput = (params: CalendarParams) =>
  params.ansicht === 'woche'
    ? { municipalityId: params.kommune, from: mondayOf(params.tag), days: 7 as const }
    : { municipalityId: params.kommune, from: params.tag, days: 1 as const };

/** The address of the same view shifted by a day or a week. */
export function calendarHref(params: CalendarParams, shiftDays: number) {
  const query = new URLSearchParams({
    kommune: params.kommune,
    tag: addDays(params.tag, shiftDays),
    ansicht: params.ansicht,
  });
  return `/fuhrpark/kalender?${query}`;
}
