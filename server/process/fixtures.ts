/** A prepared database for one process test on either engine, and the server settings to reach it. */
import path from 'node:path';
import { type Database, openDatabase, openPglite } from '@/db/client';
import { scratchDatabase, scratchDataDir, sharedSecrets } from './harness';
import { prepareRegion, regionCars } from './load';

export type Engine = 'postgres' | 'pglite';

export interface PreparedDatabase {
  engine: Engine;
  /** What the server needs in its environment to open this database. */
  serverEnv: Record<string, string>;
  password: string;
  cars: string[];
  /** Opens the database from the test (for PGlite only while no server holds it). */
  open(): Promise<Database>;
  remove(): Promise<void>;
}

/** A fresh database with the demo region (migrated and seeded from the test, not by the server). */
export async function preparedDatabase(engine: Engine): Promise<PreparedDatabase> {
  let serverEnv: Record<string, string>;
  let open: () => Promise<Database>;
  let remove: () => Promise<void>;
  if (engine === 'postgres') {
    const scratch = await scratchDatabase();
    serverEnv = { DATABASE_URL: scratch.url, ...sharedSecrets() };
    open = () => openDatabase({ databaseUrl: scratch.url, poolSize: 4 });
    remove = scratch.drop;
  } else {
    const scratch = await scratchDataDir();
    serverEnv = { DATA_DIR: scratch.dir };
    open = () => openPglite({ dataDir: path.join(scratch.dir, 'pglite') });
    remove = scratch.remove;
  }
  const database = await open();
  try {
    await database.migrate();
    const { password } = await prepareRegion(database.db);
    const cars = await regionCars(database.db);
    return { engine, serverEnv, password, cars, open, remove };
  } finally {
    await database.close();
  }
}
