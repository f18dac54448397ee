'use client';
import { useLanguage, useMessages } from '../lib/i18n';
import { formatDateTime } from '../lib/time';

export type SeriesConflict = { start: Date; end: Date; reason: string };

/** The extra fields of a weekly repeat, shown inside the booking form. */
export function SeriesFields() {
  const t = useMessages().series;
  return (
    <div className="grid">
      <label>
        {t.weeks}
        <input name="weeks" type="number" min={2} max={52} defaultValue={4} required />
      </label>
      <label style={{ flexDirection: 'row', alignItems: 'center', gap: '0.5rem' }}>
        <input name="skipConflicts" type="checkbox" />
        {t.skipConflicts}
      </label>
    </div>
  );
}

/** The occurrences that could not be booked, each with its reason: the series was not booked. */
export function SeriesConflicts({ conflicts, timeZone }: { conflicts: SeriesConflict[]; timeZone: string }) {
  const t = useMessages().search;
  const language = useLanguage();
  return (
    <div className="hint">
      <p>{t.seriesNotCreated}</p>
      <ul>
        {conflicts.map((c) => (
          <li key={String(c.start)}>
            {formatDateTime(new Date(c.start), timeZone, language)}: {c.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}
