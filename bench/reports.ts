/**
 * Reports at growing history sizes: `npx tsx --conditions=react-server bench/reports.ts`
 * (PGlite; PostgreSQL with DATABASE_URL, in a scratch database on that server). The same fleet
 * gets a longer history stage by stage (250k, 500k, 1M trips by default; BENCH_REPORT_SIZES
 * overrides), and at each size the month's report for all municipalities — `figures()` as the
 * operator calls it — is timed beside the bare aggregate SQL over the raw rows in the same run,
 * and so is an arbitrary range that is not month-aligned. Nothing is asserted.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { env } from '@/server/env';
import { type Grouping, stationFigures } from '@/server/reports/queries';
import { ensureRollupZone, rebuildRollups } from '@/server/reports/rollups';
import { periodBounds } from '@/server/reports/rules';
import { figures } from '@/server/reports/service';
import { openBenchDatabase, type Raw } from './database';
import { loadFleet, loadHistory, TRIPS_PER_DAY } from './report-history';
import { ms, p50, p95, ratio, table, timed } from './stats';

const SIZES = (process.env.BENCH_REPORT_SIZES ?? '250000,500000,1000000').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_REPORT_ROUNDS ?? 20);
const WARM_UP = 3;
const GROUPING_ROUNDS = Number(process.env.BENCH_REPORT_GROUPING_ROUNDS ?? 5);
/**
 * Seconds of report calls per size and period: a statement that scans the whole history (today's
 * figures() at a million trips) would not get through 20 rounds in a bench run, so it stops early
 * and says after how many.
 */
const BUDGET_MS = Number(process.env.BENCH_REPORT_BUDGET_S ?? 90) * 1000;
/** A call this slow warms the cache by itself; further warm-up rounds would only cost time. */
const SLOW_MS = 2000;
const TARGET = { p95Ms: 300, flat: 1.3, range: 1.3 };

const log = (line = '') => console.log(line);
const zone = env().TIME_ZONE;

/**
 * The least a hand-written month report by municipality runs over the raw rows: held hours and
 * ignition hours clipped to the period, km and trips by trip start. The schema has no index on
 * booking periods or trip starts, so this is what the raw tables answer without any help.
 */
const BARE = `
  with p as (select tstzrange($1::timestamptz, $2::timestamptz, '[)') as r),
  held as (
    select v.owner_municipality_id as m,
      sum(extract(epoch from upper(b.period * p.r) - lower(b.period * p.r))) / 3600 as held_hours
    from bookings b join vehicles v on v.id = b.vehicle_id cross join p
    where b.status <> 'cancelled' and b.period && p.r group by 1
  ),
  driven as (
    select v.owner_municipality_id as m, sum(t.odometer_end - t.odometer_start) / 10.0 as km, count(*) as trips
    from trips t join bookings b on b.id = t.booking_id join vehicles v on v.id = b.vehicle_id
    where t.started_at >= $1 and t.started_at < $2 group by 1
  ),
  ignition as (
    select v.owner_municipality_id as m,
      sum(extract(epoch from upper(i.period * p.r) - lower(i.period * p.r))) / 3600 as ignition_hours
    from trip_ignitions i join trips t on t.id = i.trip_id join bookings b on b.id = t.booking_id
    join vehicles v on v.id = b.vehicle_id cross join p
    where i.period && p.r group by 1
  )
  select mu.id::text as key, coalesce(held_hours, 0)::float8 as held_hours, coalesce(km, 0)::float8 as km,
    coalesce(trips, 0)::int as trips, coalesce(ignition_hours, 0)::float8 as ignition_hours
  from municipalities mu left join held on held.m = mu.id left join driven on driven.m = mu.id
  left join ignition on ignition.m = mu.id order by 1`;

interface Period {
  name: string;
  from: string;
  to: string;
}

const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10);

async function main() {
  // A million trips with their bookings, intervals and box records outgrow PGlite's heap in memory.
  const big = Math.max(...SIZES) > 500_000;
  const dir =
    !process.env.DATABASE_URL && big ? await mkdtemp(path.join(os.tmpdir(), 'pm-bench-')) : undefined;
  const database = await openBenchDatabase(2, { pgliteDir: dir && path.join(dir, 'pglite') });
  const { db, raw } = database;
  try {
    log(`database: ${database.description}`);
    // History ends at today's UTC midnight; the newest full month is the one before this one.
    const now = new Date();
    const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    const [y, m] = [end.getUTCFullYear(), end.getUTCMonth()];
    const month: Period = { name: 'month', from: iso(y, m - 1, 1), to: iso(y, m, 1) };
    // Not month-aligned, several months back: with today in December, 17 March – 9 June.
    const range: Period = { name: 'range', from: iso(y, m - 9, 17), to: iso(y, m - 6, 9) };
    const operator = await loadFleet(raw, end);
    // PostgreSQL: the zone set before the history, so the roll-ups' statement triggers keep them
    // up to date through every bulk insert and the load timings include that. PGlite runs out of
    // memory in those triggers on a statement of 270k bookings (they gather the transition table
    // into one array), so there the history loads with no zone (the triggers skip) and the
    // roll-ups are rebuilt after each stage, timed.
    const live = database.engine === 'postgres';
    if (live) await ensureRollupZone(db, zone);
    log(
      `month ${month.from} … ${month.to} (exclusive), range ${range.from} … ${range.to}, zone ${zone}; history ends ${end.toISOString()}`,
    );
    const stationsOf = (p: Period) =>
      stationFigures(db, { ...periodBounds(p.from, p.to, zone), municipalityId: null });
    const results: StageResult[] = [];
    let days = 0;
    for (const size of SIZES) {
      const toDay = Math.ceil(size / TRIPS_PER_DAY);
      log(`\nloading days ${days}–${toDay} back (target ${size.toLocaleString('en')} trips):`);
      const start = performance.now();
      if (!live) await raw('update rollup_zone set zone = null');
      await loadHistory(
        raw,
        end,
        { from: days, to: toDay },
        [month, range].map((p) => periodBounds(p.from, p.to, zone)),
        log,
      );
      days = toDay;
      if (!live) {
        const rebuilt = await timed(() => ensureRollupZone(db, zone));
        log(`    roll-ups rebuilt ${(rebuilt.ms / 1000).toFixed(1).padStart(13)} s`);
      }
      const counts = (await raw(COUNTS)).rows[0] ?? {};
      log(
        `  now ${JSON.stringify(counts)}; stage loaded in ${((performance.now() - start) / 1000).toFixed(1)} s`,
      );
      results.push(
        await measure(raw, (p, groupBy) => figures(db, operator, { ...p, groupBy }, zone), stationsOf, {
          size,
          trips: Number(counts.trips),
          days,
          month,
          range,
        }),
      );
    }
    // The other way to a loaded database: the full rebuild, then the month again against bare SQL.
    const rebuild = await timed(() => rebuildRollups(db));
    log(`\nrollups_rebuild() over the whole history: ${(rebuild.ms / 1000).toFixed(1)} s`);
    const { start: monthStart, end: monthEnd } = periodBounds(month.from, month.to, zone);
    agreement(
      'month after the rebuild',
      (await figures(db, operator, { ...month, groupBy: 'municipality' }, zone)).rows,
      (await raw(BARE, [monthStart.toISOString(), monthEnd.toISOString()])).rows,
    );
    summarise(results);
  } finally {
    await database.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}

const COUNTS = `select (select count(*) from trips)::int as trips, (select count(*) from bookings)::int as bookings,
  (select count(*) from trip_ignitions)::int as ignitions, (select count(*) from box_records)::int as box_records,
  (select count(*) from vehicle_blocks)::int as blocks,
  pg_size_pretty(pg_database_size(current_database())) as size`;

type Report = (period: { from: string; to: string }, groupBy: Grouping) => ReturnType<typeof figures>;

interface StageResult {
  size: number;
  trips: number;
  days: number;
  samples: Record<'month' | 'range', { report: number[]; bare: number[] }>;
}

async function measure(
  raw: Raw,
  report: Report,
  stations: (period: Period) => Promise<unknown>,
  stage: { size: number; trips: number; days: number; month: Period; range: Period },
): Promise<StageResult> {
  const samples: StageResult['samples'] = {
    month: { report: [], bare: [] },
    range: { report: [], bare: [] },
  };
  for (const period of [stage.month, stage.range]) {
    const { start, end } = periodBounds(period.from, period.to, zone);
    const bare = () => raw(BARE, [start.toISOString(), end.toISOString()]);
    const into = samples[period.name as 'month' | 'range'];
    let last: { report: Awaited<ReturnType<Report>> | null; bare: Record<string, unknown>[] } = {
      report: null,
      bare: [],
    };
    // Alternating, so both see the same cache and the same neighbours on the machine.
    const started = performance.now();
    for (let warm = 0; into.report.length < ROUNDS; ) {
      const r = await timed(() => report(period, 'municipality'));
      const b = await timed(bare);
      last = { report: r.value, bare: b.value.rows };
      if (warm < WARM_UP) {
        warm = r.ms > SLOW_MS ? WARM_UP : warm + 1;
        continue;
      }
      into.report.push(r.ms);
      into.bare.push(b.ms);
      if (performance.now() - started > BUDGET_MS) break;
    }
    if (last.report) agreement(period.name, last.report.rows, last.bare);
    log(
      `  ${period.name.padEnd(5)} report p50 ${ms(p50(into.report))} p95 ${ms(p95(into.report))} · bare p50 ${ms(p50(into.bare))} p95 ${ms(p95(into.bare))} ms (${into.report.length} rounds after warm-up)`,
    );
  }
  // The part of figures() that reads bookings directly (peaks per station, unmet searches).
  const stationTimes: number[] = [];
  for (let round = -1; round < GROUPING_ROUNDS; round++) {
    const t = await timed(() => stations(stage.month));
    if (round >= 0) stationTimes.push(t.ms);
  }
  log(
    `  of which stationFigures p50 ${ms(p50(stationTimes))} p95 ${ms(p95(stationTimes))} ms (${GROUPING_ROUNDS} rounds)`,
  );
  if (p50(samples.month.report) > SLOW_MS)
    log(`  other groupings skipped: a month report takes > ${SLOW_MS} ms`);
  else
    for (const groupBy of ['region', 'station', 'vehicle'] as const) {
      const times: number[] = [];
      for (let round = -1; round < GROUPING_ROUNDS; round++) {
        const t = await timed(() => report(stage.month, groupBy));
        if (round >= 0) times.push(t.ms);
      }
      log(
        `  month by ${groupBy.padEnd(7)} report p50 ${ms(p50(times))} p95 ${ms(p95(times))} ms (${GROUPING_ROUNDS} rounds)`,
      );
    }
  return { size: stage.size, trips: stage.trips, days: stage.days, samples };
}

/** The report and the bare SQL must agree on what both compute, or the comparison means nothing. */
function agreement(
  name: string,
  rows: { key: string; heldHours: number; km: number; trips: number; ignitionHours: number }[],
  bare: Record<string, unknown>[],
) {
  const mine = new Map(rows.map((row) => [row.key, row]));
  const differences: string[] = [];
  for (const b of bare) {
    const r = mine.get(String(b.key));
    const pairs: [string, number, number][] = [
      ['heldHours', r?.heldHours ?? 0, Number(b.held_hours)],
      ['km', r?.km ?? 0, Number(b.km)],
      ['trips', r?.trips ?? 0, Number(b.trips)],
      ['ignitionHours', r?.ignitionHours ?? 0, Number(b.ignition_hours)],
    ];
    for (const [field, a, c] of pairs)
      if (Math.abs(a - c) > 1e-6 * Math.max(1, Math.abs(c))) differences.push(`${field} ${a} vs ${c}`);
  }
  const totals = bare.reduce((sum, b) => sum + Number(b.trips), 0);
  log(
    differences.length === 0
      ? `  ${name}: report and bare SQL agree on held h, km, trips, ignition h (${totals} trips in the period)`
      : `  ! ${name}: report and bare SQL differ: ${differences.slice(0, 4).join('; ')}`,
  );
}

function summarise(results: StageResult[]) {
  log(
    '\nms; runs = timed rounds of each (fewer than 20: the time budget ran out); ratios against the bare SQL of the same size in this run',
  );
  const rows = results.map((r) => {
    const { month, range } = r.samples;
    return [
      `${(r.size / 1000).toLocaleString('en')}k`,
      r.trips,
      r.days,
      month.report.length,
      ms(p50(month.report)),
      ms(p95(month.report)),
      ms(p50(month.bare)),
      ms(p95(month.bare)),
      ratio(p95(month.report) / p95(month.bare)),
      range.report.length,
      ms(p50(range.report)),
      ms(p95(range.report)),
      ms(p50(range.bare)),
      ms(p95(range.bare)),
      ratio(p95(range.report) / p95(range.bare)),
    ];
  });
  log(
    table(
      [
        'size',
        'trips',
        'days',
        'runs',
        'month report p50',
        'p95',
        'bare p50',
        'p95',
        'report/bare p95',
        'runs',
        'range report p50',
        'p95',
        'bare p50',
        'p95',
        'report/bare p95',
      ],
      rows,
    ),
  );
  const first = results[0];
  const last = results.at(-1);
  if (first && last && last !== first) {
    const growth = (pick: (r: StageResult) => number[]) => ratio(p95(pick(last)) / p95(pick(first)));
    const label = `p95(${last.size / 1000}k) ÷ p95(${first.size / 1000}k)`;
    log(
      `\nflat in history: ${label}: month report ${growth((r) => r.samples.month.report)}, bare ${growth((r) => r.samples.month.bare)}; range report ${growth((r) => r.samples.range.report)}, bare ${growth((r) => r.samples.range.bare)}`,
    );
  }
  log(
    `targets (issue 8): month report p95 ≤ ${TARGET.p95Ms} ms at 1M trips; p95(1M) ÷ p95(250k) ≤ ${TARGET.flat}×; range report ≤ ${TARGET.range}× bare SQL`,
  );
}

await main();
