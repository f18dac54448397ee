/**
 * The dashboard's period and drill-down as URL state, so a link shows the same report. A period
 * is `[from, to)` of local dates, as the server takes it; the picker shows the last day included.
 */

export type LocalDate = string;
export type Period = { from: LocalDate; to: LocalDate };
export type Drill = { municipality?: string; station?: string; vehicle?: string };
export type Preset = 'thisMonth' | 'lastMonth' | 'thisYear' | 'last12Months';
export const presets: readonly Preset[] = ['thisMonth', 'lastMonth', 'thisYear', 'last12Months'];

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A real calendar date `YYYY-MM-DD` (not 2026-02-30). */
export function isLocalDate(value: string | null | undefined): value is LocalDate {
  const match = value ? DATE.exec(value) : null;
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** `day` moved by whole days (calendar arithmetic, no time zone involved). */
export function addDays(day: LocalDate, days: number): LocalDate {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

function firstOfMonth(day: LocalDate, monthsLater = 0): LocalDate {
  const [y, m] = day.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1 + monthsLater, 1)).toISOString().slice(0, 10);
}

/** The preset's period around `today` (a local date in the region). */
export function presetPeriod(preset: Preset, today: LocalDate): Period {
  switch (preset) {
    case 'thisMonth':
      return { from: firstOfMonth(today), to: firstOfMonth(today, 1) };
    case 'lastMonth':
      return { from: firstOfMonth(today, -1), to: firstOfMonth(today) };
    case 'thisYear':
      return { from: `${today.slice(0, 4)}-01-01`, to: `${Number(today.slice(0, 4)) + 1}-01-01` };
    // Twelve whole months before this one: months of equal weight, none still running.
    case 'last12Months':
      return { from: firstOfMonth(today, -12), to: firstOfMonth(today) };
  }
}

/** Which preset a period is, if any, so its button can show as chosen. */
export function presetOf(period: Period, today: LocalDate): Preset | undefined {
  return presets.find((p) => {
    const candidate = presetPeriod(p, today);
    return candidate.from === period.from && candidate.to === period.to;
  });
}

/** The period and drill-down in a query string; a missing or broken period is this month. */
export function readState(params: URLSearchParams, today: LocalDate): { period: Period; drill: Drill } {
  const from = params.get('from');
  const to = params.get('to');
  const period =
    isLocalDate(from) && isLocalDate(to) && to > from ? { from, to } : presetPeriod('thisMonth', today);
  const id = (name: string) => {
    const value = params.get(name);
    return value && UUID.test(value) ? value : undefined;
  };
  // A deeper level only under the one above it: a vehicle without its station is no drill-down.
  const municipality = id('municipality');
  const station = municipality ? id('station') : undefined;
  const vehicle = station ? id('vehicle') : undefined;
  return { period, drill: { municipality, station, vehicle } };
}

/** The dashboard's address for this period and drill-down. */
export function dashboardHref(period: Period, drill: Drill = {}): string {
  const params = new URLSearchParams({ from: period.from, to: period.to });
  if (drill.municipality) params.set('municipality', drill.municipality);
  if (drill.municipality && drill.station) params.set('station', drill.station);
  if (drill.municipality && drill.station && drill.vehicle) params.set('vehicle', drill.vehicle);
  return `/fuhrpark/berichte?${params}`;
}

/** The server export of figures (contract of the exports helper): CSV or XLSX, same access rules. */
export function figuresExportHref(
  period: Period,
  groupBy: string,
  municipalityId?: string,
  format: 'csv' | 'xlsx' = 'csv',
): string {
  const params = new URLSearchParams({ from: period.from, to: period.to, groupBy });
  if (municipalityId) params.set('municipalityId', municipalityId);
  return `/api/berichte/kennzahlen.${format}?${params}`;
}
