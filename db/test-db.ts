import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, inject } from 'vitest';
import { type Database, type Db, openDatabase } from './client';

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

/**
 * A test file's database: opened before its tests, closed after them (`beforeClose` first, for
 * what holds a connection of its own, such as LISTEN). Call once at the top of the file.
 */
export function testDatabaseForFile(beforeClose?: (db: Db) => Promise<unknown>): Database {
  let opened: Database | undefined;
  beforeAll(async () => {
    opened = await openTestDatabase();
  });
  afterAll(async () => {
    if (!opened) return;
    await beforeClose?.(opened.db);
    await opened.close();
  });
  const current = (): Database => {
    if (!opened) throw new Error('The test database opens in beforeAll: use it inside a test or hook');
    return opened;
  };
  return {
    get db() {
      return current().db;
    },
    get engine() {
      return current().engine;
    },
    migrate: () => current().migrate(),
    close: () => current().close(),
  };
}
