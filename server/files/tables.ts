import ExcelJS from 'exceljs';

/** How a column's numbers read: the XLSX number format and the CSV's decimals follow from it. */
export type ColumnKind = 'text' | 'integer' | 'decimal' | 'money' | 'percent' | 'datetime';
export type Cell = string | number | Date | null;

export interface Column {
  header: string;
  kind: ColumnKind;
}

/** One table of an export: a CSV section, an XLSX sheet. Datetimes are local wall-clock times. */
export interface Table {
  name: string;
  columns: readonly Column[];
  rows: readonly (readonly Cell[])[];
}

const excelFormat: Record<ColumnKind, string | undefined> = {
  text: undefined,
  integer: '#,##0',
  decimal: '#,##0.00',
  money: '#,##0.00 "€"',
  percent: '0.0%',
  datetime: 'dd.mm.yyyy hh:mm',
};

const decimals: Record<Exclude<ColumnKind, 'text' | 'datetime'>, number> = {
  integer: 0,
  decimal: 2,
  money: 2,
  percent: 1,
};

const pad = (n: number) => String(n).padStart(2, '0');

/** A wall-clock time as `YYYY-MM-DD HH:MM` (the Date's UTC fields hold the local time). */
const wallClockText = (d: Date) =>
  `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;

/**
 * The instant's local time in `zone` as a Date whose UTC fields are that wall-clock time: the form
 * Excel wants (its dates have no zone) and the CSV prints.
 */
export function wallClock(instant: Date, zone: string): Date {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return new Date(Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')));
}

function csvCell(value: Cell, kind: ColumnKind): string {
  if (value === null) return '';
  if (value instanceof Date) return wallClockText(value);
  if (typeof value === 'number') {
    if (kind === 'text' || kind === 'datetime') return String(value);
    const shown = kind === 'percent' ? value * 100 : value;
    // German Excel reads a decimal comma; no thousands separator, so the number stays one number.
    return shown.toFixed(decimals[kind]).replace('.', ',');
  }
  return /[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * CSV for German spreadsheets: UTF-8 with BOM, `;` between fields, decimal comma, CRLF. Several
 * tables follow each other, each under a line with its name and separated by an empty line.
 */
export function toCsv(tables: readonly Table[]): string {
  const sections = tables.map((table) => {
    const lines = [table.columns.map((c) => csvCell(c.header, 'text')).join(';')];
    for (const row of table.rows)
      lines.push(row.map((value, i) => csvCell(value, table.columns[i]?.kind ?? 'text')).join(';'));
    return tables.length > 1 ? [csvCell(table.name, 'text'), ...lines] : lines;
  });
  return `\uFEFF${sections.map((lines) => lines.join('\r\n')).join('\r\n\r\n')}\r\n`;
}

/** An XLSX workbook with one sheet per table: bold frozen header, numbers as numbers with formats. */
export async function toXlsx(tables: readonly Table[], creator: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = creator;
  for (const table of tables) {
    // Sheet names: at most 31 characters, none of []:*?/\.
    const sheet = workbook.addWorksheet(table.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = table.columns.map((column) => ({
      header: column.header,
      width: Math.max(12, Math.min(40, column.header.length + 2)),
      style: { numFmt: excelFormat[column.kind] },
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) sheet.addRow([...row]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
