/**
 * `npm run report` run as a process against the test database: PostgreSQL under DATABASE_URL, else
 * an embedded folder of its own (an in-memory test database cannot be shared with a child process).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '@/db/client';
import { handScenario } from './exports/test-scenario';

let folder: string | undefined;
let database: Database;
let s: Awaited<ReturnType<typeof handScenario>>;

beforeAll(async () => {
  const url = process.env.DATABASE_URL;
  if (!url) folder = await mkdtemp(path.join(tmpdir(), 'report-cli-'));
  database = await openDatabase(url ? { databaseUrl: url } : { dataDir: path.join(folder ?? '', 'pglite') });
  await database.migrate();
  s = await handScenario(database.db);
  // The embedded engine lets one process at a time at its folder.
  if (!url) await database.close();
}, 120_000);

afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
  else await database.close();
});

interface Run {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

function report(...args: string[]): Promise<Run> {
  const environment: NodeJS.ProcessEnv = { ...process.env, TIME_ZONE: 'Europe/Berlin' };
  if (folder) environment.DATA_DIR = folder;
  return new Promise((resolve) => {
    execFile(
      'npm',
      ['run', '--silent', 'report', '--', ...args],
      { env: environment, encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          stdout,
          stderr: stderr.toString(),
        }),
    );
  });
}

const march = ['--from', '2031-03-01', '--to', '2031-04-01'];

describe('npm run report', () => {
  it('prints the figures and the settlement of the hand scenario as JSON', async () => {
    const run = await report(...march, '--municipality', s.a.slug, '--format', 'json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout.toString());
    expect(json).toMatchObject({ from: '2031-03-01', to: '2031-04-01', municipality: s.a.slug });
    const carA = {
      heldHours: 6,
      availableHours: 743,
      km: 42,
      trips: 1,
      noShows: 1,
      cancellations: 1,
      costs: 314.2,
    };
    expect(json.vehicles).toEqual([expect.objectContaining({ id: s.carA.id, plate: s.carA.plate, ...carA })]);
    expect(json.vehicles[0].timeUtilisation).toBeCloseTo(6 / 743, 10);
    expect(json.vehicles[0].costPerKm).toBeCloseTo(314.2 / 42, 10);
    expect(json.vehicles[0].costPerHeldHour).toBeCloseTo(314.2 / 6, 10);
    expect(json.municipalities).toEqual([expect.objectContaining({ slug: s.a.slug, ...carA })]);
    expect(json.stations).toEqual([
      expect.objectContaining({ id: s.a.station.id, ...carA, unmetSearches: 0 }),
    ]);
    for (const key of ['ignitionHours', 'drivingUtilisation', 'energyKwh', 'co2SavedKg'])
      expect(json.region).toHaveProperty(key);
    const { lines, matrix, net } = json.settlement;
    expect(lines.map((l: { amount: number }) => l.amount).sort()).toEqual([10, 36, 7]);
    expect(lines.find((l: { bookingId: string }) => l.bookingId === s.bookings.b1)).toEqual({
      month: '2031-03',
      frozen: false,
      bookingId: s.bookings.b1,
      start: '2031-03-04T08:00:00.000Z',
      kind: 'charge',
      payer: s.b.slug,
      payerCostCentre: 'KST-B',
      payerAccount: '5421-B',
      payee: s.a.slug,
      payeeCostCentre: 'KST-A',
      payeeAccount: '4461-A',
      hours: 3,
      km: 42,
      amount: 36,
    });
    expect(matrix).toEqual(
      expect.arrayContaining([
        { month: '2031-03', payer: s.b.slug, payee: s.a.slug, hours: 5, km: 42, amount: 46 },
        { month: '2031-03', payer: s.a.slug, payee: s.b.slug, hours: 1, km: 10, amount: 7 },
      ]),
    );
    expect(matrix).toHaveLength(2);
    expect(net).toEqual([{ month: '2031-03', payer: s.b.slug, payee: s.a.slug, amount: 39 }]);
  }, 120_000);

  it('settles each month the period touches, and writes the same tables as CSV and XLSX', async () => {
    const json = JSON.parse(
      (
        await report(
          '--from',
          '2031-02-15',
          '--to',
          '2031-04-01',
          '--municipality',
          s.a.slug,
          '--format',
          'json',
        )
      ).stdout.toString(),
    );
    expect(json.settlement.net).toEqual([{ month: '2031-03', payer: s.b.slug, payee: s.a.slug, amount: 39 }]);

    const csv = (await report(...march, '--municipality', s.a.slug, '--format', 'csv')).stdout.toString();
    expect(csv).toContain('\r\n\r\nFahrzeuge\r\n');
    expect(csv).toContain(`${s.carA.plate};${s.carA.id};6,00;743,00;0,8;`);

    const xlsx = await report(...march, '--municipality', s.a.slug, '--format', 'xlsx');
    expect(xlsx.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(xlsx.stdout).buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Region',
      'Kommunen',
      'Stationen',
      'Nachfrage je Station',
      'Fahrzeuge',
      'Positionen',
      'Matrix',
      'Netto',
    ]);
    const net = workbook.getWorksheet('Netto')?.getRow(2).values as unknown[];
    expect(net.slice(1, 7)).toEqual(['2031-03', s.b.name, 'KST-B', s.a.name, 'KST-A', 39]);
  }, 180_000);

  it.each([
    ['a bad format', [...march, '--format', 'pdf']],
    ['an unknown option', [...march, '--format', 'json', '--bogus', 'x']],
    ['a period ending before it starts', ['--from', '2031-04-01', '--to', '2031-03-01', '--format', 'json']],
    ['an unknown municipality', [...march, '--municipality', 'nirgendwo', '--format', 'json']],
  ])(
    'answers %s with the usage and exit code 2, no stack trace',
    async (_, args) => {
      const run = await report(...args);
      expect(run.code).toBe(2);
      expect(run.stdout.length).toBe(0);
      expect(run.stderr).toContain('Aufruf / usage:');
      expect(run.stderr).not.toMatch(/\n\s+at /);
    },
    60_000,
  );
});
