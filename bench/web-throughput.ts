/**
 * Search throughput over HTTP against the built server vs the same searches as raw SQL to the same
 * engine, in one run (`npm run bench:web -- throughput` after `next build`): with DATABASE_URL a
 * scratch database on that PostgreSQL, else an embedded PGlite data folder. 20 clients at once,
 * each one request at a time, for BENCH_WEB_SECONDS each way; the raw side sends the statements
 * findFreeVehicles makes (bench/search-cases.ts) on 20 connections of its own. PGlite has one
 * connection and belongs to one process: the server holds the folder while HTTP is measured, then
 * stops, and the bench opens the same folder and sends its 20 streams to it. The clients share one
 * session (signed in once: the sign-in route allows three attempts in ten seconds per address,
 * which would otherwise be what is measured). Printed, never asserted.
 */
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { type Db, migrationsFolder } from '@/db/client';
import * as schema from '@/db/schema';
import {
  scratchDatabase,
  scratchDataDir,
  sharedSecrets,
  signIn,
  startServer,
  trpc,
} from '@/server/process/harness';
import { prepareRegion, WRITERS } from '@/server/process/load';
import type { Raw } from './database';
import { loadFleet } from './load';
import { ALTERNATIVES, type SearchCase, searchCases } from './search-cases';
import { ms, p50, p95, ratio, table } from './stats';

const CLIENTS = 20;
const SECONDS = Number(process.env.BENCH_WEB_SECONDS ?? 15);
const PORT = Number(process.env.BENCH_WEB_PORT ?? 3531);
const log = (line = '') => console.log(line);

/** One engine's database for the run: opened by the bench (for PGlite only while no server holds it). */
interface Engine {
  name: string;
  serverEnv: Record<string, string>;
  open(): Promise<{ db: Db; raw: Raw; migrate(): Promise<void>; close(): Promise<void> }>;
  remove(): Promise<void>;
}

async function postgres(admin: string): Promise<Engine> {
  const scratch = await scratchDatabase();
  return {
    name: `PostgreSQL (${new URL(admin).host}, scratch database)`,
    serverEnv: { DATABASE_URL: scratch.url, ...sharedSecrets() },
    async open() {
      const pool = new pg.Pool({ connectionString: scratch.url, max: CLIENTS, options: '-c timezone=UTC' });
      return {
        db: drizzlePg(pool, { schema }),
        raw: (text, params) => pool.query(text, params),
        migrate: () => migratePg(drizzlePg(pool), { migrationsFolder }),
        close: () => pool.end(),
      };
    },
    remove: scratch.drop,
  };
}

async function pglite(): Promise<Engine> {
  const data = await scratchDataDir();
  return {
    name: 'PGlite (embedded, on disk)',
    serverEnv: { DATA_DIR: data.dir },
    async open() {
      const client = await PGlite.create({
        dataDir: path.join(data.dir, 'pglite'),
        extensions: { btree_gist },
      });
      await client.exec(`SET timezone = 'UTC'`);
      return {
        db: drizzlePglite({ client, schema }),
        raw: (text, params) => client.query(text, params),
        migrate: () => migratePglite(drizzlePglite({ client }), { migrationsFolder }),
        close: () => client.close(),
      };
    },
    remove: data.remove,
  };
}

interface Drive {
  perSecond: number;
  requests: number;
  errors: number;
  latencies: number[];
}

/** `CLIENTS` loops, each sending one request after the other until the time is up. */
async function drive(send: (i: number) => Promise<boolean>): Promise<Drive> {
  const latencies: number[] = [];
  let errors = 0;
  let n = 0;
  const started = performance.now();
  const until = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < until) {
        const start = performance.now();
        const ok = await send(n++).catch(() => false);
        latencies.push(performance.now() - start);
        if (!ok) errors++;
      }
    }),
  );
  // Divided by the time the last answer took to arrive, not the nominal window.
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: latencies.length / seconds, requests: latencies.length, errors, latencies };
}

const row = (name: string, d: Drive) => [
  name,
  d.requests,
  d.perSecond.toFixed(1),
  d.errors,
  ms(p50(d.latencies)),
  ms(p95(d.latencies)),
];

async function main() {
  const admin = process.env.DATABASE_URL;
  const engine = admin ? await postgres(admin) : await pglite();
  let server: ReturnType<typeof startServer> | undefined;
  try {
    log(`engine: ${engine.name}`);
    let cases: SearchCase[];
    let password: string;
    {
      const setup = await engine.open();
      try {
        await setup.migrate();
        ({ password } = await prepareRegion(setup.db));
        await loadFleet(setup.raw, log);
        // The searches that only read: the alternatives case also records a missed demand.
        cases = (await searchCases(setup.raw, new Date())).filter((c) => c.name !== ALTERNATIVES);
      } finally {
        await setup.close();
      }
    }
    const pick = (i: number) => cases[i % cases.length] ?? cases[0];

    server = startServer({ port: PORT, env: engine.serverEnv });
    await server.healthy();
    const cookie = await signIn(server.url, { email: WRITERS[0] ?? '', password });
    const search = async (c: SearchCase | undefined) => {
      const call = await trpc(server?.url ?? '', 'vehicles.search', c?.input, { cookie, query: true });
      return call;
    };
    // Both sides must do the same work: the server's answer lists the cars the statement finds.
    for (const c of cases) {
      const call = await search(c);
      const found = (call.data as { vehicles?: unknown[] } | undefined)?.vehicles?.length;
      log(
        `  ${c.name}: HTTP ${call.outcome.kind === 'answer' ? call.outcome.status : call.outcome.kind}, ${found ?? '?'} cars`,
      );
    }
    log(`${cases.length} searches in turn, ${CLIENTS} clients, ${SECONDS} s each way`);
    const http = await drive(async (i) => {
      const call = await search(pick(i));
      return call.outcome.kind === 'answer' && call.outcome.status === 200;
    });
    if (!admin) {
      // The embedded folder is the server's while it runs.
      server.child.kill('SIGTERM');
      await server.exited;
    }
    const direct = await engine.open();
    let sql: Drive;
    try {
      for (const c of cases)
        log(`  ${c.name}: raw SQL, ${(await direct.raw(c.sql, c.params)).rows.length} cars`);
      sql = await drive(async (i) => {
        const c = pick(i);
        if (!c) return false;
        await direct.raw(c.sql, c.params);
        return true;
      });
    } finally {
      await direct.close();
    }
    log(
      table(
        ['path', 'requests', 'per s', 'errors', 'p50 ms', 'p95 ms'],
        [row('HTTP (vehicles.search)', http), row('raw SQL (same statements)', sql)],
      ),
    );
    log(
      `throughput HTTP / raw: ${ratio(http.perSecond / sql.perSecond).trim()} (target ≥ 0.50×), ` +
        `errors: ${http.errors + sql.errors} (target 0)`,
    );
  } finally {
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    await engine.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
