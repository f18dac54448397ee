import { HOUR } from '@/server/bookings/rules';
import type { SearchVehiclesInput } from '@/server/fleet/schema';
import type { Raw } from './database';

export const ALTERNATIVES = 'one station, 7 h: none free → alternatives';

export interface SearchCase {
  name: string;
  input: SearchVehiclesInput;
  /** The statement findFreeVehicles makes for this input, written out by hand for the raw driver. */
  sql: string;
  params: unknown[];
  /** When nothing is free: the one statement findAlternatives makes, also by hand. */
  alternatives?: { sql: string; params: unknown[] };
}

const columns = `v.id, v.plate, v.make, v.model, v.powertrain, v.seats, v.battery_kwh, v.range_km,
  (select r.soc from box_records r join boxes b on b.id = r.box_id
    where b.vehicle_id = v.id and r.soc <> 255 order by r.epoch desc, r.seq desc limit 1) as soc,
  v.turnaround_buffer_minutes, v.owner_municipality_id, m.name as owner_name,
  s.id as station_id, s.name as station_name, s.address, s.latitude, s.longitude`;

const freeBetween = (from: string, to: string) => `
  not exists (
    select 1 from bookings k
    where k.vehicle_id = v.id and k.status in ('pending', 'reserved', 'active', 'completed')
      and booking_blocked_range(k.period, k.buffer_minutes)
          && booking_blocked_range(tstzrange(${from}::timestamptz, ${to}::timestamptz, '[)'), v.turnaround_buffer_minutes)
  ) and not exists (
    select 1 from vehicle_blocks x
    where x.vehicle_id = v.id and x.cancelled_at is null
      and x.period && booking_blocked_range(tstzrange(${from}::timestamptz, ${to}::timestamptz, '[)'), v.turnaround_buffer_minutes)
  )`;
const free = freeBetween('$1', '$2');

function statement(input: SearchVehiclesInput): { sql: string; params: unknown[] } {
  const params: unknown[] = [input.from.toISOString(), input.to.toISOString()];
  const where = [`v.status = 'in_service'`, free];
  const add = (condition: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(condition(`$${params.length}`));
  };
  if (input.stationId) add((n) => `v.home_station_id = ${n}`, input.stationId);
  if (input.municipalityId) add((n) => `s.municipality_id = ${n}`, input.municipalityId);
  if (input.minSeats) add((n) => `v.seats >= ${n}`, input.minSeats);
  if (input.powertrain) add((n) => `v.powertrain = ${n}`, input.powertrain);
  return {
    sql: `select ${columns}
from vehicles v
join stations s on s.id = v.home_station_id
join municipalities m on m.id = v.owner_municipality_id
where ${where.join('\n  and ')}`,
    params,
  };
}

/** Typical searches: a station tomorrow, a municipality with a seat filter, every station for an EV. */
export async function searchCases(raw: Raw, now: Date): Promise<SearchCase[]> {
  const { rows } = await raw(
    `select s.id as station_id, s.municipality_id, s.latitude, s.longitude
     from stations s order by s.name, s.id limit 1`,
  );
  const place = rows[0];
  if (!place) throw new Error('no station loaded');
  const hour = Math.ceil(now.getTime() / HOUR) * HOUR;
  const window = (fromHours: number, hours: number) => ({
    from: new Date(hour + fromHours * HOUR),
    to: new Date(hour + (fromHours + hours) * HOUR),
  });
  const inputs: [string, SearchVehiclesInput][] = [
    ['one station, 2 h tomorrow', { ...window(24, 2), stationId: String(place.station_id) }],
    [
      'one municipality, 2 h in 3 days, ≥ 5 seats',
      { ...window(72 + 8, 2), municipalityId: String(place.municipality_id), minSeats: 5 },
    ],
    [
      'all stations, 2 h in a week, EV, near, 80 km',
      {
        ...window(7 * 24 + 5, 2),
        powertrain: 'ev',
        near: { latitude: Number(place.latitude), longitude: Number(place.longitude) },
        plannedKm: 80,
      },
    ],
    ['all stations, 1 h in 2 weeks, no filter', window(14 * 24 + 9, 1)],
    // Every car is booked every 6 hours, so a 7-hour window finds none at the station and the
    // domain goes on to look for alternatives (other stations, ±1–2 h): six statements, not one.
    [ALTERNATIVES, { ...window(48, 7), stationId: String(place.station_id) }],
  ];
  return inputs.map(([name, input]) => ({
    name,
    input,
    ...statement(input),
    ...(name === ALTERNATIVES ? { alternatives: alternativesStatement(input, now) } : {}),
  }));
}

/** Cars elsewhere free at the window, and here free at each shifted window (±1 h, ±2 h; none in the past). */
function alternativesStatement(input: SearchVehiclesInput, now: Date): { sql: string; params: unknown[] } {
  const params: unknown[] = [input.from.toISOString(), input.to.toISOString(), input.stationId];
  const shifted = [-1, 1, -2, 2]
    .map((hours) => [new Date(+input.from + hours * HOUR), new Date(+input.to + hours * HOUR)] as const)
    .filter(([from]) => from.getTime() >= now.getTime() - 5 * 60_000)
    .map(([from, to]) => {
      params.push(from.toISOString(), to.toISOString());
      return freeBetween(`$${params.length - 1}`, `$${params.length}`);
    });
  const where = [`v.status = 'in_service'`];
  if (input.minSeats) where.push(`v.seats >= ${Number(input.minSeats)}`);
  if (input.powertrain) where.push(`v.powertrain = '${input.powertrain}'`);
  return {
    sql: `select ${columns}, v.home_station_id = $3 as here,
  case when v.home_station_id = $3 then array[${shifted.join(', ')}]::boolean[] else array[${free}] end as free_at
from vehicles v
join stations s on s.id = v.home_station_id
join municipalities m on m.id = v.owner_municipality_id
where ${where.join(' and ')}`,
    params,
  };
}
