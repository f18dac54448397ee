import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { vehicles } from '@/db/schema';
import type { SessionUser } from '../auth/queries';
import { managedBy } from '../auth/scope';
import { defaultPolicy } from '../bookings/policy';
import { liveBookingStatuses } from '../bookings/rules';

export interface TimelinePlace {
  stationId?: string | undefined;
  municipalityId?: string | undefined;
}

/** The place asked about: its name and owner, and whether its owner lets other municipalities book. */
export async function findTimelinePlace(db: Db, place: TimelinePlace) {
  const result = await db.execute(
    place.stationId
      ? sql`select s.id, s.name, s.municipality_id, coalesce(p.others_may_book, ${defaultPolicy.othersMayBook}) as others_may_book
          from stations s left join booking_policies p on p.municipality_id = s.municipality_id
          where s.id = ${place.stationId}`
      : sql`select m.id, m.name, m.id as municipality_id, coalesce(p.others_may_book, ${defaultPolicy.othersMayBook}) as others_may_book
          from municipalities m left join booking_policies p on p.municipality_id = m.id
          where m.id = ${place.municipalityId ?? null}`,
  );
  const [row] = rowsOf<{ id: string; name: string; municipality_id: string; others_may_book: boolean }>(
    result,
  );
  return row
    ? { id: row.id, name: row.name, municipalityId: row.municipality_id, othersMayBook: row.others_may_book }
    : null;
}

type Row = {
  id: string;
  plate: string;
  make: string;
  model: string;
  seats: number;
  powertrain: 'ev' | 'phev' | 'ice';
  in_service: boolean;
  station_name: string;
  owner_name: string;
  slots: { kind: 'own' | 'booked' | 'blocked'; from: string; to: string; booking_id: string | null }[];
};

/** Both drivers answer `execute` with `{ rows }`; drizzle types it per driver. */
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

const statusList = sql.join(
  liveBookingStatuses.map((status) => sql`${status}`),
  sql`, `,
);

/**
 * The whole view in one statement: the cars at the place the viewer may book (own municipality's,
 * managed, or whose owner lets others book), each with its live bookings and blocks overlapping
 * [from, to). Others' bookings carry no person, no purpose and no id.
 */
export async function timelineRows(db: Db, place: TimelinePlace, viewer: SessionUser, from: Date, to: Date) {
  const range = sql`tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz, '[)')`;
  const where = place.stationId
    ? sql`vehicles.home_station_id = ${place.stationId}`
    : sql`s.municipality_id = ${place.municipalityId ?? null}`;
  const managed = managedBy(viewer, vehicles.ownerMunicipalityId) ?? sql`true`;
  const result = await db.execute(sql`
    select vehicles.id, vehicles.plate, vehicles.make, vehicles.model, vehicles.seats, vehicles.powertrain,
      vehicles.status <> 'out_of_service' as in_service, s.name as station_name, m.name as owner_name,
      coalesce((
        select json_agg(x order by x."from") from (
          select case when b.user_id = ${viewer.id} then 'own' else 'booked' end as kind,
            b.starts_at as "from", b.ends_at as "to",
            case when b.user_id = ${viewer.id} then b.id end as booking_id
          from bookings b
          where b.vehicle_id = vehicles.id and b.status in (${statusList}) and b.period && ${range}
          union all
          select 'blocked', k.starts_at, k.ends_at, null
          from vehicle_blocks k
          where k.vehicle_id = vehicles.id and k.cancelled_at is null and k.period && ${range}
        ) x
      ), '[]'::json) as slots
    from vehicles
    join stations s on s.id = vehicles.home_station_id
    join municipalities m on m.id = vehicles.owner_municipality_id
    left join booking_policies p on p.municipality_id = vehicles.owner_municipality_id
    where ${where} and (vehicles.retired_at is null or vehicles.retired_at > ${from.toISOString()}::timestamptz)
      and (vehicles.owner_municipality_id = ${viewer.municipalityId ?? null}
        or ${managed}
        or coalesce(p.others_may_book, ${defaultPolicy.othersMayBook}))
    order by s.name, vehicles.plate`);
  return rowsOf<Row>(result).map((row) => ({
    id: row.id,
    plate: row.plate,
    make: row.make,
    model: row.model,
    seats: row.seats,
    powertrain: row.powertrain,
    inService: row.in_service,
    stationName: row.station_name,
    ownerName: row.owner_name,
    slots: row.slots.map((slot) => ({
      kind: slot.kind,
      from: new Date(slot.from),
      to: new Date(slot.to),
      bookingId: slot.booking_id,
    })),
  }));
}
