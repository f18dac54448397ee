'use client';
import { formatDateTime } from '../lib/time';
import { de } from '../messages/de';

export type SeriesConflict = { start: Date; end: Date; reason: string };

/** The extra fields of a weekly repeat, shown inside the booking form. */
export function SeriesFields() {
  return (
    <div className="grid">
      <label>
        {de.series.weeks}
        <input name="weeks" type="number" min={2} max={52} defaultValue={4} required />
      </label>
      <label style={{ flexDirection: 'row', alignItems: 'center', gap: '0.5rem' }}>
        <input name="skipConflicts" type="checkbox" />
        {de.series.skipConflicts}
      </label>
    </div>
  );
}

/** The occurrences that could not be booked, each with its reason. */
export function SeriesConflicts({ conflicts, timeZone }: { conflicts: SeriesConflict[]; timeZone: string }) {
  return (
    <ul className="hint">
      {conflicts.map((c) => (
        <li key={String(c.start)}>
          {formatDateTime(new Date(c.start), timeZone)}: {c.reason}
        </li>
      ))}
    </ul>
  );
}
