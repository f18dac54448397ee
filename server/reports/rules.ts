/** A local calendar date, `YYYY-MM-DD`. */
export type LocalDate = string;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(day: LocalDate): [number, number, number] {
  const match = DATE.exec(day);
  if (!match) throw new RangeError(`not a date: ${day}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** The offset of `zone` from UTC at `instant`, in ms (Europe/Berlin: +1 h in winter, +2 h in summer). */
function offsetAt(instant: number, zone: string): number {
  const fields = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(fields.find((f) => f.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** Local midnight of `day` in `zone` as an instant (midnight exists on every Berlin DST day: changes are at 2–3 h). */
export function startOfLocalDay(day: LocalDate, zone: string): Date {
  const [y, m, d] = parts(day);
  const wall = Date.UTC(y, m - 1, d);
  // Two passes: the offset at the guess can differ from the one at the answer near a change.
  const first = wall - offsetAt(wall, zone);
  return new Date(wall - offsetAt(first, zone));
}

/** The instants of a report period `[from, to)` given as local dates; `to` is the first day not included. */
export function periodBounds(from: LocalDate, to: LocalDate, zone: string): { start: Date; end: Date } {
  const start = startOfLocalDay(from, zone);
  const end = startOfLocalDay(to, zone);
  if (end <= start) throw new RangeError('a period ends after it starts');
  return { start, end };
}

export const elapsedHours = (range: { start: Date; end: Date }) =>
  (range.end.getTime() - range.start.getTime()) / 3_600_000;

/** The first day of the month of `day`, and of the month after it. */
export function monthOf(day: LocalDate): { first: LocalDate; next: LocalDate } {
  const [y, m] = parts(day);
  const pad = (n: number) => String(n).padStart(2, '0');
  const nextY = m === 12 ? y + 1 : y;
  const nextM = m === 12 ? 1 : m + 1;
  return { first: `${y}-${pad(m)}-01`, next: `${nextY}-${pad(nextM)}-01` };
}

/** Days in the month of `day`: the denominator of prorated monthly costs. */
export function daysInMonth(day: LocalDate): number {
  const [y, m] = parts(day);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * Monthly fixed costs of one month, prorated by the days in service: each day costs the monthly
 * sum valid that day ÷ the month's days. `rates` are sorted by `validFrom`.
 */
export function proratedFixedCost(
  monthDays: readonly { day: LocalDate; inService: boolean }[],
  rates: readonly { validFrom: LocalDate; monthly: number }[],
): number {
  let total = 0;
  for (const { day, inService } of monthDays) {
    if (!inService) continue;
    const rate = rates.filter((r) => r.validFrom <= day).at(-1);
    if (rate) total += rate.monthly / daysInMonth(day);
  }
  return total;
}

/** The part of `range` inside `period` (half-open), or null when they do not meet. */
export function clip(range: { start: Date; end: Date }, period: { start: Date; end: Date }) {
  const start = new Date(Math.max(+range.start, +period.start));
  const end = new Date(Math.min(+range.end, +period.end));
  return start < end ? { start, end } : null;
}

/** The settlement amount of one booking: whole held hours × hourly rate + km × km rate; a no-show pays hours only. */
export function settlementAmount(
  line: { hours: number; km: number; noShow: boolean },
  tariff: { perHour: number; perKm: number },
): number {
  const amount = line.hours * tariff.perHour + (line.noShow ? 0 : line.km * tariff.perKm);
  return Math.round(amount * 100) / 100;
}

/** Which rule each figure follows, for the page to show beside it. */
export const figureRules = {
  heldHours: 'Gebuchte Zeit im Zeitraum (abgeschnitten), alle Buchungen außer stornierten, ohne Pufferzeit.',
  availableHours:
    'Betriebsstunden im Zeitraum zwischen Inbetriebnahme und Ausmusterung, abzüglich Sperrzeiten.',
  timeUtilisation: 'Gebuchte Stunden ÷ verfügbare Stunden.',
  drivingUtilisation: 'Stunden mit Zündung an (aus den Boxdaten, abgeschnitten) ÷ verfügbare Stunden.',
  km: 'Kilometerstand Ende − Anfang; die Fahrt zählt im Zeitraum ihres Beginns.',
  energy: 'Ladestandsabnahme × Akkukapazität; Laden während der Fahrt getrennt.',
  counts: 'Fahrten, No-Shows und Stornierungen nach Buchungsbeginn.',
  noShowRate: 'No-Shows ÷ nicht stornierte Buchungen mit Beginn im Zeitraum.',
  cancellationRate: 'Stornierungen ÷ alle Buchungen mit Beginn im Zeitraum.',
  costs:
    'Monatliche Fixkosten anteilig nach Tagen in Betrieb (Satz des jeweiligen Tages) + km × Kosten/km + kWh × Kosten/kWh (Satz bei Fahrtbeginn).',
  costPerKm: 'Kosten ÷ km.',
  costPerHeldHour: 'Kosten ÷ gebuchte Stunden.',
  co2Saved: 'Elektrische km × (Referenz-g/km Verbrenner − g/km Strommix), Faktoren gültig bei Fahrtbeginn.',
  unmetDemand: 'Suchen ohne freies Fahrzeug, je Station und Stunde, ohne Personenbezug.',
} as const;
