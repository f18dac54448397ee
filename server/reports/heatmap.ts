import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { stations, vehicles } from '@/db/schema';
import type { SessionUser } from '../auth/queries';
import { assertMayManage } from '../auth/scope';
import { AppError } from '../errors';
import { type LocalDate, periodBounds } from './rules';

const heatmapRule =
  'Gebuchte Stunden ÷ verfügbare Fahrzeugstunden je Wochentag und Stunde (Ortszeit), beide im Zeitraum; verfügbar wie bei der Zeitauslastung (in Betrieb, ohne Sperrzeiten). Am Tag der Umstellung auf Winterzeit zählt die Stunde 2 doppelt, am Tag der Umstellung auf Sommerzeit fehlt sie.';

export interface HeatmapInput {
  from: LocalDate;
  to: LocalDate;
  municipalityId?: string | undefined;
  stationId?: string | undefined;
  vehicleId?: string | undefined;
}

/** Which cars a heatmap covers: one car, one station's, one municipality's, or the region's. */
type CarScope =
  | { kind: 'vehicle'; id: string }
  | { kind: 'station'; id: string }
  | { kind: 'municipality'; id: string }
  | { kind: 'region' };

/**
 * The same scope as the figures: a municipality or the region is an aggregate every manager may
 * see; a single station or car only its own municipality's manager (and the operator).
 */
async function scopeOf(db: Db, user: SessionUser, input: HeatmapInput): Promise<CarScope> {
  if (input.vehicleId) {
    const [car] = await db
      .select({ owner: vehicles.ownerMunicipalityId })
      .from(vehicles)
      .where(eq(vehicles.id, input.vehicleId));
    if (!car) throw new AppError('VEHICLE_NOT_FOUND');
    assertMayManage(user, car.owner);
    return { kind: 'vehicle', id: input.vehicleId };
  }
  if (input.stationId) {
    const [station] = await db
      .select({ municipalityId: stations.municipalityId })
      .from(stations)
      .where(eq(stations.id, input.stationId));
    if (!station) throw new AppError('STATION_NOT_FOUND');
    assertMayManage(user, station.municipalityId);
    return { kind: 'station', id: input.stationId };
  }
  if (input.municipalityId) return { kind: 'municipality', id: input.municipalityId };
  return { kind: 'region' };
}

const carFilter = (scope: CarScope) => {
  switch (scope.kind) {
    case 'vehicle':
      return sql`v.id = ${scope.id}::uuid`;
    case 'station':
      return sql`v.home_station_id = ${scope.id}::uuid`;
    case 'municipality':
      return sql`v.owner_municipality_id = ${scope.id}::uuid`;
    case 'region':
      return sql`true`;
  }
};

const rowsOf = (result: unknown) => (result as { rows: Record<string, unknown>[] }).rows;

/**
 * Held and available car-hours per local weekday (1 = Monday … 7 = Sunday) × local hour, in one
 * statement. Each interval (a car's time on duty, a block, a booking), clipped to the period, is
 * cut at the zone's hour boundaries (`date_trunc(…, zone)`), so a local hour that happens twice
 * (end of summer time) counts twice and one that never happens not at all. Days in service and
 * blocks follow the figures' rule for available hours.
 */
export async function heatmapCells(db: Db, q: { start: Date; end: Date; zone: string; scope: CarScope }) {
  const tz = q.zone;
  const result = await db.execute(sql`
    with period as (select tstzrange(${q.start}::timestamptz, ${q.end}::timestamptz, '[)') as p),
    service as (
      select distinct on (vehicle_id) vehicle_id,
        tstzrange(commissioned_on::timestamp at time zone ${tz}, retired_on::timestamp at time zone ${tz}, '[)') as span
      from vehicle_cost_rates order by vehicle_id, valid_from desc
    ),
    cars as (
      select v.id, (select p from period) * coalesce(sv.span, '(,)'::tstzrange) as on_duty
      from vehicles v left join service sv on sv.vehicle_id = v.id
      where ${carFilter(q.scope)}
    ),
    pieces as (
      select 'available' as kind, c.on_duty as r from cars c where not isempty(c.on_duty)
      union all
      select 'blocked', k.period * c.on_duty from vehicle_blocks k join cars c on c.id = k.vehicle_id
      where k.cancelled_at is null and k.period && c.on_duty
      union all
      select 'held', b.period * (select p from period) from bookings b join cars c on c.id = b.vehicle_id
      where b.status <> 'cancelled' and b.period && (select p from period)
    ),
    cut as (
      select p.kind, h at time zone ${tz} as local_hour,
        extract(epoch from upper(p.r * tstzrange(h, h + interval '1 hour', '[)'))
          - lower(p.r * tstzrange(h, h + interval '1 hour', '[)'))) / 3600 as hours
      from pieces p
      cross join lateral generate_series(date_trunc('hour', lower(p.r), ${tz}), upper(p.r) - interval '1 microsecond',
        interval '1 hour') as h
    ),
    cells as (
      select extract(isodow from local_hour)::int as weekday, extract(hour from local_hour)::int as hour,
        coalesce(sum(hours) filter (where kind = 'held'), 0) as held,
        coalesce(sum(hours) filter (where kind = 'available'), 0)
          - coalesce(sum(hours) filter (where kind = 'blocked'), 0) as available
      from cut group by 1, 2
    )
    select d as weekday, hr as hour, coalesce(c.held, 0)::float8 as held, coalesce(c.available, 0)::float8 as available
    from generate_series(1, 7) d cross join generate_series(0, 23) hr
    left join cells c on c.weekday = d and c.hour = hr
    order by d, hr`);
  return rowsOf(result).map((row) => {
    const held = Number(row.held);
    const available = Number(row.available);
    return {
      weekday: Number(row.weekday),
      hour: Number(row.hour),
      heldHours: held,
      availableHours: available,
      utilisation: available > 0 ? held / available : null,
    };
  });
}

/** The weekday × hour utilisation of the caller's chosen cars over `[from, to)` (local dates). */
export async function heatmap(db: Db, user: SessionUser, input: HeatmapInput, zone: string) {
  const scope = await scopeOf(db, user, input);
  const { start, end } = periodBounds(input.from, input.to, zone);
  return { start, end, rule: heatmapRule, cells: await heatmapCells(db, { start, end, zone, scope }) };
}
