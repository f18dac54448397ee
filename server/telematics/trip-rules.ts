import { LogEvent, SOC_UNKNOWN } from '@/telematics/protocol';

/** A stored box record as trips need it. */
export interface TripRecord {
  /** The box's log epoch: seqs order records within one, and epochs follow each other in time. */
  epoch: number;
  seq: number;
  at: Date;
  event: number;
  odometer: number;
  soc: number;
}

/** What the box said in a signed answer to a command: its time and gauges at that moment. */
export interface BoxReading {
  at: Date;
  odometer: number;
  soc: number;
}

/**
 * What is known of the booking besides its records: the box's answers to its first unlock and its
 * end (OK, signed by the box, kept with the job), and whether the booking is over.
 */
export interface TripEvidence {
  unlocked?: BoxReading | null;
  ended?: BoxReading | null;
  /** Completed (or otherwise finished): no end record may ever come, so the trip is closed anyway. */
  bookingOver?: boolean;
}

export interface IgnitionInterval {
  onAt: Date;
  offAt: Date;
}

export interface DerivedTrip {
  startedAt: Date;
  endedAt: Date | null;
  /** Units of 100 m, as the box counts. */
  odometerStart: number;
  odometerEnd: number;
  socStart: number | null;
  socEnd: number | null;
  /** Null when no record of the trip arrived: then only the box's answers are known. */
  ignitionSeconds: number | null;
  /**
   * The ignition-on intervals behind `ignitionSeconds`, in order: reports clip them to the day,
   * so a drive across midnight counts on both days. Empty when no record arrived.
   */
  ignitions: IgnitionInterval[];
  /** State-of-charge drops × battery; null without a battery. */
  energyKwh: number | null;
  /** State-of-charge rises × battery (charging during the trip), kept apart from energy. */
  chargedKwh: number | null;
}

const knownSoc = (soc: number): number | null => (soc === SOC_UNKNOWN || soc > 100 ? null : soc);
const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * The trip of one booking on one box: from its first unlock to the first booking-ended record
 * after it. Records are put in (epoch, seq) order first, so whatever order they arrived in, the
 * same records give the same trip. Where the log lacks an end, the box's signed answer to the end
 * command closes the trip (its record may never come: a box that lost it, a gateway killed before
 * the upload); a booking that is over without either is closed at its last known reading. Where
 * the log lacks the unlock, the box's answer to the unlock starts the trip. Ignition time comes
 * only from records: null when there is none.
 */
export function deriveTrip(
  records: readonly TripRecord[],
  batteryKwh: number | null,
  evidence: TripEvidence = {},
): DerivedTrip | null {
  const ordered = [...records].sort((a, b) => a.epoch - b.epoch || a.seq - b.seq);
  const unlockIndex = ordered.findIndex((r) => r.event === LogEvent.UNLOCKED);
  const fromAnswer = evidence.unlocked ? { ...evidence.unlocked, event: LogEvent.UNLOCKED } : null;
  const startRecord = ordered[unlockIndex];
  const start = startRecord ?? fromAnswer;
  if (!start) return null;
  const rest = startRecord ? ordered.slice(unlockIndex) : ordered.filter((r) => r.at >= start.at);
  const endIndex = rest.findIndex((r) => r.event === LogEvent.BOOKING_ENDED);
  const logged = endIndex === -1 ? rest : rest.slice(0, endIndex + 1);
  const endAnswer =
    endIndex === -1 && evidence.ended && evidence.ended.at >= start.at ? evidence.ended : null;
  const span = [
    ...(startRecord ? [] : [start]),
    ...logged,
    ...(endAnswer ? [{ ...endAnswer, event: 0 }] : []),
  ];
  const last = span[span.length - 1] ?? start;
  const closed = endIndex !== -1 || endAnswer !== null || evidence.bookingOver === true;

  const ignitions: IgnitionInterval[] = [];
  let ignitionSince: Date | null = null;
  let drop = 0;
  let rise = 0;
  let previousSoc: number | null = null;
  for (const record of span) {
    if (record.event === LogEvent.IGNITION_ON && ignitionSince === null) ignitionSince = record.at;
    if (record.event === LogEvent.IGNITION_OFF && ignitionSince !== null) {
      ignitions.push({ onAt: ignitionSince, offAt: maxDate(record.at, ignitionSince) });
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
  if (ignitionSince !== null) ignitions.push({ onAt: ignitionSince, offAt: maxDate(last.at, ignitionSince) });
  const ignitionSeconds = ignitions.reduce((sum, i) => sum + seconds(i.onAt, i.offAt), 0);

  return {
    startedAt: start.at,
    endedAt: closed ? maxDate(last.at, start.at) : null,
    odometerStart: start.odometer,
    // A box swapped for one with a lower count must not make a negative trip.
    odometerEnd: Math.max(start.odometer, last.odometer),
    socStart: knownSoc(start.soc),
    socEnd: knownSoc(last.soc),
    ignitionSeconds: logged.length > 0 ? ignitionSeconds : null,
    ignitions,
    energyKwh: batteryKwh === null ? null : round2((drop / 100) * batteryKwh),
    chargedKwh: batteryKwh === null ? null : round2((rise / 100) * batteryKwh),
  };
}

const seconds = (from: Date, to: Date) => Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
const maxDate = (a: Date, b: Date) => (a > b ? a : b);
