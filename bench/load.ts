import type { SessionUser } from '@/server/auth/queries';
import type { Raw } from './database';

export const MUNICIPALITIES = 10;
export const STATIONS_PER_MUNICIPALITY = 5;
export const CARS_PER_STATION = 20;
export const BOOKINGS_PER_CAR = 200;
export const PEOPLE = 2000;
/** Each car's loaded bookings sit in 6-hour slots from 25 days ago to 25 days ahead. */
const SLOT_HOURS = 6;
const PAST_DAYS = 25;

/**
 * The fleet and its history in bulk SQL (generate_series, INSERT … SELECT): 10 municipalities,
 * 50 stations, 1,000 cars, 2,000 people and 200,000 bookings. Every booking of a car lies in its
 * own 6-hour slot (at most 2.5 h plus a 30-minute buffer, shifted by up to 3 h), so the exclusion
 * constraint and the triggers accept them all — the inserts go through both, as real ones do.
 * Deterministic: the same rows every run, so two runs compare.
 */
export async function loadFleet(raw: Raw, log: (line: string) => void) {
  await raw(`
    insert into municipalities (slug, name, name_genitive, name_dative, cost_centre)
    select 'bench-' || lpad(m::text, 2, '0'), 'Benchgemeinde ' || m, 'der Benchgemeinde ' || m,
           'der Benchgemeinde ' || m, 'KST-' || m
    from generate_series(1, ${MUNICIPALITIES}) m`);
  await raw(`
    insert into stations (municipality_id, name, address, latitude, longitude, charge_points)
    select mu.id, 'Station ' || s, 'Marktplatz ' || s,
           51.20 + (row_number() over (order by mu.slug, s)) * 0.007,
           12.40 + s * 0.05, 2
    from municipalities mu cross join generate_series(1, ${STATIONS_PER_MUNICIPALITY}) s`);
  await raw(`
    insert into vehicles (owner_municipality_id, home_station_id, plate, make, model, powertrain, seats,
                          battery_kwh, range_km, turnaround_buffer_minutes)
    select st.municipality_id, st.id, 'BX-' || lpad(st.n::text, 2, '0') || '-' || lpad(v::text, 2, '0'),
           'VW', case v % 3 when 0 then 'ID.3' when 1 then 'Golf GTE' else 'Polo' end,
           (case v % 3 when 0 then 'ev' when 1 then 'phev' else 'ice' end)::powertrain,
           case when v % 4 = 0 then 7 else 5 end,
           case v % 3 when 0 then 58 when 1 then 13 else null end,
           case v % 3 when 0 then 420 when 1 then 60 else null end,
           (v % 3) * 15
    from (select id, municipality_id, row_number() over (order by name, id) as n from stations) st
    cross join generate_series(1, ${CARS_PER_STATION}) v`);
  await raw(`
    insert into users (name, email, role, municipality_id, licence_check_valid_until)
    select 'Person ' || p, 'person' || p || '@bench.example', 'staff', mu.id, '2099-01-01'
    from generate_series(0, ${PEOPLE - 1}) p
    join (select id, row_number() over (order by slug) - 1 as n from municipalities) mu
      on mu.n = p % ${MUNICIPALITIES}`);
  const cars = MUNICIPALITIES * STATIONS_PER_MUNICIPALITY * CARS_PER_STATION;
  const chunk = 100;
  for (let first = 0; first < cars; first += chunk) {
    await raw(
      `
      with car as (select id, row_number() over (order by plate) - 1 as n from vehicles),
           person as (select id, row_number() over (order by email) - 1 as n from users),
           slot as (
             select car.id as vehicle_id, car.n, k,
                    date_trunc('hour', now()) - interval '${PAST_DAYS} days'
                      + k * interval '${SLOT_HOURS} hours' + (car.n % 4) * interval '1 hour' as starts_at,
                    interval '1 hour' + ((k * 7 + car.n) % 4) * interval '30 minutes' as length
             from car cross join generate_series(0, ${BOOKINGS_PER_CAR - 1}) k
             where car.n >= $1 and car.n < $2
           ),
           booked as (
             select slot.*, slot.starts_at + slot.length as ends_at,
                    case when k % 20 = 0 then 'cancelled'
                         when slot.starts_at + slot.length < now() then
                           case when k % 20 = 1 then 'no_show' else 'completed' end
                         else 'reserved' end as status
             from slot
           )
      insert into bookings (vehicle_id, user_id, starts_at, ends_at, status, cancelled_at, purpose)
      select b.vehicle_id, person.id, b.starts_at, b.ends_at, b.status,
             case when b.status = 'cancelled' then b.starts_at - interval '1 day' end, 'Dienstfahrt'
      from booked b join person on person.n = (b.n * 7 + b.k) % ${PEOPLE}`,
      [first, first + chunk],
    );
    if ((first + chunk) % 500 === 0) log(`  … ${(first + chunk) * BOOKINGS_PER_CAR} bookings`);
  }
  await raw('analyze');
}

/** Fresh people without bookings (the fairness limit counts a person's open bookings). */
export async function makePeople(raw: Raw, count: number, tag: string): Promise<SessionUser[]> {
  const { rows } = await raw(
    `insert into users (name, email, role, municipality_id, licence_check_valid_until)
     select 'Bench ${tag} ' || p, '${tag}-' || p || '@bench.example', 'staff',
            (select id from municipalities order by slug limit 1), '2099-01-01'
     from generate_series(1, $1::int) p
     returning id, name, email, municipality_id`,
    [count],
  );
  return rows.map((row) => ({
    id: String(row.id),
    name: String(row.name),
    email: String(row.email),
    role: 'staff' as const,
    municipalityId: String(row.municipality_id),
    licenceCheckValidUntil: '2099-01-01',
    language: 'de',
  }));
}
