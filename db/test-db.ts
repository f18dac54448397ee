import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { type Database, openDatabase } from './client';

/**
 * The database a test file works on: the run's PostgreSQL (DATABASE_URL, migrated by the global
 * setup; tests keep apart by making their own data) or a fresh embedded copy of the migrated dump.
 */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (url) return openDatabase({ databaseUrl: url, poolSize: 25 });
  const dump = inject('pgliteDump');
  if (!dump) throw new Error('The test database dump is missing: run the tests through vitest.config.ts');
  return openDatabase({ loadDataDir: new Blob([await readFile(dump)]) });
}
