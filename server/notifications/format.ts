import { isAmbiguousWallTime } from '../calendar/zoned';
import { messagesFor } from '../messages/catalog';
import { type Language, localeOf } from '../messages/language';

type Formatters = { dateTime: Intl.DateTimeFormat; date: Intl.DateTimeFormat; time: Intl.DateTimeFormat };

const formatters = new Map<string, Formatters>();

function formattersFor(zone: string, language: Language) {
  const key = `${zone} ${language}`;
  let found = formatters.get(key);
  if (!found) {
    const locale = localeOf(language);
    found = {
      dateTime: new Intl.DateTimeFormat(locale, {
        weekday: 'short',
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone: zone,
      }),
      date: new Intl.DateTimeFormat(locale, {
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        timeZone: zone,
      }),
      time: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: zone }),
    };
    formatters.set(key, found);
  }
  return found;
}

/** The zone's short name in the language, only in the hour that happens twice, where "02:30" alone is unclear. */
function zoneHint(instant: Date, zone: string, language: Language): string {
  if (!isAmbiguousWallTime(instant, zone)) return '';
  const name = new Intl.DateTimeFormat(localeOf(language), { timeZone: zone, timeZoneName: 'short' })
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName');
  return name ? ` ${name.value}` : '';
}

const sameDay = (a: Date, b: Date, zone: string) =>
  formattersFor(zone, 'de').date.format(a) === formattersFor(zone, 'de').date.format(b);

/** "Di., 01.12.2026, 09:00" (English "Tue 01/12/2026, 09:00") in the region's zone, whatever the server's zone is. */
export function formatDateTime(instant: Date, zone: string, language: Language): string {
  return formattersFor(zone, language).dateTime.format(instant) + zoneHint(instant, zone, language);
}

export function formatTime(instant: Date, zone: string, language: Language): string {
  return formattersFor(zone, language).time.format(instant) + zoneHint(instant, zone, language);
}

/** A day of the region's calendar ("2026-12-01") as people read it: "01.12.2026", English "01/12/2026". */
export function formatDay(isoDate: string, language: Language): string {
  return formattersFor('UTC', language).date.format(new Date(`${isoDate}T12:00:00Z`));
}

/** "Di., 01.12.2026, 09:00–12:30 Uhr", or both full dates when the range crosses midnight. */
export function formatRange(start: Date, end: Date, zone: string, language: Language): string {
  const { dates } = messagesFor(language);
  if (sameDay(start, end, zone))
    return dates.sameDay(formatDateTime(start, zone, language), formatTime(end, zone, language));
  return dates.acrossDays(formatDateTime(start, zone, language), formatDateTime(end, zone, language));
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
