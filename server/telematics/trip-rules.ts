import { LogEvent, SOC_UNKNOWN } from '@/telematics/protocol';

/** A stored box record as trips need it. */
export interface TripRecord {
  seq: number;
  at: Date;
  event: number;
  odometer: number;
  soc: number;
}

export interface DerivedTrip {
  startedAt: Date;
  endedAt: Date | null;
  /** Units of 100 m, as the box counts. */
  odometerStart: number;
  odometerEnd: number;
  socStart: number | null;
  socEnd: number | null;
  ignitionSeconds: number;
  /** State-of-charge drops × battery; null without a battery. */
  energyKwh: number | null;
  /** State-of-charge rises × battery (charging during the trip), kept apart from energy. */
  chargedKwh: number | null;
}

const knownSoc = (soc: number): number | null => (soc === SOC_UNKNOWN || soc > 100 ? null : soc);
const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * The trip of one booking on one box: from its first unlock to the first booking-ended record
 * after it (open while none has arrived). Records are put in seq order first, so whatever order
 * they arrived in, the same records give the same trip.
 */
export function deriveTrip(records: readonly TripRecord[], batteryKwh: number | null): DerivedTrip | null {
  const ordered = [...records].sort((a, b) => a.seq - b.seq);
  const startIndex = ordered.findIndex((r) => r.event === LogEvent.UNLOCKED);
  const start = ordered[startIndex];
  if (!start) return null;
  const rest = ordered.slice(startIndex);
  const endIndex = rest.findIndex((r) => r.event === LogEvent.BOOKING_ENDED);
  const span = endIndex === -1 ? rest : rest.slice(0, endIndex + 1);
  const last = span[span.length - 1] ?? start;
  const end = endIndex === -1 ? null : last;

  let ignitionSeconds = 0;
  let ignitionSince: Date | null = null;
  let drop = 0;
  let rise = 0;
  let previousSoc: number | null = null;
  for (const record of span) {
    if (record.event === LogEvent.IGNITION_ON && ignitionSince === null) ignitionSince = record.at;
    if (record.event === LogEvent.IGNITION_OFF && ignitionSince !== null) {
      ignitionSeconds += seconds(ignitionSince, record.at);
      ignitionSince = null;
    }
    const soc = knownSoc(record.soc);
    if (soc !== null) {
      if (previousSoc !== null && soc < previousSoc) drop += previousSoc - soc;
      if (previousSoc !== null && soc > previousSoc) rise += soc - previousSoc;
      previousSoc = soc;
    }
  }
  // Ignition still on at the end of what we know: clipped there, never beyond the trip.
  if (ignitionSince !== null) ignitionSeconds += seconds(ignitionSince, last.at);

  return {
    startedAt: start.at,
    endedAt: end ? maxDate(end.at, start.at) : null,
    odometerStart: start.odometer,
    // A box swapped for one with a lower count must not make a negative trip.
    odometerEnd: Math.max(start.odometer, last.odometer),
    socStart: knownSoc(start.soc),
    socEnd: knownSoc(last.soc),
    ignitionSeconds,
    energyKwh: batteryKwh === null ? null : round2((drop / 100) * batteryKwh),
    chargedKwh: batteryKwh === null ? null : round2((rise / 100) * batteryKwh),
  };
}

const seconds = (from: Date, to: Date) => Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
const maxDate = (a: Date, b: Date) => (a > b ? a : b);
