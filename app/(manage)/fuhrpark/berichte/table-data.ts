/** Pure parts of the report table: ordering rows and writing them as CSV for German Excel. */

export type ReportColumn = {
  key: string;
  label: string;
  numeric?: boolean;
  format?: (value: unknown) => string;
};
export type ReportRow = Record<string, unknown>;
export type SortDirection = 'ascending' | 'descending';

/** Numbers as numbers, text in German collation; empty cells (null, undefined, NaN) always last. */
export function sortRows(rows: ReportRow[], key: string, direction: SortDirection): ReportRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const collator = new Intl.Collator('de', { numeric: true, sensitivity: 'base' });
  const empty = (v: unknown) => v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));
  return [...rows].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    if (empty(x) || empty(y)) return empty(x) === empty(y) ? 0 : empty(x) ? 1 : -1;
    if (typeof x === 'number' && typeof y === 'number') return sign * (x - y);
    return sign * collator.compare(String(x), String(y));
  });
}

/** A number in German notation with at most `digits` decimals: 1234.5 → "1.234,5". */
export function formatNumber(value: number, digits = 2): string {
  return new Intl.NumberFormat('de-DE', { maximumFractionDigits: digits }).format(value);
}

/** What a cell shows: the column's format, else numbers in German notation and "–" for nothing. */
export function cellText(column: ReportColumn, value: unknown, none: string): string {
  if (column.format) return column.format(value);
  if (value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value)))
    return none;
  if (typeof value === 'number') return formatNumber(value);
  return String(value);
}

/**
 * A CSV German Excel opens correctly: UTF-8 with BOM, ";" between fields, decimal comma and no
 * thousands separator in numbers (so Excel reads them as numbers, not as formatted text). Text that
 * Excel would run as a formula (= + - @ at the start) is prefixed with an apostrophe.
 */
export function toCsv(columns: ReportColumn[], rows: ReportRow[]): string {
  const field = (value: unknown): string => {
    if (value === null || value === undefined) return '';
    if (typeof value === 'number') return Number.isFinite(value) ? String(value).replace('.', ',') : '';
    if (value instanceof Date) return value.toISOString();
    let text = String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [
    columns.map((c) => field(c.label)).join(';'),
    ...rows.map((row) => columns.map((c) => field(csvValue(c, row[c.key]))).join(';')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Numbers go out raw; other values through the column's format, so codes and names read as shown. */
function csvValue(column: ReportColumn, value: unknown): unknown {
  if (typeof value === 'number' || value === null || value === undefined) return value;
  return column.format ? column.format(value) : value;
}

/** "kennzahlen-2026-11" from a caption-like name, safe as a file name on every system. */
export function fileNameOf(exportName: string, extension: string): string {
  const base = exportName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${base || 'export'}.${extension}`;
}
