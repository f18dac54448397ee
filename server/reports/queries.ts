import { desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { demandMisses, settlementLines, settlementPeriods } from '@/db/schema';
import { type LocalDate, settlementAmount } from './rules';

export const groupings = ['region', 'municipality', 'station', 'vehicle', 'powertrain', 'month'] as const;
export type Grouping = (typeof groupings)[number];

export interface FigureQuery {
  start: Date;
  end: Date;
  from: LocalDate;
  to: LocalDate;
  zone: string;
  groupBy: Grouping;
  /** Only this municipality's cars; null: the whole region. */
  municipalityId: string | null;
}

const groupKey: Record<Grouping, SQL> = {
  region: sql`'region'`,
  municipality: sql`municipality_id::text`,
  station: sql`station_id::text`,
  vehicle: sql`vehicle_id::text`,
  powertrain: sql`powertrain`,
  month: sql`month::text`,
};

const hours = (range: SQL) => sql`coalesce(extract(epoch from upper(${range}) - lower(${range})) / 3600, 0)`;
const num = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));
/** Both drivers (pg, PGlite) answer a raw statement with `{ rows }`. */
const rowsOf = (result: unknown) => (result as { rows: Record<string, unknown>[] }).rows;
const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

/**
 * The figures of product.md ("Figures the reports must get right") for `[start, end)`, in one
 * statement: one row per car and month slice of the period, summed by the grouping. Every clip is
 * a tstzrange intersection; local dates (rates, months, days in service) are taken in `zone`.
 */
export async function vehicleFigures(db: Db, q: FigureQuery) {
  const tz = q.zone;
  const result = await db.execute(sql`
    with slices as (
      select m::date as month,
        tstzrange(greatest(${q.start}::timestamptz, m at time zone ${tz}),
                  least(${q.end}::timestamptz, (m + interval '1 month') at time zone ${tz}), '[)') as slice
      from generate_series(date_trunc('month', ${q.from}::date::timestamp),
                           (${q.to}::date - 1)::timestamp, interval '1 month') as m
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
        coalesce((select sum(${hours(sql`tstzrange(o.at, greatest(o.at, o.next_at), '[)') * b.slice`)}) from (
            select c.event, c.at, lead(c.at) over w as next_at, lead(c.event) over w as next_event from (
              select r.box_id, r.seq, r.event, r.at, lag(r.event) over (partition by r.box_id order by r.seq) as previous
              from box_records r join boxes bx on bx.id = r.box_id
              where bx.vehicle_id = b.vehicle_id and r.event in (3, 4)
                -- an ignition interval is taken to be shorter than a day
                and r.at >= lower(b.slice) - interval '1 day' and r.at < upper(b.slice) + interval '1 day'
            ) c where c.previous is distinct from c.event
            window w as (partition by c.box_id order by c.seq)
          ) o where o.event = 3 and o.next_event = 4), 0) as ignition_hours,
        t.km, t.energy_kwh, t.charged_kwh, t.variable_cost, t.co2_saved_kg,
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
          coalesce(sum((tr.odometer_end - tr.odometer_start) / 10.0 * coalesce(rate.per_km, 0)
            + coalesce(tr.energy_kwh, 0) * coalesce(rate.per_kwh, 0)), 0) as variable_cost,
          coalesce(sum(case when b.powertrain = 'ev' then (tr.odometer_end - tr.odometer_start) / 10.0
            * (f.reference_g_per_km - f.electricity_g_per_km) / 1000 end), 0) as co2_saved_kg
        from trips tr join bookings bk on bk.id = tr.booking_id
        left join lateral (select per_km, per_kwh from vehicle_cost_rates r where r.vehicle_id = b.vehicle_id
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
    select ${groupKey[q.groupBy]} as key,
      sum(available_hours)::float8 as available_hours, sum(held_hours)::float8 as held_hours,
      sum(ignition_hours)::float8 as ignition_hours, sum(km)::float8 as km,
      sum(energy_kwh)::float8 as energy_kwh, sum(charged_kwh)::float8 as charged_kwh,
      sum(bookings)::int as bookings, sum(trips)::int as trips, sum(no_shows)::int as no_shows,
      sum(cancellations)::int as cancellations,
      round(sum(fixed_cost), 2)::float8 as fixed_cost, round(sum(variable_cost), 2)::float8 as variable_cost,
      sum(co2_saved_kg)::float8 as co2_saved_kg
    from per_slice group by 1 order by 1`);
  return rowsOf(result).map((row) => {
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
  });
}

/** Per station: the most bookings held at once inside the period, and the searches that found no car. */
export async function stationFigures(db: Db, q: Pick<FigureQuery, 'start' | 'end' | 'municipalityId'>) {
  const result = await db.execute(sql`
    with edges as (
      select v.home_station_id as station_id, greatest(lower(b.period), ${q.start}::timestamptz) as at, 1 as step
      from bookings b join vehicles v on v.id = b.vehicle_id
      where b.status <> 'cancelled' and b.period && tstzrange(${q.start}::timestamptz, ${q.end}::timestamptz, '[)')
      union all
      select v.home_station_id, least(upper(b.period), ${q.end}::timestamptz), -1
      from bookings b join vehicles v on v.id = b.vehicle_id
      where b.status <> 'cancelled' and b.period && tstzrange(${q.start}::timestamptz, ${q.end}::timestamptz, '[)')
    ),
    running as (
      -- ends before starts at the same instant: touching bookings are not concurrent
      select station_id, sum(step) over (partition by station_id order by at, step rows unbounded preceding) as held
      from edges
    ),
    peaks as (select station_id, max(held) as peak from running group by station_id),
    misses as (
      select station_id, sum(count) as misses from demand_misses
      where hour >= ${q.start}::timestamptz and hour < ${q.end}::timestamptz group by station_id
    )
    select s.id as station_id, s.municipality_id, coalesce(p.peak, 0)::int as peak, coalesce(m.misses, 0)::int as misses
    from stations s left join peaks p on p.station_id = s.id left join misses m on m.station_id = s.id
    where ${q.municipalityId}::uuid is null or s.municipality_id = ${q.municipalityId}::uuid
    order by s.id`);
  return rowsOf(result).map((row) => ({
    stationId: String(row.station_id),
    municipalityId: String(row.municipality_id),
    peakConcurrentBookings: num(row.peak),
    unmetSearches: num(row.misses),
  }));
}

/** One more search that found no free car at this station for this hour (no person kept). */
export async function recordDemandMiss(db: Db, stationId: string, requestedStart: Date) {
  const hour = new Date(Math.floor(requestedStart.getTime() / 3_600_000) * 3_600_000);
  await db
    .insert(demandMisses)
    .values({ stationId, hour, count: 1 })
    .onConflictDoUpdate({
      target: [demandMisses.stationId, demandMisses.hour],
      set: { count: sql`${demandMisses.count} + 1` },
    });
}

export interface SettlementLine {
  bookingId: string;
  kind: 'charge' | 'correction';
  driverMunicipalityId: string;
  ownerMunicipalityId: string;
  hours: number;
  km: number;
  amount: number;
  /**
   * Present (true) only on a line whose owner had no tariff valid at booking start: its amount is
   * 0 for want of a rate, not by rule. Lines that have a tariff carry no flag.
   */
  tariffMissing?: true;
}

/**
 * What each cross-municipal booking is worth now: the whole held hours × the owner's hourly rate
 * + trip km × km rate, at the tariff valid on the local date of booking start; a no-show pays
 * hours only, a cancellation nothing, own staff on own cars nothing.
 */
export async function liveCharges(db: Db, zone: string, which: SQL): Promise<SettlementLine[]> {
  const result = await db.execute(sql`
    select b.id as booking_id, b.driver_municipality_id as driver, v.owner_municipality_id as owner,
      extract(epoch from b.ends_at - b.starts_at) / 3600 as hours, b.status = 'no_show' as no_show,
      case when b.status = 'no_show' then 0 else coalesce((t.odometer_end - t.odometer_start) / 10.0, 0) end as km,
      coalesce(tf.per_hour, 0) as per_hour, coalesce(tf.per_km, 0) as per_km, tf.per_hour is null as tariff_missing
    from bookings b join vehicles v on v.id = b.vehicle_id
    left join trips t on t.booking_id = b.id
    left join lateral (select per_hour, per_km from municipality_tariffs m
      where m.municipality_id = v.owner_municipality_id and m.valid_from <= (b.starts_at at time zone ${zone})::date
      order by m.valid_from desc limit 1) tf on true
    where b.status <> 'cancelled' and b.driver_municipality_id is not null
      and b.driver_municipality_id <> v.owner_municipality_id and ${which}
    order by b.starts_at, b.id`);
  return rowsOf(result).map((row) => {
    const hoursHeld = num(row.hours);
    const km = num(row.km);
    return {
      bookingId: String(row.booking_id),
      kind: 'charge' as const,
      driverMunicipalityId: String(row.driver),
      ownerMunicipalityId: String(row.owner),
      hours: hoursHeld,
      km,
      amount: settlementAmount(
        { hours: hoursHeld, km, noShow: row.no_show === true },
        { perHour: num(row.per_hour), perKm: num(row.per_km) },
      ),
      ...(row.tariff_missing === true ? { tariffMissing: true as const } : {}),
    };
  });
}

export const bookingsStartingIn = (start: Date, end: Date) =>
  sql`b.starts_at >= ${start}::timestamptz and b.starts_at < ${end}::timestamptz`;
export const bookingsAmong = (ids: readonly string[]) =>
  ids.length === 0
    ? sql`false`
    : sql`b.id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`;

export const findPeriod = async (db: Db, month: LocalDate) =>
  (await db.select().from(settlementPeriods).where(eq(settlementPeriods.month, month)))[0] ?? null;

export const lastFrozenPeriod = async (db: Db) =>
  (await db.select().from(settlementPeriods).orderBy(desc(settlementPeriods.month)).limit(1))[0] ?? null;

export async function storedLines(db: Db, periodId: string): Promise<SettlementLine[]> {
  return db
    .select({
      bookingId: settlementLines.bookingId,
      kind: settlementLines.kind,
      driverMunicipalityId: settlementLines.driverMunicipalityId,
      ownerMunicipalityId: settlementLines.ownerMunicipalityId,
      hours: settlementLines.hours,
      km: settlementLines.km,
      amount: settlementLines.amount,
    })
    .from(settlementLines)
    .where(eq(settlementLines.periodId, periodId));
}

/** What has been settled so far per booking of months already frozen, summed over charge and corrections. */
export async function settledSoFar(db: Db) {
  const result = await db.execute(sql`
    select booking_id, driver_municipality_id, owner_municipality_id,
      sum(hours)::float8 as hours, sum(km)::float8 as km, sum(amount)::float8 as amount
    from settlement_lines group by booking_id, driver_municipality_id, owner_municipality_id`);
  return rowsOf(result).map((row) => ({
    bookingId: String(row.booking_id),
    driverMunicipalityId: String(row.driver_municipality_id),
    ownerMunicipalityId: String(row.owner_municipality_id),
    hours: num(row.hours),
    km: num(row.km),
    amount: num(row.amount),
  }));
}

export async function insertFrozen(
  db: Db,
  month: LocalDate,
  frozenBy: string,
  lines: readonly SettlementLine[],
) {
  return db.transaction(async (tx) => {
    const [period] = await tx.insert(settlementPeriods).values({ month, frozenBy }).returning();
    if (!period) throw new Error('no settlement period');
    if (lines.length > 0)
      await tx
        .insert(settlementLines)
        .values(lines.map(({ tariffMissing: _, ...line }) => ({ ...line, periodId: period.id })));
    return period;
  });
}
