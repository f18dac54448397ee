import 'server-only';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { type Database, type DatabaseConfig, openDatabase } from '@/db/client';
import { readRegion } from '@/db/region';
import { municipalities } from '@/db/schema';
import { seedRegion } from '@/db/seed';
import { type Env, env } from './env';
import { ensureRollupZone } from './reports/rollups';
import { processSingleton } from './singleton';

/** `DATABASE_URL` set → PostgreSQL; unset → embedded PGlite in the data folder. */
export const databaseConfig = (config: Env): DatabaseConfig =>
  config.DATABASE_URL
    ? { databaseUrl: config.DATABASE_URL }
    : { dataDir: path.join(config.DATA_DIR, 'pglite') };

/**
 * Opens the configured database and brings it up to date. An embedded database that is still
 * empty gets the demo region, so a first `npm start` has something to book.
 */
export async function openConfiguredDatabase(config: Env = env()): Promise<Database> {
  const database = await openDatabase(databaseConfig(config));
  await database.migrate();
  // Before anything is written: the reports' roll-ups are cut by the configured zone's days.
  await ensureRollupZone(database.db, config.TIME_ZONE);
  if (database.engine === 'pglite') {
    const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(municipalities);
    if (row?.n === 0) {
      const region = await readRegion(config.REGION_FILE);
      await seedRegion(database.db, region, { now: new Date(), timeZone: config.TIME_ZONE });
    }
  }
  return database;
}

// One database a process, opened at boot (instrumentation.ts) and kept across hot reloads.
export const database = (): Promise<Database> => processSingleton('database', () => openConfiguredDatabase());
