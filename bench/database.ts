import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { type Db, migrationsFolder } from '@/db/client';
import * as schema from '@/db/schema';

/** One raw statement through the driver itself, no ORM: the baseline the domain is measured against. */
export type Raw = (text: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

export interface BenchDatabase {
  engine: 'pglite' | 'postgres';
  /** What the reader needs to place the figures: engine, server version, where. */
  description: string;
  db: Db;
  raw: Raw;
  /** Runs `work` in one transaction on one connection, as the domain's writes do. */
  rawTransaction<T>(work: (raw: Raw) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database: embedded PGlite in memory, or — with DATABASE_URL — a scratch
 * database made on that server for this run and dropped after it, so the figures never depend on
 * what tests left behind. The domain (drizzle) and the raw baseline share the same connections.
 */
export async function openBenchDatabase(
  poolSize: number,
  options: { pgliteDir?: string | undefined } = {},
): Promise<BenchDatabase> {
  const url = process.env.DATABASE_URL;
  return url ? openPostgres(url, poolSize) : openPglite(options.pgliteDir);
}

/** In memory, or in `dataDir` on disk for a history bigger than the WebAssembly heap holds. */
async function openPglite(dataDir?: string): Promise<BenchDatabase> {
  const client = await PGlite.create({ ...(dataDir ? { dataDir } : {}), extensions: { btree_gist } });
  await client.exec(`SET timezone = 'UTC'`);
  await migratePglite(drizzlePglite({ client }), { migrationsFolder });
  const version = await client.query<{ v: string }>('select version() as v');
  const raw: Raw = (text, params) => client.query(text, params);
  return {
    engine: 'pglite',
    description: `PGlite (embedded, ${dataDir ? `on disk in ${dataDir}` : 'in memory'}) — ${version.rows[0]?.v ?? '?'}`,
    db: drizzlePglite({ client, schema }),
    raw,
    rawTransaction: (work) => client.transaction((tx) => work((text, params) => tx.query(text, params))),
    close: () => client.close(),
  };
}

async function openPostgres(url: string, poolSize: number): Promise<BenchDatabase> {
  const name = `pm_bench_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  const pool = new pg.Pool({
    connectionString: scratch.toString(),
    max: poolSize,
    options: '-c timezone=UTC',
  });
  await migratePg(drizzlePg(pool), { migrationsFolder });
  const version = await pool.query<{ v: string }>('select version() as v');
  const raw: Raw = (text, params) => pool.query(text, params);
  return {
    engine: 'postgres',
    description: `PostgreSQL at ${scratch.host}, scratch database ${name} (dropped afterwards), pool of ${poolSize} — ${version.rows[0]?.v ?? '?'}`,
    db: drizzlePg(pool, { schema }),
    raw,
    async rawTransaction(work) {
      const connection = await pool.connect();
      try {
        await connection.query('begin');
        const result = await work((text, params) => connection.query(text, params));
        await connection.query('commit');
        return result;
      } catch (error) {
        await connection.query('rollback');
        throw error;
      } finally {
        connection.release();
      }
    },
    async close() {
      await pool.end();
      await admin.query(`drop database if exists ${name}`);
      await admin.end();
    },
  };
}
