import { formatDateTime, formatTime } from '../../lib/time';
import type { Messages } from '../../messages/de';

/** "Di., 01.12.2026, 09:30 – 11:00", with the end's date only when it differs from the start's. */
export function formatRange(t: Messages, start: Date, end: Date, timeZone: string): string {
  const from = formatDateTime(start, timeZone);
  const until = formatDateTime(end, timeZone);
  const sameDay = from.slice(0, 10) === until.slice(0, 10);
  return t.manage.range(from, sameDay ? formatTime(end, timeZone) : until);
}
