/**
 * Booking engine against raw SQL on a loaded database: `npx tsx bench/bookings.ts`
 * (PGlite in memory; PostgreSQL with DATABASE_URL, in a scratch database on that server).
 * Every figure stands beside a baseline measured in the same run; nothing is asserted.
 */

import { HOUR } from '@/server/bookings/rules';
import { createBooking } from '@/server/bookings/service';
import { env } from '@/server/env';
import { AppError, sqlState } from '@/server/errors';
import { searchVehicles } from '@/server/fleet/service';
import { openBenchDatabase } from './database';
import { loadFleet, makePeople } from './load';
import { ALTERNATIVES, type SearchCase, searchCases } from './search-cases';
import { ms, p50, p95, ratio, table, timed } from './stats';

const SEARCH_ROUNDS = Number(process.env.BENCH_SEARCH_ROUNDS ?? 40);
const CREATES = Number(process.env.BENCH_CREATES ?? 60);
const CONTENDERS = 50;
const CONTENTION_ROUNDS = Number(process.env.BENCH_CONTENTION_ROUNDS ?? 5);

const log = (line = '') => console.log(line);
const timeZone = env().TIME_ZONE;

async function main() {
  // 50 concurrent creators each want their own connection, and a few to spare.
  const database = await openBenchDatabase(CONTENDERS + 10);
  const { db, raw } = database;
  try {
    log(`database: ${database.description}`);
    const loadStart = performance.now();
    await loadFleet(raw, log);
    const counts = await raw(
      `select (select count(*) from vehicles)::int as cars, (select count(*) from stations)::int as stations,
              (select count(*) from bookings)::int as bookings`,
    );
    log(
      `loaded ${JSON.stringify(counts.rows[0])} in ${((performance.now() - loadStart) / 1000).toFixed(1)} s\n`,
    );
    const now = new Date();
    const [searcher] = await makePeople(raw, 1, 'search');
    if (!searcher) throw new Error('no searcher');

    // ---- search ----
    const cases = await searchCases(raw, now);
    log(
      `searchVehicles (domain: validation, query, ranking; when empty: station check, alternatives) vs the same SQL sent raw;`,
    );
    log(`${SEARCH_ROUNDS} rounds each, alternating, after 5 warm-up rounds; ms`);
    const rows: (string | number)[][] = [];
    for (const c of cases) {
      const domain: number[] = [];
      const rawTimes: number[] = [];
      let found = { domain: 0, raw: 0 };
      for (let round = -5; round < SEARCH_ROUNDS; round++) {
        const d = await timed(() => searchVehicles(db, searcher, c.input, timeZone, now));
        // The same SQL the domain needs for this answer: the search, and the alternatives when empty.
        const r = await timed(async () => {
          const result = await raw(c.sql, c.params);
          if (c.alternatives) await raw(c.alternatives.sql, c.alternatives.params);
          return result;
        });
        found = { domain: d.value.vehicles.length, raw: r.value.rows.length };
        if (round < 0) continue;
        domain.push(d.ms);
        rawTimes.push(r.ms);
      }
      if (found.domain !== found.raw) log(`  ! ${c.name}: domain found ${found.domain}, raw ${found.raw}`);
      rows.push(searchRow(c, found.domain, domain, rawTimes));
    }
    log(table(['case', 'free', 'domain p50', 'p95', 'raw p50', 'p95', 'p50 ratio', 'p95 ratio'], rows));
    log(`target: domain ≤ 2× raw; for "${ALTERNATIVES}" raw is the search plus the alternatives statement\n`);
    const [first] = cases;
    if (first) {
      log(`EXPLAIN ANALYZE of the raw search, case "${first.name}":`);
      const plan = await raw(
        `explain (analyze, costs off, timing off, summary off) ${first.sql}`,
        first.params,
      );
      for (const row of plan.rows) log(`  ${String(Object.values(row)[0])}`);
      log();
    }

    // ---- create ----
    const creators = await makePeople(raw, CREATES, 'create');
    const cars = (await raw('select id from vehicles order by plate')).rows.map((r) => String(r.id));
    // The loaded bookings end 25 days ahead; from day 27 every car is free (the horizon is 60 days).
    const freeFrom = Math.ceil(now.getTime() / HOUR) * HOUR + 27 * 24 * HOUR;
    // Slot i: car i mod 1000, 4 h later for each further thousand; creates take 0–119, the races
    // the second and third thousand, so no two sections ask for the same slot.
    const slot = (i: number) => {
      const start = new Date(freeFrom + Math.floor(i / cars.length) * 4 * HOUR);
      return { vehicleId: cars[i % cars.length] ?? '', from: start, to: new Date(+start + 2 * HOUR) };
    };
    const lone: number[] = [];
    const rawInsert: number[] = [];
    for (let i = 0; i < CREATES; i++) {
      const person = creators[i];
      if (!person) break;
      lone.push((await timed(() => createBooking(db, person, slot(2 * i), timeZone, now))).ms);
      const row = slot(2 * i + 1);
      rawInsert.push(
        (
          await timed(() =>
            database.rawTransaction(async (tx) => {
              await tx('select pg_advisory_xact_lock(hashtextextended($1, 0))', [row.vehicleId]);
              await tx(
                `insert into bookings (vehicle_id, user_id, starts_at, ends_at, status)
                 values ($1, $2, $3, $4, 'reserved') returning id`,
                [row.vehicleId, person.id, row.from.toISOString(), row.to.toISOString()],
              );
            }),
          )
        ).ms,
      );
    }
    log(`create: createBooking (checks, policy, lock, insert, event, notices, read back) vs a raw`);
    log(`INSERT of the same row in a transaction with the advisory lock; ${CREATES} each, alternating; ms`);
    log(
      table(
        ['case', 'p50', 'p95', 'p50 ratio', 'p95 ratio'],
        [
          ['raw insert (baseline)', ms(p50(rawInsert)), ms(p95(rawInsert)), ratio(1), ratio(1)],
          [
            'createBooking',
            ms(p50(lone)),
            ms(p95(lone)),
            ratio(p50(lone) / p50(rawInsert)),
            ratio(p95(lone) / p95(rawInsert)),
          ],
        ],
      ),
    );
    log();

    // ---- contention ----
    const contenders = await makePeople(raw, CONTENDERS, 'race');
    const contention = await race(CONTENTION_ROUNDS, (round) => {
      const wanted = slot(cars.length + round + 1);
      return contenders.map((person, i) => {
        // Half ask for the exact slot, half for one that overlaps it by an hour.
        const input = { ...wanted, from: new Date(+wanted.from + (i % 2) * HOUR) };
        return () => createBooking(db, person, input, timeZone, now).then(() => undefined);
      });
    });
    // The same burst without a conflict (50 cars, one each): what 50 at once cost this machine anyway.
    const spread = await race(CONTENTION_ROUNDS, (round) =>
      contenders.map((person, i) => {
        const input = slot(2 * cars.length + (round + 1) * CONTENDERS + i);
        return () => createBooking(db, person, input, timeZone, now).then(() => undefined);
      }),
    );
    // The floor of this design: the same race as bare lock + INSERT transactions.
    const rawContention = await race(CONTENTION_ROUNDS, (round) => {
      const wanted = slot(cars.length + CONTENTION_ROUNDS + 10 + round + 1);
      return contenders.map(
        (person, i) => () =>
          database.rawTransaction(async (tx) => {
            await tx('select pg_advisory_xact_lock(hashtextextended($1, 0))', [wanted.vehicleId]);
            await tx(
              `insert into bookings (vehicle_id, user_id, starts_at, ends_at, status) values ($1, $2, $3, $4, 'reserved')`,
              [
                wanted.vehicleId,
                person.id,
                new Date(+wanted.from + (i % 2) * HOUR).toISOString(),
                wanted.to.toISOString(),
              ],
            );
          }),
      );
    });
    log(
      `contention: ${CONTENDERS} concurrent createBooking for one slot of one car, ${CONTENTION_ROUNDS} rounds after one warm-up`,
    );
    log(
      `(${database.engine === 'postgres' ? 'each on its own pool connection' : 'PGlite has one connection: they queue'})`,
    );
    for (const [i, line] of contention.rounds.entries()) log(`  round ${i + 1}: ${line}`);
    log(`  raw lock + INSERT race: ${rawContention.rounds.join('; ')}`);
    log(`  no conflict, 50 cars: ${spread.rounds.join('; ')}`);
    const vsLone = (name: string, samples: number[]) => [
      name,
      ms(p50(samples)),
      ms(p95(samples)),
      ratio(p50(samples) / p50(lone)),
      ratio(p95(samples) / p50(lone)),
    ];
    log(
      table(
        ['case', 'p50', 'p95', 'p50 ratio', 'p95 ratio'],
        [
          vsLone('lone create (baseline)', lone),
          vsLone('winner', contention.winners),
          vsLone('losers (answer time)', contention.losers),
          vsLone('no conflict: 50 cars at once', spread.winners),
          vsLone('raw race: winner', rawContention.winners),
          vsLone('raw race: losers', rawContention.losers),
        ],
      ),
    );
    log('ratios against the lone createBooking p50; target: loser p95 ≤ 3× a lone create');
  } finally {
    await database.close();
  }
}

/**
 * Rounds of contenders started together; exactly one of each round should win and every other
 * answer BOOKING_CONFLICT (the domain) or 23P01 (raw). The first round warms the pool up, uncounted.
 */
async function race(rounds: number, contendersOf: (round: number) => (() => Promise<void>)[]) {
  const losers: number[] = [];
  const winners: number[] = [];
  const lines: string[] = [];
  for (let round = -1; round < rounds; round++) {
    const results = await Promise.all(
      contendersOf(round).map(async (attempt) => {
        const start = performance.now();
        try {
          await attempt();
          return { won: true, ms: performance.now() - start, error: null };
        } catch (error) {
          return { won: false, ms: performance.now() - start, error };
        }
      }),
    );
    const won = results.filter((r) => r.won).length;
    const conflicts = results.filter((r) => !r.won && isConflict(r.error)).length;
    const other = results.filter((r) => !r.won && !isConflict(r.error));
    for (const r of other) console.log(`  ! unexpected refusal: ${String(r.error)}`);
    if (round < 0) continue;
    lines.push(`${won} won, ${conflicts} conflict, ${other.length} other`);
    for (const r of results) (r.won ? winners : losers).push(r.ms);
  }
  return { winners, losers, rounds: lines };
}

const isConflict = (error: unknown) =>
  (error instanceof AppError && error.code === 'BOOKING_CONFLICT') || sqlState(error) === '23P01';

function searchRow(c: SearchCase, free: number, domain: number[], raw: number[]) {
  return [
    c.name,
    free,
    ms(p50(domain)),
    ms(p95(domain)),
    ms(p50(raw)),
    ms(p95(raw)),
    ratio(p50(domain) / p50(raw)),
    ratio(p95(domain) / p95(raw)),
  ];
}

await main();
