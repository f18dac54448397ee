import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { FigureQuery } from './queries';
import { figureRow, figureSums, groupKey, periodLength } from './rollups';

const hours = (range: ReturnType<typeof sql>) =>
  sql`coalesce(extract(epoch from upper(${range}) - lower(${range})) / 3600, 0)`;

/**
 * The same figures as `vehicleFigures`, straight from the raw rows in one statement (one row per
 * car and month slice of the period; every clip a tstzrange intersection): the recomputation the
 * roll-ups are proven against, and the bare SQL the bench compares them with.
 */
export async function rawVehicleFigures(db: Db, q: FigureQuery) {
  const tz = q.zone;
  const result = await db.execute(sql`
    with slices as (
      select m::date as month,
        tstzrange(greatest(${q.start}::timestamptz, m at time zone ${tz}),
                  least(${q.end}::timestamptz, (m + interval '1 month') at time zone ${tz}), '[)') as slice
      from generate_series(0, ${periodLength(q).months - 1}::int) as i
      cross join lateral (select date_trunc('month', ${q.from}::date::timestamp) + make_interval(months => i) as m) as months
    ),
    service as (
      select distinct on (vehicle_id) vehicle_id, commissioned_on, retired_on,
        tstzrange(commissioned_on::timestamp at time zone ${tz}, retired_on::timestamp at time zone ${tz}, '[)') as span
      from vehicle_cost_rates order by vehicle_id, valid_from desc
    ),
    base as (
      select v.id as vehicle_id, v.owner_municipality_id as municipality_id, v.home_station_id as station_id,
        v.powertrain::text as powertrain, s.month, s.slice,
        s.slice * coalesce(sv.span, '(,)'::tstzrange) as on_duty, sv.commissioned_on, sv.retired_on
      from vehicles v cross join slices s left join service sv on sv.vehicle_id = v.id
      where ${q.municipalityId}::uuid is null or v.owner_municipality_id = ${q.municipalityId}::uuid
    ),
    per_slice as (
      select b.*,
        ${hours(sql`b.on_duty`)} - coalesce((select sum(${hours(sql`k.period * b.on_duty`)}) from vehicle_blocks k
          where k.vehicle_id = b.vehicle_id and k.cancelled_at is null and k.period && b.on_duty), 0) as available_hours,
        coalesce((select sum(${hours(sql`x.period * b.slice`)}) from bookings x
          where x.vehicle_id = b.vehicle_id and x.status <> 'cancelled' and x.period && b.slice), 0) as held_hours,
        coalesce((select sum(${hours(sql`i.period * b.slice`)}) from trip_ignitions i
          join trips it on it.id = i.trip_id join bookings ib on ib.id = it.booking_id
          where ib.vehicle_id = b.vehicle_id and i.period && b.slice), 0) as ignition_hours,
        t.km, t.energy_kwh, t.charged_kwh, t.fuel_litres, t.variable_cost, t.co2_saved_kg,
        c.bookings, c.trips, c.no_shows, c.cancellations,
        coalesce((select sum((r.leasing_monthly + r.insurance_monthly + r.tax_monthly + r.box_fee_monthly + r.other_monthly)
            / extract(day from date_trunc('month', d) + interval '1 month' - interval '1 day'))
          from generate_series((lower(b.slice) at time zone ${tz})::date, (upper(b.slice) at time zone ${tz})::date - 1, interval '1 day') as d
          cross join lateral (select * from vehicle_cost_rates r where r.vehicle_id = b.vehicle_id and r.valid_from <= d::date
            order by r.valid_from desc limit 1) r
          where d::date >= b.commissioned_on and (b.retired_on is null or d::date < b.retired_on)), 0) as fixed_cost
      from base b
      cross join lateral (
        select coalesce(sum(tr.odometer_end - tr.odometer_start) / 10.0, 0) as km,
          coalesce(sum(tr.energy_kwh), 0) as energy_kwh, coalesce(sum(tr.charged_kwh), 0) as charged_kwh,
          coalesce(sum(tr.fuel_litres), 0) as fuel_litres,
          coalesce(sum((tr.odometer_end - tr.odometer_start) / 10.0 * coalesce(rate.per_km, 0)
            + coalesce(tr.energy_kwh, 0) * coalesce(rate.per_kwh, 0)
            + coalesce(tr.fuel_litres, 0) * coalesce(rate.per_litre, 0)), 0) as variable_cost,
          coalesce(sum(case when b.powertrain = 'ev' then (tr.odometer_end - tr.odometer_start) / 10.0
            * (f.reference_g_per_km - f.electricity_g_per_km) / 1000 end), 0) as co2_saved_kg
        from trips tr join bookings bk on bk.id = tr.booking_id
        left join lateral (select per_km, per_kwh, per_litre from vehicle_cost_rates r where r.vehicle_id = b.vehicle_id
          and r.valid_from <= (tr.started_at at time zone ${tz})::date order by r.valid_from desc limit 1) rate on true
        left join lateral (select * from co2_factors f where f.valid_from <= (tr.started_at at time zone ${tz})::date
          order by f.valid_from desc limit 1) f on true
        where bk.vehicle_id = b.vehicle_id and tr.started_at <@ b.slice
      ) t
      cross join lateral (
        select count(*) as bookings, count(tr.id) as trips,
          count(*) filter (where bk.status = 'no_show') as no_shows,
          count(*) filter (where bk.status = 'cancelled') as cancellations
        from bookings bk left join trips tr on tr.booking_id = bk.id
        where bk.vehicle_id = b.vehicle_id and bk.starts_at <@ b.slice
      ) c
    )
    select ${groupKey[q.groupBy]} as key, ${figureSums} from per_slice group by 1 order by 1`);
  return (result as unknown as { rows: Record<string, unknown>[] }).rows.map(figureRow);
}
