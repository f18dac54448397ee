import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { LocalDate } from './rules';
import { SLOT_MS } from './sizing-rules';

const HOUR_MS = 3_600_000;
const num = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));
/** Both drivers (pg, PGlite) answer a raw statement with `{ rows }`. */
const rowsOf = (result: unknown) => (result as { rows: Record<string, unknown>[] }).rows;

/**
 * A search at a station that found no free car: each quarter hour of the requested window counts
 * one more failed search, unless the same searcher was already counted for it in this hour (one
 * person searching ten times is one request). The searcher is kept only as a digest of id and
 * hour, and every miss removes the marks of earlier hours: who searched is gone within the hour.
 */
export async function recordSlotMisses(
  db: Db,
  miss: { stationId: string; searcherId: string; window: { start: Date; end: Date } },
  now: Date,
) {
  const hour = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
  const searcher = createHash('sha256').update(`${miss.searcherId}|${hour.toISOString()}`).digest('hex');
  const first = new Date(Math.floor(miss.window.start.getTime() / SLOT_MS) * SLOT_MS);
  await db.execute(sql`
    with forgotten as (delete from demand_search_marks where search_hour < ${hour}::timestamptz),
    marked as (
      insert into demand_search_marks (searcher, station_id, slot, search_hour)
      select ${searcher}, ${miss.stationId}::uuid, slot, ${hour}::timestamptz
      from generate_series(${first}::timestamptz, ${miss.window.end}::timestamptz - interval '1 microsecond',
        interval '15 minutes') as slot
      on conflict do nothing
      returning slot
    )
    insert into demand_slot_misses (station_id, slot, count)
    select ${miss.stationId}::uuid, slot, 1 from marked
    on conflict (station_id, slot) do update set count = demand_slot_misses.count + 1`);
}

export interface SizingRow {
  /** Null for the region. */
  stationId: string | null;
  stationName: string | null;
  municipalityId: string | null;
  /** Σ d(s) as hours (each slot a quarter hour). */
  requestedHours: number;
  unmetRequestedHours: number;
  /** The most cars wanted in one quarter hour. */
  peakDemand: number;
  cars: number;
  carsFor95: number;
  carsFor99: number;
  savingFor95: number;
  savingFor99: number;
}

/**
 * Cars needed per station for 95 % and 99 % of the requested time (sizing-rules.ts `carsNeeded`,
 * here over a histogram of the demand: how many slots wanted k cars), beside the cars in service
 * and the monthly fixed costs of the cheapest cars beyond the need; the region as the stations' sum.
 */
export async function sizingFigures(
  db: Db,
  q: { start: Date; end: Date; from: LocalDate; to: LocalDate },
): Promise<SizingRow[]> {
  const result = await db.execute(sql`
    with held as (
      select v.home_station_id as station_id, slot, 1 as wanted
      from bookings b join vehicles v on v.id = b.vehicle_id
      cross join lateral generate_series(
        date_bin('15 minutes', greatest(b.starts_at, ${q.start}::timestamptz), timestamptz '2000-01-01 00:00:00+00'),
        least(b.ends_at, ${q.end}::timestamptz) - interval '1 microsecond', interval '15 minutes') as slot
      where b.status <> 'cancelled' and b.period && tstzrange(${q.start}::timestamptz, ${q.end}::timestamptz, '[)')
    ),
    unmet as (
      select station_id, slot, count as wanted from demand_slot_misses
      where slot >= ${q.start}::timestamptz and slot < ${q.end}::timestamptz
    ),
    demand as (
      select station_id, slot, sum(wanted) as d from (select * from held union all select * from unmet) x
      group by station_id, slot
    ),
    histogram as (select station_id, d, count(*) as slots from demand group by station_id, d),
    served as (
      select h.station_id, n, sum(h.slots * least(h.d, n)) as served, sum(h.slots * h.d) as total
      from histogram h
      cross join lateral generate_series(0, (select max(d) from histogram p where p.station_id = h.station_id)::int) as n
      group by h.station_id, n
    ),
    needed as (
      select station_id, max(total) as total,
        min(n) filter (where served >= 0.95 * total) as n95, min(n) filter (where served >= 0.99 * total) as n99
      from served group by station_id
    ),
    peaks as (select station_id, max(d) as peak from demand group by station_id),
    unmet_totals as (select station_id, sum(wanted) as unmet from unmet group by station_id),
    service as (
      select distinct on (vehicle_id) vehicle_id, commissioned_on, retired_on
      from vehicle_cost_rates order by vehicle_id, valid_from desc
    ),
    cars as (
      select v.home_station_id as station_id,
        row_number() over (partition by v.home_station_id order by coalesce(r.monthly, 0), v.id) as cheapness,
        coalesce(r.monthly, 0) as monthly
      from vehicles v
      left join service sv on sv.vehicle_id = v.id
      left join lateral (
        select leasing_monthly + insurance_monthly + tax_monthly + box_fee_monthly + other_monthly as monthly
        from vehicle_cost_rates r where r.vehicle_id = v.id and r.valid_from <= ${q.to}::date - 1
        order by r.valid_from desc limit 1) r on true
      -- a car without cost rates counts as in service, as the figures take it
      where sv.vehicle_id is null
        or (sv.commissioned_on < ${q.to}::date and (sv.retired_on is null or sv.retired_on > ${q.from}::date))
    ),
    per_station as (
      select s.id as station_id, s.name as station_name, s.municipality_id,
        coalesce(nd.total, 0) as total, coalesce(u.unmet, 0) as unmet, coalesce(p.peak, 0) as peak,
        coalesce(nd.n95, 0) as n95, coalesce(nd.n99, 0) as n99,
        (select count(*) from cars c where c.station_id = s.id) as cars,
        (select coalesce(sum(c.monthly), 0) from cars c where c.station_id = s.id
          and c.cheapness <= (select count(*) from cars k where k.station_id = s.id) - coalesce(nd.n95, 0)) as saving95,
        (select coalesce(sum(c.monthly), 0) from cars c where c.station_id = s.id
          and c.cheapness <= (select count(*) from cars k where k.station_id = s.id) - coalesce(nd.n99, 0)) as saving99
      from stations s
      left join needed nd on nd.station_id = s.id
      left join peaks p on p.station_id = s.id
      left join unmet_totals u on u.station_id = s.id
    )
    select station_id, station_name, municipality_id,
      sum(total)::float8 / 4 as requested_hours, sum(unmet)::float8 / 4 as unmet_hours,
      max(peak)::int as peak, sum(cars)::int as cars, sum(n95)::int as n95, sum(n99)::int as n99,
      round(sum(saving95), 2)::float8 as saving95, round(sum(saving99), 2)::float8 as saving99
    from per_station
    group by grouping sets ((station_id, station_name, municipality_id), ())
    order by station_id nulls first`);
  return rowsOf(result).map((row) => ({
    stationId: row.station_id === null ? null : String(row.station_id),
    stationName: row.station_name === null ? null : String(row.station_name),
    municipalityId: row.municipality_id === null ? null : String(row.municipality_id),
    requestedHours: num(row.requested_hours),
    unmetRequestedHours: num(row.unmet_hours),
    peakDemand: num(row.peak),
    cars: num(row.cars),
    carsFor95: num(row.n95),
    carsFor99: num(row.n99),
    savingFor95: num(row.saving95),
    savingFor99: num(row.saving99),
  }));
}
