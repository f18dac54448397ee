import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { type FigureQuery, type Grouping, num, rowsOf } from './queries';

export const groupKey: Record<Grouping, SQL> = {
  region: sql`'region'`,
  municipality: sql`municipality_id::text`,
  station: sql`station_id::text`,
  vehicle: sql`vehicle_id::text`,
  powertrain: sql`powertrain`,
  month: sql`month::text`,
};

/**
 * Makes the database cut its roll-ups by `zone` (the settings' report zone). Cheap when it already
 * does; a different zone, or a bulk load that deferred them, rebuilds them all in one
 * transaction (migration rollups).
 */
export async function ensureRollupZone(db: Db, zone: string) {
  const [row] = rowsOf(await db.execute(sql`select zone, stale from rollup_zone`));
  if (row?.zone !== zone) await db.execute(sql`select rollups_set_zone(${zone})`);
  else if (row?.stale === true) await rebuildRollups(db);
}

/** Every roll-up recomputed from the raw rows: after a bulk load, or to repair by hand. */
export async function rebuildRollups(db: Db) {
  await db.execute(sql`select rollups_rebuild()`);
}

/** The statement's per-key sums, named alike by the roll-up query and the raw one. */
export const figureSums = sql`sum(available_hours)::float8 as available_hours, sum(held_hours)::float8 as held_hours,
  sum(ignition_hours)::float8 as ignition_hours, sum(km)::float8 as km,
  sum(energy_kwh)::float8 as energy_kwh, sum(charged_kwh)::float8 as charged_kwh,
  sum(fuel_litres)::float8 as fuel_litres,
  sum(bookings)::int as bookings, sum(trips)::int as trips, sum(no_shows)::int as no_shows,
  sum(cancellations)::int as cancellations,
  round(sum(fixed_cost), 2)::float8 as fixed_cost, round(sum(variable_cost), 2)::float8 as variable_cost,
  sum(co2_saved_kg)::float8 as co2_saved_kg`;

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;
const monthNumber = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7));

/**
 * How many days and calendar months `[from, to)` touches: the series are made over integers from
 * these, so the planner knows their length (a date series it guesses at 1000 rows, and the cost
 * of that guess alone switched on JIT compilation, seconds on a small table).
 */
export function periodLength(q: Pick<FigureQuery, 'from' | 'to'>) {
  const days = dayNumber(q.to) - dayNumber(q.from);
  const last = new Date((dayNumber(q.to) - 1) * 86_400_000).toISOString().slice(0, 10);
  return { days, months: monthNumber(last) - monthNumber(q.from) + 1 };
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

/** One row of figures as `figures()` returns it, from a row of sums. */
export function figureRow(row: Record<string, unknown>) {
  const held = num(row.held_hours);
  const available = num(row.available_hours);
  const km = num(row.km);
  const bookingsCount = num(row.bookings);
  const cancellations = num(row.cancellations);
  const costs = Math.round((num(row.fixed_cost) + num(row.variable_cost)) * 100) / 100;
  return {
    key: String(row.key),
    heldHours: held,
    availableHours: available,
    timeUtilisation: ratio(held, available),
    ignitionHours: num(row.ignition_hours),
    drivingUtilisation: ratio(num(row.ignition_hours), available),
    km,
    energyKwh: num(row.energy_kwh),
    chargedKwh: num(row.charged_kwh),
    fuelLitres: num(row.fuel_litres),
    bookings: bookingsCount,
    trips: num(row.trips),
    noShows: num(row.no_shows),
    cancellations,
    noShowRate: ratio(num(row.no_shows), bookingsCount - cancellations),
    cancellationRate: ratio(cancellations, bookingsCount),
    fixedCost: num(row.fixed_cost),
    variableCost: num(row.variable_cost),
    costs,
    costPerKm: ratio(costs, km),
    costPerHeldHour: ratio(costs, held),
    co2SavedKg: num(row.co2_saved_kg),
  };
}

/**
 * The figures of product.md ("Figures the reports must get right") for the local days
 * `[from, to)`, from the daily roll-ups: one row per car and day of the period (the period is
 * whole local days, so a day is in it or not), with that day's rates, service and length joined
 * here — money and CO₂ are never stored. Reads only the period's roll-up rows.
 */
export async function vehicleFigures(db: Db, q: FigureQuery) {
  const tz = q.zone;
  await ensureRollupZone(db, tz);
  const result = await db.execute(sql`
    with days as (
      select ${q.from}::date + i as day from generate_series(0, ${periodLength(q).days - 1}::int) as i
    ),
    -- each rate with the day the next takes over: one join per car-day, no lookup per row
    rates as (
      select r.*, lead(r.valid_from) over (partition by r.vehicle_id order by r.valid_from) as valid_to
      from vehicle_cost_rates r
    ),
    factors as (
      select c.*, lead(c.valid_from) over (order by c.valid_from) as valid_to from co2_factors c
    ),
    service as (
      select distinct on (vehicle_id) vehicle_id, commissioned_on, retired_on
      from vehicle_cost_rates order by vehicle_id, valid_from desc
    ),
    per_day as (
      select v.id as vehicle_id, v.owner_municipality_id as municipality_id, v.home_station_id as station_id,
        v.powertrain::text as powertrain, date_trunc('month', d.day)::date as month,
        -- without cost rates a car counts as in service all along (it has no commissioning date)
        case when sv.vehicle_id is null or (d.day >= sv.commissioned_on and (sv.retired_on is null or d.day < sv.retired_on))
          then (extract(epoch from ((d.day + 1)::timestamp at time zone ${tz}) - (d.day::timestamp at time zone ${tz}))
            - coalesce(f.blocked_seconds, 0)) / 3600 else 0 end as available_hours,
        coalesce(f.held_seconds, 0) / 3600 as held_hours, coalesce(f.ignition_seconds, 0) / 3600 as ignition_hours,
        coalesce(f.km, 0) as km, coalesce(f.energy_kwh, 0) as energy_kwh, coalesce(f.charged_kwh, 0) as charged_kwh,
        coalesce(f.fuel_litres, 0) as fuel_litres, coalesce(f.bookings, 0) as bookings, coalesce(f.trips, 0) as trips,
        coalesce(f.no_shows, 0) as no_shows, coalesce(f.cancellations, 0) as cancellations,
        case when d.day >= sv.commissioned_on and (sv.retired_on is null or d.day < sv.retired_on)
          then coalesce((r.leasing_monthly + r.insurance_monthly + r.tax_monthly + r.box_fee_monthly + r.other_monthly)
            / extract(day from date_trunc('month', d.day) + interval '1 month' - interval '1 day'), 0) else 0 end as fixed_cost,
        coalesce(f.km * coalesce(r.per_km, 0) + f.energy_kwh * coalesce(r.per_kwh, 0)
          + f.fuel_litres * coalesce(r.per_litre, 0), 0) as variable_cost,
        case when v.powertrain = 'ev' then coalesce(f.km * (c.reference_g_per_km - c.electricity_g_per_km) / 1000, 0)
          else 0 end as co2_saved_kg
      from vehicles v cross join days d
      left join service sv on sv.vehicle_id = v.id
      -- the bounds spelled out, so the day index reads the period's rows only (flat in history)
      left join (select * from vehicle_day_figures where day >= ${q.from}::date and day < ${q.to}::date) f
        on f.vehicle_id = v.id and f.day = d.day
      left join rates r on r.vehicle_id = v.id and d.day >= r.valid_from and (r.valid_to is null or d.day < r.valid_to)
      left join factors c on d.day >= c.valid_from and (c.valid_to is null or d.day < c.valid_to)
      where ${q.municipalityId}::uuid is null or v.owner_municipality_id = ${q.municipalityId}::uuid
    )
    select ${groupKey[q.groupBy]} as key, ${figureSums} from per_day group by 1 order by 1`);
  return rowsOf(result).map(figureRow);
}
