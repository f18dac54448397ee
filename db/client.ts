import 'server-only';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema';

type Schema = typeof schema;
/** What every query and domain function takes first: either engine, or a transaction of it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  engine: 'postgres' | 'pglite';
  /** Applies the committed migrations; a no-op when they are all applied. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

export type DatabaseConfig =
  | { databaseUrl: string; poolSize?: number }
  /** On disk in `dataDir`; in memory without it, optionally starting from a dump. */
  | { dataDir?: string; loadDataDir?: Blob };

export interface EmbeddedDatabase extends Database {
  /** The whole data folder as a tarball, for tests to start from without migrating. */
  dump(): Promise<Blob>;
}

/** One factory for both engines: a PostgreSQL URL → pg pool, else embedded PGlite on disk. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if ('databaseUrl' in config) return openPostgres(config.databaseUrl, config.poolSize ?? 10);
  return openPglite(config);
}

function openPostgres(connectionString: string, max: number): Database {
  // Sessions run in UTC so that text forms of instants (ranges in errors, logs) read the same everywhere.
  const pool = new pg.Pool({ connectionString, max, options: '-c timezone=UTC' });
  const db: Db = drizzlePg(pool, { schema });
  return {
    db,
    engine: 'postgres',
    migrate: () => migratePg(drizzlePg(pool), { migrationsFolder }),
    close: () => pool.end(),
  };
}

export async function openPglite(config: {
  dataDir?: string;
  loadDataDir?: Blob;
}): Promise<EmbeddedDatabase> {
  if (config.dataDir) await mkdir(config.dataDir, { recursive: true });
  const client = await PGlite.create({ ...config, extensions: { btree_gist } });
  await client.exec(`SET timezone = 'UTC'`);
  const db: Db = drizzlePglite({ client, schema });
  return {
    db,
    engine: 'pglite',
    // drizzle-kit's own migrate opens PGlite without btree_gist and fails silently; this one does not.
    migrate: () => migratePglite(drizzlePglite({ client }), { migrationsFolder }),
    close: () => client.close(),
    dump: () => client.dumpDataDir('gzip'),
  };
}
