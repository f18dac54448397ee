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

export const num = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));
/** Both drivers (pg, PGlite) answer a raw statement with `{ rows }`. */
export const rowsOf = (result: unknown) => (result as { rows: Record<string, unknown>[] }).rows;

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

/** Stores a frozen month and its lines; the caller's transaction keeps them and its audit entry together. */
export async function insertFrozen(
  db: Db,
  month: LocalDate,
  frozenBy: string,
  lines: readonly SettlementLine[],
) {
  const [period] = await db.insert(settlementPeriods).values({ month, frozenBy }).returning();
  if (!period) throw new Error('no settlement period');
  if (lines.length > 0)
    await db
      .insert(settlementLines)
      .values(lines.map(({ tariffMissing: _, ...line }) => ({ ...line, periodId: period.id })));
  return period;
}
