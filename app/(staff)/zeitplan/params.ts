import { addDays } from '@/app/lib/days';

/** What the page's address asks for: ?station=<id> or ?kommune=<id>, &tag=YYYY-MM-DD, &ansicht=tag|woche. */
export interface TimelineParams {
  station?: string;
  kommune?: string;
  tag: string;
  ansicht: 'tag' | 'woche';
}

const isDay = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function readParams(
  raw: Record<string, string | string[] | undefined>,
  today: string,
): TimelineParams {
  const tag = first(raw.tag);
  // The picker's one field says both: "station:<id>" or "kommune:<id>".
  const [kind, id] = (first(raw.ort) ?? '').split(':');
  const station = kind === 'station' ? id : first(raw.station);
  const kommune = kind === 'kommune' ? id : first(raw.kommune);
  return {
    ...(station ? { station } : kommune ? { kommune } : {}),
    tag: isDay(tag) ? tag : today,
    ansicht: first(raw.ansicht) === 'woche' ? 'woche' : 'tag',
  };
}

/** The Monday of the week a day lies in (weeks start on Monday in Germany). */
export const mondayOf = (day: string) => addDays(day, -((new Date(`${day}T12:00Z`).getUTCDay() + 6) % 7));

/** The timeline.view input these parameters mean. */
export function viewInput(params: TimelineParams) {
  const place = params.station ? { stationId: params.station } : { municipalityId: params.kommune ?? '' };
  return params.ansicht === 'woche'
    ? { ...place, from: mondayOf(params.tag), days: 7 }
    : { ...place, from: params.tag, days: 1 };
}

/** The address of the same view shifted by a day or a week. */
export function hrefOf(params: TimelineParams, shiftDays = 0) {
  const query = new URLSearchParams();
  if (params.station) query.set('station', params.station);
  else if (params.kommune) query.set('kommune', params.kommune);
  query.set('tag', addDays(params.tag, shiftDays));
  query.set('ansicht', params.ansicht);
  return `/zeitplan?${query}`;
}
