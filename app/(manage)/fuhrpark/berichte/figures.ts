import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/root';
import type { Messages } from '../../../messages/de';
import { formatNumber, type ReportColumn } from './table-data';

type Outputs = inferRouterOutputs<AppRouter>['reports'];
export type Figures = Outputs['figures'];
export type FigureRow = Figures['rows'][number];
export type FigureRules = Figures['rules'];
export type StationFigure = Figures['stations'][number];
export type HeatmapCell = Outputs['heatmap']['cells'][number];

/** A missing figure, the same sign in every language (reportTable.none). */
const none = '–';
type Texts = Messages['dashboard'];
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export const percent = (v: unknown) => (isNumber(v) ? `${formatNumber(v * 100, 1)} %` : none);
export const oneDecimal = (v: unknown) => (isNumber(v) ? formatNumber(v, 1) : none);
export const euro = (v: unknown) =>
  isNumber(v)
    ? new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v)
    : none;
export const whole = (v: unknown) => (isNumber(v) ? formatNumber(v, 0) : none);

type FigureKey = Exclude<keyof FigureRow, 'key'>;

/** Each figure: its column label, its format and the rule (figureRules key) it follows. */
export const figureSpecs: { key: FigureKey; format: (v: unknown) => string; rule: keyof FigureRules }[] = [
  { key: 'heldHours', format: oneDecimal, rule: 'heldHours' },
  { key: 'availableHours', format: oneDecimal, rule: 'availableHours' },
  { key: 'timeUtilisation', format: percent, rule: 'timeUtilisation' },
  { key: 'ignitionHours', format: oneDecimal, rule: 'drivingUtilisation' },
  { key: 'drivingUtilisation', format: percent, rule: 'drivingUtilisation' },
  { key: 'km', format: oneDecimal, rule: 'km' },
  { key: 'energyKwh', format: oneDecimal, rule: 'energy' },
  { key: 'trips', format: whole, rule: 'counts' },
  { key: 'noShows', format: whole, rule: 'counts' },
  { key: 'noShowRate', format: percent, rule: 'noShowRate' },
  { key: 'cancellations', format: whole, rule: 'counts' },
  { key: 'cancellationRate', format: percent, rule: 'cancellationRate' },
  { key: 'costs', format: euro, rule: 'costs' },
  { key: 'costPerKm', format: euro, rule: 'costPerKm' },
  { key: 'costPerHeldHour', format: euro, rule: 'costPerHeldHour' },
  { key: 'co2SavedKg', format: oneDecimal, rule: 'co2Saved' },
];

const labelOf = (t: Texts, key: FigureKey): string => (t.columns as Record<string, string>)[key] ?? key;

/** The columns of a figures table: the name of what a row is, then every figure. */
export function figureColumns(t: Texts, nameLabel: string): ReportColumn[] {
  return [
    { key: 'name', label: nameLabel },
    ...figureSpecs.map((spec) => ({
      key: spec.key,
      label: labelOf(t, spec.key),
      numeric: true,
      format: spec.format,
    })),
  ];
}

/** One row's figures as "figure | value | rule" rows, so each number stands beside how it is made. */
export function figureList(t: Texts, row: FigureRow | undefined, rules: FigureRules) {
  return figureSpecs.map((spec) => ({
    figure: labelOf(t, spec.key),
    value: row ? spec.format(row[spec.key]) : none,
    rule: rules[spec.rule],
  }));
}

export const figureListColumns = (t: Texts): ReportColumn[] => [
  { key: 'figure', label: t.columns.figure },
  { key: 'value', label: t.columns.value, numeric: true },
  { key: 'rule', label: t.columns.rule },
];

/** "Nov. 2026" from the month key "2026-11-01". */
export function monthLabel(key: string): string {
  const [y, m] = key.split('-').map(Number);
  if (!y || !m) return key;
  return new Intl.DateTimeFormat('de-DE', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}
