import type { Language } from '../../lib/language';
import { formatDateTime, formatTime, todayIn } from '../../lib/time';
import type { Messages } from '../../messages/de';

/** "Di., 01.12.2026, 09:30 – 11:00", with the end's date only when it differs from the start's. */
export function formatRange(
  t: Messages,
  language: Language,
  start: Date,
  end: Date,
  timeZone: string,
): string {
  const from = formatDateTime(start, timeZone, language);
  const sameDay = todayIn(timeZone, start) === todayIn(timeZone, end);
  return t.manage.range(from, sameDay ? formatTime(end, timeZone) : formatDateTime(end, timeZone, language));
}
