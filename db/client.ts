import 'server-only';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { type PgDatabase, type PgQueryResultHKT, pgSchema, text } from 'drizzle-orm/pg-core';
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
  /**
   * Applies the committed migrations; a no-op when they are all applied. On PostgreSQL several
   * instances may start at once: one migrates, the others wait for it and then find nothing to do.
   */
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

/** The session-level advisory lock every instance takes before migrating (one key for the app). */
const MIGRATION_LOCK = sql`hashtextextended('parthelandmobil: migrations', 0)`;

function openPostgres(connectionString: string, max: number): Database {
  // Sessions run in UTC so that text forms of instants (ranges in errors, logs) read the same everywhere.
  // JIT off: the planner's estimates for the report statements' set-returning functions made it
  // compile them for seconds each call (figures: ~6 s with JIT, 30–100 ms without, on a near-empty
  // database); the app's statements are short and gain nothing from it.
  const pool = new pg.Pool({ connectionString, max, options: '-c timezone=UTC -c jit=off' });
  // The server may end a connection the pool holds idle or is closing (a restart, a terminated
  // backend): the pool drops it and opens another when needed. Without a listener that error
  // would end the whole process.
  pool.on('error', (error) => console.warn(`PostgreSQL ended a pooled connection: ${error.message}`));
  const db: Db = drizzlePg(pool, { schema });
  return {
    db,
    engine: 'postgres',
    migrate: () => migrateUnderLock(pool),
    close: () => pool.end(),
  };
}

/**
 * Two instances migrating an empty database at once both create drizzle's journal table and the
 * schema's types, and one fails on a unique index of the catalogue. So the migration runs on one
 * connection holding an advisory lock: the others wait on it, then read the journal and skip.
 */
async function migrateUnderLock(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  const session = drizzlePg(client);
  try {
    await session.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
    try {
      await migratePg(session, { migrationsFolder });
    } finally {
      await session.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
    }
  } finally {
    client.release();
  }
}

/** drizzle's own journal of applied migrations (its migrators write it). */
const migrationJournal = pgSchema('drizzle').table('__drizzle_migrations', { hash: text('hash').notNull() });

export interface MigrationState {
  applied: number;
  bundled: number;
  /** Every bundled migration is applied, and nothing else is (an older app on a newer schema is not current either). */
  current: boolean;
}

/** The applied migrations (drizzle's journal in the database) against the ones this build carries. */
export async function migrationState(db: Db): Promise<MigrationState> {
  const bundled = readMigrationFiles({ migrationsFolder }).map((migration) => migration.hash);
  const [journal] = await db
    .select({ present: sql<boolean>`to_regclass('drizzle.__drizzle_migrations') is not null` })
    .from(sql`(values (1)) as one (x)`);
  const applied = journal?.present
    ? (await db.select({ hash: migrationJournal.hash }).from(migrationJournal)).map((row) => row.hash)
    : [];
  const appliedSet = new Set(applied);
  const current = applied.length === bundled.length && bundled.every((hash) => appliedSet.has(hash));
  return { applied: applied.length, bundled: bundled.length, current };
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
