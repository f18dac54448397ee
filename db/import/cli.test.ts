import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseForFile } from '@/db/test-db';
import { makeMunicipality } from '@/server/test-support';
import { copyOfExample, exampleFolder } from './test-folder';

const database = testDatabaseForFile();
const scratch: string[] = [];
afterAll(() => Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true }))));

/**
 * `npm run import` as a process. With DATABASE_URL it imports into the test's PostgreSQL (a copy
 * of the example with names of its own); without, into a fresh embedded database in its own
 * DATA_DIR, which the app seeds with the demo region the example folder is written against.
 */
async function target(): Promise<{ folder: string; env: Record<string, string> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const { folder } = await copyOfExample(
      await makeMunicipality(database.db),
      await makeMunicipality(database.db),
    );
    scratch.push(folder);
    return { folder, env: { DATABASE_URL: url } };
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'import-cli-'));
  scratch.push(dataDir);
  return { folder: exampleFolder, env: { DATA_DIR: dataDir } };
}

function run(args: string[], env: Record<string, string>) {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      path.join('node_modules', '.bin', 'tsx'),
      ['--conditions=react-server', 'db/import/cli.ts', ...args],
      { env: { ...inherited, ...env }, cwd: process.cwd() },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run import', () => {
  let place: Awaited<ReturnType<typeof target>>;
  beforeAll(async () => {
    place = await target();
  });

  it('imports a folder (exit 0), finds nothing to change the second time, and says so', {
    timeout: 240_000,
  }, async () => {
    const { folder, env } = place;
    const first = await run([folder], env);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toContain('bookings.csv: 7 neu, 0 unverändert');
    expect(first.stdout).toContain('31 Zeilen importiert.');
    const second = await run([folder], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('bookings.csv: 0 neu, 7 unverändert');
    expect(second.stdout).toContain('Nichts geändert: alles war schon importiert.');
  });

  it('prints every problem with file and line and exits 1; exits 2 on wrong usage', {
    timeout: 240_000,
  }, async () => {
    const { env } = place;
    const bad = await mkdtemp(path.join(tmpdir(), 'import-bad-'));
    scratch.push(bad);
    await writeFile(
      path.join(bad, 'bookings.csv'),
      'key;plate;email;starts_at;ends_at;status\nX-1;L-XX 1;niemand@test.example;2026-03-01T10:00;2026-03-01T11:00+01:00;completed\n',
    );
    const refused = await run([bad], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr.split('\n').filter((l) => l.startsWith('bookings.csv'))).toEqual([
      expect.stringMatching(
        /^bookings\.csv, Zeile 2, Spalte starts_at: „2026-03-01T10:00“ ist kein Zeitpunkt/,
      ),
    ]);
    expect(refused.stderr).toContain('1 Fehler: nichts wurde importiert.');
    expect((await run([], env)).code).toBe(2);
    expect((await run([path.join(bad, 'bookings.csv')], env)).code).toBe(2);
  });
});
