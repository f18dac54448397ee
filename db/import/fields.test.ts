import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decimal, instant, localDate, optionalDecimal } from './fields';
import { type ImportProblem, Row, readCsv } from './read';

function cell(value: string) {
  const problems: ImportProblem[] = [];
  return { row: new Row('trips.csv', 7, new Map([['x', value]]), problems), problems };
}

describe('cell readers', () => {
  it('reads an instant only with its offset: the hour summer time ends happens twice', () => {
    expect(instant(cell('2026-10-25T02:30+01:00').row, 'x')).toEqual(new Date('2026-10-25T01:30:00Z'));
    expect(instant(cell('2026-10-25T02:30+02:00').row, 'x')).toEqual(new Date('2026-10-25T00:30:00Z'));
    expect(instant(cell('2026-10-25T01:30:00Z').row, 'x')).toEqual(new Date('2026-10-25T01:30:00Z'));
    const local = cell('2026-10-25T02:30');
    expect(instant(local.row, 'x')).toBeUndefined();
    expect(local.problems).toEqual([
      { file: 'trips.csv', line: 7, column: 'x', message: expect.stringContaining('mit Zeitzonenangabe') },
    ]);
  });

  it('refuses days that do not exist, which Date would roll over into the next month', () => {
    for (const value of ['2026-02-30T10:00+01:00', '2026-03-05T24:00+01:00']) {
      const { row, problems } = cell(value);
      expect(instant(row, 'x')).toBeUndefined();
      expect(problems).toHaveLength(1);
    }
    expect(localDate(cell('2026-02-29').row, 'x')).toBeUndefined();
    expect(localDate(cell('2028-02-29').row, 'x')).toBe('2028-02-29');
  });

  it('reads decimals with comma or point, within their places, never negative', () => {
    expect(decimal(cell('12,5').row, 'x', 1)).toBe(12.5);
    expect(decimal(cell('0.3000').row, 'x', 4)).toBe(0.3);
    expect(optionalDecimal(cell('').row, 'x', 2)).toBeNull();
    for (const [value, message] of [
      ['1,25', 'mehr als 1 Nachkommastellen'],
      ['-3', 'negativ'],
      ['1.000,5', 'keine Zahl'],
      ['', 'fehlt'],
    ] as const) {
      const { row, problems } = cell(value);
      expect(decimal(row, 'x', 1)).toBeUndefined();
      expect(problems[0]?.message).toContain(message);
    }
  });
});

describe('reading a file', () => {
  it('names a row by the line it starts on, checks the header and counts the cells', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'import-read-'));
    await writeFile(
      path.join(folder, 'blocks.csv'),
      '\uFEFFkey;plate;starts_at;ends_at;kind;reason;note\n\nS-1;A;x;y;damage;"Delle\nhinten links";n\nS-2;B\n',
    );
    const problems: ImportProblem[] = [];
    const read = await readCsv(folder, 'blocks.csv', problems);
    expect(read.rows.map((r) => [r.line, r.cell('reason')])).toEqual([
      [3, 'Delle\nhinten links'],
      [5, ''],
    ]);
    expect(problems).toEqual([
      { file: 'blocks.csv', line: 1, column: 'note', message: 'Diese Spalte ist unbekannt.' },
      { file: 'blocks.csv', line: 5, message: 'Die Zeile hat 2 Zellen, die Kopfzeile 7.' },
    ]);
    await rm(folder, { recursive: true });
  });
});
