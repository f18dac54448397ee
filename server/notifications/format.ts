import { isAmbiguousWallTime } from '../calendar/zoned';

type Formatters = { dateTime: Intl.DateTimeFormat; date: Intl.DateTimeFormat; time: Intl.DateTimeFormat };

const formatters = new Map<string, Formatters>();

function formattersFor(zone: string) {
  let found = formatters.get(zone);
  if (!found) {
    found = {
      dateTime: new Intl.DateTimeFormat('de-DE', {
        weekday: 'short',
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone: zone,
      }),
      date: new Intl.DateTimeFormat('de-DE', {
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        timeZone: zone,
      }),
      time: new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit', timeZone: zone }),
    };
    formatters.set(zone, found);
  }
  return found;
}

/** The German zone name, only in the hour that happens twice, where "02:30" alone is unclear. */
function zoneHint(instant: Date, zone: string): string {
  if (!isAmbiguousWallTime(instant, zone)) return '';
  const name = new Intl.DateTimeFormat('de-DE', { timeZone: zone, timeZoneName: 'short' })
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName');
  return name ? ` ${name.value}` : '';
}

const sameDay = (a: Date, b: Date, zone: string) =>
  formattersFor(zone).date.format(a) === formattersFor(zone).date.format(b);

/** "Di., 01.12.2026, 09:00" in the region's zone, whatever the server's zone is. */
export function formatDateTime(instant: Date, zone: string): string {
  return formattersFor(zone).dateTime.format(instant) + zoneHint(instant, zone);
}

export function formatTime(instant: Date, zone: string): string {
  return formattersFor(zone).time.format(instant) + zoneHint(instant, zone);
}

/** "Di., 01.12.2026, 09:00–12:30 Uhr", or both full dates when the range crosses midnight. */
export function formatRange(start: Date, end: Date, zone: string): string {
  if (sameDay(start, end, zone)) return `${formatDateTime(start, zone)}–${formatTime(end, zone)} Uhr`;
  return `${formatDateTime(start, zone)} Uhr bis ${formatDateTime(end, zone)} Uhr`;
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
