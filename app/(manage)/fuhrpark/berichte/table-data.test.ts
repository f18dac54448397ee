import { describe, expect, it } from 'vitest';
import { fileNameOf, sortRows, toCsv } from './table-data';

const columns = [
  { key: 'name', label: 'Station' },
  { key: 'km', label: 'km', numeric: true },
];

describe('toCsv', () => {
  it('writes a BOM, semicolons, decimal commas and CRLF line ends', () => {
    const csv = toCsv(columns, [
      { name: 'Rathaus', km: 1234.5 },
      { name: 'Bahnhof; Nord', km: 0.25 },
    ]);
    expect(csv).toBe('\uFEFFStation;km\r\nRathaus;1234,5\r\n"Bahnhof; Nord";0,25\r\n');
  });

  it('quotes quotes, leaves empty cells empty and defuses formulas', () => {
    const csv = toCsv(columns, [
      { name: 'Der "Neue"', km: null },
      { name: '=HYPERLINK("x")', km: -3 },
    ]);
    expect(csv.split('\r\n').slice(1, 3)).toEqual(['"Der ""Neue""";', `"'=HYPERLINK(""x"")";-3`]);
  });

  it('writes text through the column format but numbers raw', () => {
    const formatted = [
      { key: 'month', label: 'Monat', format: (v: unknown) => `M ${String(v)}` },
      { key: 'rate', label: 'Quote', numeric: true, format: (v: unknown) => `${String(v)} %` },
    ];
    expect(toCsv(formatted, [{ month: '2026-11', rate: 0.125 }])).toBe(
      '\uFEFFMonat;Quote\r\nM 2026-11;0,125\r\n',
    );
  });
});

describe('sortRows', () => {
  const rows = [
    { name: 'Zwenkau', km: 10 },
    { name: 'Ämterhaus', km: null },
    { name: 'Borna', km: 2 },
    { name: 'Colditz', km: 100 },
  ];

  it('orders numbers numerically and keeps empty cells last in both directions', () => {
    expect(sortRows(rows, 'km', 'ascending').map((r) => r.km)).toEqual([2, 10, 100, null]);
    expect(sortRows(rows, 'km', 'descending').map((r) => r.km)).toEqual([100, 10, 2, null]);
  });

  it('orders text in German collation (Ä beside A)', () => {
    expect(sortRows(rows, 'name', 'ascending').map((r) => r.name)).toEqual([
      'Ämterhaus',
      'Borna',
      'Colditz',
      'Zwenkau',
    ]);
  });
});

describe('fileNameOf', () => {
  it('makes a portable file name from a German caption', () => {
    expect(fileNameOf('Auslastung Größe März 2026', 'csv')).toBe('Auslastung-Grosse-Marz-2026.csv');
  });
});
