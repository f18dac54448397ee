import type { SessionUser } from '@/server/auth/queries';
import type { Raw } from './database';

const MUNICIPALITIES = 6;
const STATIONS_PER_MUNICIPALITY = 4;
const VEHICLES = 200;
const STAFF_PER_MUNICIPALITY = 100;
/** Cars commissioned late (a few days apart, about 100 days before the end): a car entering service mid-month. */
const LATE_CAR = 'n % 50 = 7';
/** How far back every other car is in service: longer than the longest history loaded. */
const COMMISSIONED_DAYS_BACK = 2600;
/** Completed bookings (= trips) per day of history, from the slot rules below: what sizes a stage. */
export const TRIPS_PER_DAY = 488;

/**
 * The report history in set-based SQL: every row of a stage comes from one INSERT … SELECT over
 * generate_series per table, none from a loop. Day d counts back from `end`, a UTC midnight (d = 0:
 * the day before it); each car's day has three 8-hour slots starting 02:00, 10:00 and 18:00 UTC. A slot holds
 * at most one booking (start up to 3 h in, 1–4.5 h long, plus a buffer of at most 30 min), so no
 * two bookings of a car overlap with their buffers and the exclusion constraint and the triggers
 * (migrations 0001–0005, 0008) accept every row as it is inserted. 10 % of slots stay free; a
 * thirtieth of those holds a block. The evening slot runs past midnight (UTC and local).
 * Two integer hashes of (car, day, slot) pick the rest, so every run loads the same rows.
 */
const slotHashes = `
  ((fleet.n * 7919 + d * 104729 + s * 3571) * 2654435761) % 1000003 as h1,
  ((fleet.n * 104723 + d * 7907 + s * 15485863) * 2246822519) % 999983 as h2`;

const slotStart = `$1::timestamptz - (d + 1) * interval '1 day' + interval '2 hours' + s * interval '8 hours'`;

const cars = `
  car as (
    select v.id, v.powertrain::text as powertrain, v.battery_kwh, v.range_km, mu.k as owner_k,
      row_number() over (order by v.plate) - 1 as n
    from vehicles v join (select id, row_number() over (order by slug) - 1 as k from municipalities) mu
      on mu.id = v.owner_municipality_id
  ),
  fleet as (
    select car.*, case when ${LATE_CAR} then 100 + n / 10 else ${COMMISSIONED_DAYS_BACK} end as days_back from car
  )`;

/** Municipalities, stations, cars with their boxes, people, cost rates, tariffs and CO₂ factors. */
export async function loadFleet(raw: Raw, end: Date): Promise<SessionUser> {
  const at = end.toISOString();
  await raw(`
    insert into municipalities (slug, name, name_genitive, name_dative, cost_centre)
    select 'rh-' || m, 'Berichtsgemeinde ' || m, 'der Berichtsgemeinde ' || m, 'der Berichtsgemeinde ' || m,
           'KST-' || (4700 + m)
    from generate_series(1, ${MUNICIPALITIES}) m`);
  await raw(`
    insert into stations (municipality_id, name, address, latitude, longitude, charge_points)
    select mu.id, 'Station ' || s, 'Markt ' || s, 51.2 + mu.k * 0.03 + s * 0.004, 12.5 + s * 0.01, 2
    from (select id, row_number() over (order by slug) as k from municipalities) mu
    cross join generate_series(1, ${STATIONS_PER_MUNICIPALITY}) s`);
  // Powertrains by n % 5: three in five electric, one plug-in hybrid, one combustion car.
  await raw(`
    insert into vehicles (owner_municipality_id, home_station_id, plate, make, model, powertrain, seats,
                          battery_kwh, range_km, turnaround_buffer_minutes)
    select st.municipality_id, st.id, 'RH-' || lpad(n::text, 3, '0'),
      case when n % 5 < 3 then 'VW' when n % 5 = 3 then 'Kia' else 'Skoda' end,
      case when n % 5 < 3 then 'ID.3' when n % 5 = 3 then 'Niro PHEV' else 'Octavia' end,
      (case when n % 5 < 3 then 'ev' when n % 5 = 3 then 'phev' else 'ice' end)::powertrain, 5,
      case when n % 5 < 3 then 58 when n % 5 = 3 then 11 end,
      case when n % 5 < 3 then 420 when n % 5 = 3 then 55 end, (n % 3) * 15
    from generate_series(0, ${VEHICLES - 1}) n
    join (select id, municipality_id, row_number() over (order by municipality_id, name) - 1 as k from stations) st
      on st.k = n % ${MUNICIPALITIES * STATIONS_PER_MUNICIPALITY}`);
  await raw(`
    insert into boxes (id, vehicle_id, ble_address, public_key)
    select gen_random_uuid(), id,
      upper(rtrim(regexp_replace(lpad(to_hex(row_number() over (order by plate)), 12, '0'), '(..)', '\\1:', 'g'), ':')),
      decode(repeat('ab', 32), 'hex')
    from vehicles`);
  await raw(`
    insert into users (name, email, role, municipality_id, licence_check_valid_until)
    select 'Person ' || mu.k || '-' || p, 'p' || mu.k || '-' || lpad(p::text, 3, '0') || '@bericht.example', 'staff',
      mu.id, '2099-01-01'
    from (select id, row_number() over (order by slug) - 1 as k from municipalities) mu
    cross join generate_series(0, ${STAFF_PER_MUNICIPALITY - 1}) p`);
  // Fixed and variable costs, with a change 200 days before the end (late cars: one rate only).
  await raw(
    `with ${cars}
    insert into vehicle_cost_rates (vehicle_id, valid_from, commissioned_on, leasing_monthly, insurance_monthly,
      tax_monthly, box_fee_monthly, other_monthly, per_km, per_kwh, per_litre)
    select f.id, r.valid_from, ($1::timestamptz - f.days_back * interval '1 day')::date,
      case f.powertrain when 'ice' then 290 else 390 end * r.factor, 62 * r.factor,
      case f.powertrain when 'ice' then 14 else 0 end, 9.5, 20 * r.factor,
      case f.powertrain when 'ice' then 0.09 else 0.05 end * r.factor, 0.32 * r.factor,
      case f.powertrain when 'ev' then 0 else 1.79 end * r.factor
    from fleet f cross join lateral (values
      (($1::timestamptz - f.days_back * interval '1 day')::date, 1.0),
      (($1::timestamptz - interval '200 days')::date, 1.08)) r(valid_from, factor)
    where r.valid_from >= ($1::timestamptz - f.days_back * interval '1 day')::date`,
    [at],
  );
  await raw(
    `insert into municipality_tariffs (municipality_id, valid_from, per_hour, per_km)
    select id, r.valid_from, r.per_hour, r.per_km from municipalities cross join (values
      ('2015-01-01'::date, 4.5, 0.25), (($1::timestamptz - interval '300 days')::date, 5.0, 0.28)) r(valid_from, per_hour, per_km)`,
    [at],
  );
  await raw(
    `insert into co2_factors (valid_from, reference_g_per_km, electricity_g_per_km)
    values ('2015-01-01', 152, 75), (($1::timestamptz - interval '400 days')::date, 148, 68)`,
    [at],
  );
  const { rows } = await raw(`
    insert into users (name, email, role, licence_check_valid_until)
    values ('Betrieb', 'betrieb@bericht.example', 'operator', '2099-01-01') returning id, name, email`);
  const row = rows[0];
  if (!row) throw new Error('no operator');
  return {
    id: String(row.id),
    name: String(row.name),
    email: String(row.email),
    role: 'operator',
    municipalityId: null,
    licenceCheckValidUntil: '2099-01-01',
    language: 'de',
  };
}

/**
 * Days `[fromDay, toDay)` back from `end`: bookings (5 % cancelled, 3 % no-shows, one in eight by a
 * driver of another municipality), blocks, a trip per completed booking with its ignition
 * intervals, the box's ignition records inside `boxRecordsIn`, unmet searches. One statement per table; the timings
 * go to `log`, since the row triggers of bookings are part of what a load costs.
 */
export async function loadHistory(
  raw: Raw,
  end: Date,
  days: { from: number; to: number },
  boxRecordsIn: readonly { start: Date; end: Date }[],
  log: (line: string) => void,
) {
  const [fromDay, toDay] = [days.from, days.to];
  // The periods measured, a day wider each side (figures() looks that far for an ignition's ends).
  const windows = `{${boxRecordsIn
    .map(
      (w) =>
        `[${new Date(+w.start - 86_400_000).toISOString()},${new Date(+w.end + 86_400_000).toISOString()})`,
    )
    .join(',')}}`;
  const params = [end.toISOString(), fromDay, toDay];
  const lo = new Date(end.getTime() - toDay * 86_400_000).toISOString();
  const hi = new Date(end.getTime() - fromDay * 86_400_000).toISOString();
  const step = async (name: string, text: string, values: unknown[]) => {
    const start = performance.now();
    // pg answers rowCount, PGlite affectedRows.
    const result = (await raw(text, values)) as { rowCount?: number | null; affectedRows?: number };
    const rows = result.rowCount ?? result.affectedRows ?? 0;
    const seconds = (performance.now() - start) / 1000;
    log(`    ${name.padEnd(14)} ${String(rows).padStart(9)} rows ${seconds.toFixed(1).padStart(7)} s`);
  };
  const slots = `
    slot as (
      select fleet.*, d, s, ${slotHashes}
      from fleet cross join generate_series($2::int, $3::int - 1) d cross join generate_series(0, 2) s
      where d < fleet.days_back
    )`;
  await step(
    'bookings',
    `with ${cars}, ${slots},
    person as (
      select u.id, u.municipality_id, mu.k, row_number() over (partition by u.municipality_id order by u.email) - 1 as p
      from users u join (select id, row_number() over (order by slug) - 1 as k from municipalities) mu
        on mu.id = u.municipality_id where u.role = 'staff'
    ),
    booked as (
      select vehicle_id, starts_at, starts_at + interval '1 hour' + (h1 / 70 % 8) * interval '30 minutes' as ends_at,
        case when h2 % 20 = 1 then 'cancelled' when h2 / 20 % 33 = 2 then 'no_show' else 'completed' end as status,
        case when h2 / 660 % 8 = 3 then (owner_k + 1 + h2 / 5280 % 5) % ${MUNICIPALITIES} else owner_k end as driver_k,
        (h1 + h2) % ${STAFF_PER_MUNICIPALITY} as who
      from (select id as vehicle_id, owner_k, h1, h2,
              ${slotStart} + (h1 / 10 % 7) * interval '30 minutes' as starts_at
            from slot where h1 % 10 <> 0) x
    )
    insert into bookings (vehicle_id, user_id, driver_municipality_id, starts_at, ends_at, status, cancelled_at, purpose)
    select b.vehicle_id, person.id, person.municipality_id, b.starts_at, b.ends_at, b.status,
      case when b.status = 'cancelled' then b.starts_at - interval '2 days' end, 'Dienstfahrt'
    from booked b join person on person.k = b.driver_k and person.p = b.who`,
    params,
  );
  await step(
    'blocks',
    `with ${cars}, ${slots}
    insert into vehicle_blocks (vehicle_id, starts_at, ends_at, kind, reason)
    select id, ${slotStart} + interval '1 hour', ${slotStart} + interval '6 hours', 'maintenance', 'Inspektion'
    from slot where h1 % 10 = 0 and h1 / 560 % 30 = 0`,
    params,
  );
  // A trip per completed booking, 5 min inside it; km 3–47; the odometer advances 50 km per slot of
  // the clock (00/08/16 h UTC), so it only ever counts forward. Two ignition intervals when km % 3 = 0.
  await step(
    'trips',
    `with ${cars},
    done as (
      select b.id, bx.id as box_id, b.starts_at + interval '5 minutes' as started_at,
        b.ends_at - interval '5 minutes' as ended_at, car.powertrain, car.battery_kwh, car.range_km,
        3 + ((extract(epoch from b.starts_at)::bigint / 60 * 2654435761 + car.n * 7919) % 1000003) % 45 as km,
        60 + ((extract(epoch from b.starts_at)::bigint / 60 * 40503 + car.n) % 1009) % 40 as soc_start,
        (extract(epoch from b.starts_at)::bigint - 1420070400) / 28800 * 500 as odometer
      from bookings b join car on car.id = b.vehicle_id join boxes bx on bx.vehicle_id = b.vehicle_id
      where b.status = 'completed' and b.starts_at >= $1 and b.starts_at < $2
    ),
    soc as (
      select done.*, case when powertrain <> 'ice' then greatest(5, soc_start - ceil(km * 100.0 / range_km))::int end as soc_end
      from done
    )
    insert into trips (booking_id, box_id, started_at, ended_at, odometer_start, odometer_end, soc_start, soc_end,
                       ignition_seconds, energy_kwh, charged_kwh, fuel_litres)
    select id, box_id, started_at, ended_at, odometer, odometer + km * 10,
      case when powertrain <> 'ice' then soc_start end, soc_end,
      extract(epoch from (ended_at - started_at) * 0.4 - interval '1 minute')::int
        + case when km % 3 = 0 then extract(epoch from (ended_at - started_at) * 0.35)::int else 0 end,
      case when powertrain <> 'ice' then round((soc_start - soc_end) * battery_kwh / 100, 2) end,
      case when powertrain = 'ev' then case when km % 9 = 0 then 5.5 else 0 end end,
      case powertrain when 'ice' then round(km * 0.065, 2)
        when 'phev' then round(greatest(km - soc_start * range_km / 100.0, 0) * 0.055, 2) end
    from soc`,
    [lo, hi],
  );
  await step(
    'ignitions',
    `insert into trip_ignitions (trip_id, on_at, off_at)
    select t.id,
      case when k = 1 then t.started_at + interval '1 minute' else t.started_at + (t.ended_at - t.started_at) * 0.55 end,
      t.started_at + (t.ended_at - t.started_at) * case when k = 1 then 0.4 else 0.9 end
    from trips t cross join lateral generate_series(1, case when (t.odometer_end - t.odometer_start) / 10 % 3 = 0 then 2 else 1 end) k
    where t.started_at >= $1 and t.started_at < $2`,
    [lo, hi],
  );
  // The box's own log of the same intervals (ignition on 3, off 4): what figures() read before the
  // trips kept their intervals. Only inside the measured periods: the 112-byte unique raw key makes
  // these the dearest rows to load, and a report reads them only there (its scan of a box's records
  // costs a small part of its scan of the trips). seq counts seconds since 2015: it rises with time.
  await step(
    'box records',
    `insert into box_records (box_id, seq, at, event, booking_id, odometer, soc, raw)
    select t.box_id, e.seq, e.at, e.event, t.booking_id, t.odometer_start, coalesce(t.soc_start, 0),
      decode(lpad(replace(t.box_id::text, '-', '') || lpad(to_hex(e.seq), 8, '0'), 224, '0'), 'hex')
    from trip_ignitions i join trips t on t.id = i.trip_id
    cross join lateral (values (i.on_at, 3, extract(epoch from i.on_at)::bigint - 1420070400),
                               (i.off_at, 4, extract(epoch from i.off_at)::bigint - 1420070400)) e(at, event, seq)
    where t.started_at >= $1 and t.started_at < $2 and t.started_at <@ $3::tstzmultirange`,
    [lo, hi, windows],
  );
  await step(
    'demand misses',
    `insert into demand_misses (station_id, hour, count)
    select st.id, $1::timestamptz - (d + 1) * interval '1 day' + interval '7 hours', 1 + (st.k + d) % 3
    from (select id, row_number() over (order by id) as k from stations) st
    cross join generate_series($2::int, $3::int - 1) d where (st.k * 31 + d * 17) % 4 = 0`,
    params,
  );
  await raw('analyze');
}
