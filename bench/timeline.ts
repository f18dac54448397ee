/**
 * The timeline at scale: `npx tsx --conditions=react-server bench/timeline.ts` (PGlite in memory;
 * PostgreSQL with DATABASE_URL). 1,000 cars and 200,000 bookings (bench/load.ts); the views a
 * person opens — a municipality's week (100 cars), a station's week and day — through the domain
 * (access check, one statement, mapping) beside the same view statement sent raw. Printed, never asserted.
 */

import type { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { env } from '@/server/env';
import { timelineView } from '@/server/fleet/timeline';
import { timelineRows } from '@/server/fleet/timeline-queries';
import { openBenchDatabase } from './database';
import { loadFleet, makePeople } from './load';
import { ms, p50, p95, ratio, table, timed } from './stats';

const ROUNDS = Number(process.env.BENCH_TIMELINE_ROUNDS ?? 30);
const log = (line = '') => console.log(line);
const timeZone = env().TIME_ZONE;

async function main() {
  const database = await openBenchDatabase(4);
  const { db, raw } = database;
  try {
    log(`database: ${database.description}`);
    await loadFleet(raw, log);
    const [viewer] = await makePeople(raw, 1, 'timeline');
    if (!viewer?.municipalityId) throw new Error('no viewer');
    const { rows } = await raw('select id from stations where municipality_id = $1 order by name limit 1', [
      viewer.municipalityId,
    ]);
    const stationId = String(rows[0]?.id);
    const today = new Date().toISOString().slice(0, 10);
    const cases = [
      ['municipality, week (7 days)', { municipalityId: viewer.municipalityId, from: today, days: 7 }],
      ['station, week (7 days)', { stationId, from: today, days: 7 }],
      ['station, day', { stationId, from: today, days: 1 }],
    ] as const;
    // The view's statement as timelineRows builds it, sent raw: what the domain adds is the rest.
    const dialect = new PgDialect();
    const captured: { sql: string; params: unknown[] }[] = [];
    const capturing = {
      execute: async (query: ReturnType<typeof sql>) => {
        captured.push(dialect.sqlToQuery(query));
        return { rows: [] };
      },
    } as unknown as typeof db;
    const table_: (string | number)[][] = [];
    for (const [name, input] of cases) {
      const view = await timelineView(db, viewer, input, timeZone);
      captured.length = 0;
      await timelineRows(capturing, input, viewer, view.start, view.end);
      const statement = captured[0];
      if (!statement) throw new Error('no statement');
      const domain: number[] = [];
      const rawTimes: number[] = [];
      for (let round = -3; round < ROUNDS; round++) {
        const d = await timed(() => timelineView(db, viewer, input, timeZone));
        const r = await timed(() => raw(statement.sql, statement.params));
        if (round < 0) continue;
        domain.push(d.ms);
        rawTimes.push(r.ms);
      }
      const slots = view.vehicles.reduce((n, v) => n + v.slots.length, 0);
      table_.push([
        name,
        view.vehicles.length,
        slots,
        ms(p50(domain)),
        ms(p95(domain)),
        ms(p50(rawTimes)),
        ratio(p50(domain) / p50(rawTimes)),
        JSON.stringify(view).length,
      ]);
    }
    log(`timelineView (access check + one statement + mapping) vs its statement raw; ${ROUNDS} rounds; ms`);
    log(table(['view', 'cars', 'slots', 'domain p50', 'p95', 'raw p50', 'ratio', 'JSON bytes'], table_));
    log('target: a municipality week view renders in under 1 s (server part shown here)');
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
