import type { Row } from './read';

/**
 * Cell readers: each returns the value, or undefined after recording the problem at its column.
 * `null` is an empty optional cell.
 */

export function text(row: Row, column: string): string | undefined {
  const value = row.cell(column);
  return value === '' ? row.fail(column, 'Der Wert fehlt.') : value;
}

export function optionalText(row: Row, column: string): string | null {
  const value = row.cell(column);
  return value === '' ? null : value;
}

export function oneOf<T extends string>(row: Row, column: string, values: readonly T[]): T | undefined {
  const value = row.cell(column);
  if ((values as readonly string[]).includes(value)) return value as T;
  return row.fail(column, `„${value}“ ist keiner der Werte ${values.join(', ')}.`);
}

const DECIMAL = /^-?\d+(?:[.,](\d+))?$/;

/** A decimal with `.` or `,` before at most `scale` places; never negative. */
export function decimal(row: Row, column: string, scale: number): number | undefined {
  const value = row.cell(column);
  if (value === '') return row.fail(column, 'Der Wert fehlt.');
  return readDecimal(row, column, value, scale);
}

export function optionalDecimal(row: Row, column: string, scale: number): number | null | undefined {
  const value = row.cell(column);
  return value === '' ? null : readDecimal(row, column, value, scale);
}

function readDecimal(row: Row, column: string, value: string, scale: number): number | undefined {
  const match = DECIMAL.exec(value);
  if (!match) return row.fail(column, `„${value}“ ist keine Zahl (z. B. 12,5 oder 12.5).`);
  if ((match[1]?.length ?? 0) > scale)
    return row.fail(column, `„${value}“ hat mehr als ${scale} Nachkommastellen.`);
  const number = Number(value.replace(',', '.'));
  if (number < 0) return row.fail(column, `„${value}“ ist negativ.`);
  return number;
}

export function integer(row: Row, column: string, min: number, max: number): number | undefined {
  const value = row.cell(column);
  if (value === '') return row.fail(column, 'Der Wert fehlt.');
  return readInteger(row, column, value, min, max);
}

export function optionalInteger(
  row: Row,
  column: string,
  min: number,
  max: number,
): number | null | undefined {
  const value = row.cell(column);
  return value === '' ? null : readInteger(row, column, value, min, max);
}

function readInteger(row: Row, column: string, value: string, min: number, max: number) {
  if (!/^-?\d+$/.test(value)) return row.fail(column, `„${value}“ ist keine ganze Zahl.`);
  const number = Number(value);
  if (number < min || number > max)
    return row.fail(column, `„${value}“ liegt nicht zwischen ${min} und ${max}.`);
  return number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(year: number, month: number, day: number) {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** A local calendar date, `YYYY-MM-DD`, as the same string. */
export function localDate(row: Row, column: string): string | undefined {
  const value = row.cell(column);
  if (value === '') return row.fail(column, 'Das Datum fehlt.');
  return readDate(row, column, value);
}

export function optionalLocalDate(row: Row, column: string): string | null | undefined {
  const value = row.cell(column);
  return value === '' ? null : readDate(row, column, value);
}

function readDate(row: Row, column: string, value: string) {
  const m = DATE.exec(value);
  if (!m || !isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])))
    return row.fail(column, `„${value}“ ist kein Datum der Form JJJJ-MM-TT.`);
  return value;
}

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * An instant in ISO 8601 with its offset (`2026-10-25T02:30+01:00` or `…Z`). A local time
 * without one is refused: on the night summer time ends, 02:30 happens twice.
 */
export function instant(row: Row, column: string): Date | undefined {
  const value = row.cell(column);
  if (value === '') return row.fail(column, 'Der Zeitpunkt fehlt.');
  return readInstant(row, column, value);
}

export function optionalInstant(row: Row, column: string): Date | null | undefined {
  const value = row.cell(column);
  return value === '' ? null : readInstant(row, column, value);
}

function readInstant(row: Row, column: string, value: string) {
  const m = INSTANT.exec(value);
  const valid =
    m &&
    isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])) &&
    Number(m[4]) < 24 &&
    Number(m[5]) < 60 &&
    Number(m[6] ?? 0) < 60;
  if (!valid)
    return row.fail(
      column,
      `„${value}“ ist kein Zeitpunkt der Form JJJJ-MM-TTThh:mm mit Zeitzonenangabe (z. B. 2026-03-05T08:00+01:00).`,
    );
  return new Date(value);
}
