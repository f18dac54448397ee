import { TZDate, tzOffset } from '@date-fns/tz';

const SIX_HOURS = 6 * 60 * 60 * 1000;

/**
 * Whether the instant's wall time in the zone also names an earlier instant — the second pass
 * through the hour that repeats when summer time ends. A TZID value always means the first
 * occurrence (RFC 5545 §3.3.5), so such an instant must not be written as a zoned wall time.
 */
export function isRepeatedWallTime(instant: Date, zone: string): boolean {
  const offset = tzOffset(zone, instant);
  // Transitions are months apart, so six hours back is before any change that could matter.
  const before = tzOffset(zone, new Date(instant.getTime() - SIX_HOURS));
  if (before <= offset) return false;
  const twin = new Date(instant.getTime() - (before - offset) * 60_000);
  return tzOffset(zone, twin) === before;
}

/** Whether the wall time also names another instant (either pass through the repeated hour). */
export function isAmbiguousWallTime(instant: Date, zone: string): boolean {
  if (isRepeatedWallTime(instant, zone)) return true;
  const offset = tzOffset(zone, instant);
  const after = tzOffset(zone, new Date(instant.getTime() + SIX_HOURS));
  if (after >= offset) return false;
  const twin = new Date(instant.getTime() + (offset - after) * 60_000);
  return tzOffset(zone, twin) === after;
}

export type EventTimes = { start: Date; end: Date; timezone: string | null };

/**
 * Start and end as the zone's wall times (TZDate, so ical-generator writes the zone's clock and
 * not the process's), or both in UTC when a wall time would be ambiguous.
 */
export function eventTimes(startsAt: Date, endsAt: Date, zone: string): EventTimes {
  if (isRepeatedWallTime(startsAt, zone) || isRepeatedWallTime(endsAt, zone)) {
    return { start: new Date(startsAt.getTime()), end: new Date(endsAt.getTime()), timezone: null };
  }
  return {
    start: new TZDate(startsAt.getTime(), zone),
    end: new TZDate(endsAt.getTime(), zone),
    timezone: zone,
  };
}
