/**
 * Search throughput over HTTP against the built server vs the same searches as raw SQL to the same
 * PostgreSQL, in one run: `DATABASE_URL=postgres://… npm run bench:web-throughput` (after
 * `npm run build`). 20 clients at once, each one request at a time, for BENCH_WEB_SECONDS each way.
 * The clients share one session (signed in once: the sign-in route allows three attempts in ten
 * seconds per address, which would otherwise be what is measured). Printed, never asserted.
 */
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { migrationsFolder } from '@/db/client';
import * as schema from '@/db/schema';
import { scratchDatabase, sharedSecrets, signIn, startServer, trpc } from '@/server/process/harness';
import { prepareRegion, WRITERS } from '@/server/process/load';
import type { Raw } from './database';
import { loadFleet } from './load';
import { ALTERNATIVES, searchCases } from './search-cases';
import { ms, p50, p95, ratio, table } from './stats';

const CLIENTS = 20;
const SECONDS = Number(process.env.BENCH_WEB_SECONDS ?? 15);
const PORT = Number(process.env.BENCH_WEB_PORT ?? 3531);
const log = (line = '') => console.log(line);

/** `CLIENTS` loops, each sending one request after the other until the time is up. */
async function drive(send: (i: number) => Promise<boolean>) {
  const latencies: number[] = [];
  let errors = 0;
  let n = 0;
  const until = performance.now() + SECONDS * 1000;
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
  return { perSecond: latencies.length / SECONDS, requests: latencies.length, errors, latencies };
}

async function main() {
  if (!process.env.DATABASE_URL) {
    log('needs DATABASE_URL (PostgreSQL): the embedded database is the server process’s alone.');
    return;
  }
  const scratch = await scratchDatabase();
  const pool = new pg.Pool({ connectionString: scratch.url, max: CLIENTS + 5, options: '-c timezone=UTC' });
  const raw: Raw = (text, params) => pool.query(text, params);
  const server = startServer({ port: PORT, env: { DATABASE_URL: scratch.url, ...sharedSecrets() } });
  try {
    await migrate(drizzle(pool), { migrationsFolder });
    const { password } = await prepareRegion(drizzle(pool, { schema }));
    await loadFleet(raw, log);
    await server.healthy();
    const cookie = await signIn(server.url, { email: WRITERS[0] ?? '', password });
    // The searches that only read: the alternatives case also records a missed demand.
    const cases = (await searchCases(raw, new Date())).filter((c) => c.name !== ALTERNATIVES);
    const pick = (i: number) => cases[i % cases.length] ?? cases[0];
    log(`${cases.length} searches in turn, ${CLIENTS} clients, ${SECONDS} s each way`);

    const http = await drive(async (i) => {
      const c = pick(i);
      const call = await trpc(server.url, 'vehicles.search', c?.input, { cookie, query: true });
      return call.outcome.kind === 'answer' && call.outcome.status === 200;
    });
    const sql = await drive(async (i) => {
      const c = pick(i);
      if (!c) return false;
      await raw(c.sql, c.params);
      return true;
    });
    log(
      table(
        ['path', 'requests', 'per s', 'errors', 'p50 ms', 'p95 ms'],
        [
          [
            'HTTP (vehicles.search)',
            http.requests,
            http.perSecond.toFixed(1),
            http.errors,
            ms(p50(http.latencies)),
            ms(p95(http.latencies)),
          ],
          [
            'raw SQL (same statements)',
            sql.requests,
            sql.perSecond.toFixed(1),
            sql.errors,
            ms(p50(sql.latencies)),
            ms(p95(sql.latencies)),
          ],
        ],
      ),
    );
    log(`throughput HTTP / raw: ${ratio(http.perSecond / sql.perSecond)} (target ≥ 0.50×, no errors)`);
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    await pool.end();
    await scratch.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
