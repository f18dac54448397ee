import { and, asc, eq, gte, ne, type SQL, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { municipalities, stations, vehicles } from '@/db/schema';
import type { SessionUser } from '../auth/queries';
import { managedBy } from '../auth/scope';
import { isVehicleFree } from '../bookings/queries';
import type { TimeRange } from '../bookings/rules';
import type { SearchVehiclesInput } from './schema';

/** The state of charge the car's box reported last (255 is the protocol's "unknown"). */
const lastSoc = sql<number | null>`(
  select r.soc from box_records r join boxes b on b.id = r.box_id
  where b.vehicle_id = ${vehicles.id} and r.soc <> 255
  order by r.epoch desc, r.seq desc limit 1
)`;

const vehicleColumns = {
  id: vehicles.id,
  plate: vehicles.plate,
  make: vehicles.make,
  model: vehicles.model,
  powertrain: vehicles.powertrain,
  seats: vehicles.seats,
  batteryKwh: vehicles.batteryKwh,
  rangeKm: vehicles.rangeKm,
  socPercent: lastSoc,
  turnaroundBufferMinutes: vehicles.turnaroundBufferMinutes,
  ownerMunicipalityId: vehicles.ownerMunicipalityId,
  ownerName: municipalities.name,
  ownerGenitive: municipalities.nameGenitive,
  ownerDative: municipalities.nameDative,
  station: {
    id: stations.id,
    name: stations.name,
    address: stations.address,
    latitude: stations.latitude,
    longitude: stations.longitude,
  },
};

/**
 * The car serves the whole window: in service, or retired only after the window ends, and
 * commissioned by its start (admin-rules.ts `servesWindow` for a car in hand).
 */
export function inServiceOver(window: TimeRange): SQL {
  return sql`((${vehicles.status} = 'in_service' or (${vehicles.status} = 'retired'
      and ${vehicles.retiredAt} >= ${window.end.toISOString()}::timestamptz))
    and (${vehicles.commissionedAt} is null or ${vehicles.commissionedAt} <= ${window.start.toISOString()}::timestamptz))`;
}

function filterConditions(filter: Omit<SearchVehiclesInput, 'from' | 'to'>): SQL[] {
  const conditions: SQL[] = [ne(vehicles.status, 'out_of_service')];
  if (filter.minSeats) conditions.push(gte(vehicles.seats, filter.minSeats));
  if (filter.powertrain) conditions.push(eq(vehicles.powertrain, filter.powertrain));
  return conditions;
}

/** The station or municipality asked about, as a condition; undefined: anywhere. */
function placeCondition(filter: Omit<SearchVehiclesInput, 'from' | 'to'>): SQL | undefined {
  if (filter.stationId) return eq(vehicles.homeStationId, filter.stationId);
  if (filter.municipalityId) return eq(stations.municipalityId, filter.municipalityId);
  return undefined;
}

/** Cars in service that are free over the whole window, their buffers counted as the database does. */
export function findFreeVehicles(
  db: Db,
  filter: Omit<SearchVehiclesInput, 'from' | 'to'>,
  window: TimeRange,
) {
  return db
    .select(vehicleColumns)
    .from(vehicles)
    .innerJoin(stations, eq(stations.id, vehicles.homeStationId))
    .innerJoin(municipalities, eq(municipalities.id, vehicles.ownerMunicipalityId))
    .where(
      and(
        ...filterConditions(filter),
        placeCondition(filter),
        inServiceOver(window),
        isVehicleFree(vehicles, window),
      ),
    );
}

/**
 * The alternatives to an empty search, in one statement: cars elsewhere free at the asked time,
 * and cars at the asked place free at each shifted window. Each row says which of the two it is.
 */
export async function findAlternatives(
  db: Db,
  filter: Omit<SearchVehiclesInput, 'from' | 'to'>,
  window: TimeRange,
  shifted: TimeRange[],
) {
  const here = placeCondition(filter) ?? sql`false`;
  const freeAt = sql<boolean[]>`case when ${here}
    then array[${sql.join(
      shifted.map((w) => sql`${inServiceOver(w)} and ${isVehicleFree(vehicles, w)}`),
      sql`, `,
    )}]::boolean[]
    else array[${inServiceOver(window)} and ${isVehicleFree(vehicles, window)}] end`;
  const rows = await db
    .select({ ...vehicleColumns, here: sql<boolean>`${here}`, freeAt })
    .from(vehicles)
    .innerJoin(stations, eq(stations.id, vehicles.homeStationId))
    .innerJoin(municipalities, eq(municipalities.id, vehicles.ownerMunicipalityId))
    .where(and(...filterConditions(filter)));
  const strip = ({ here: _here, freeAt: _freeAt, ...vehicle }: (typeof rows)[number]) => vehicle;
  return {
    elsewhere: rows.filter((r) => !r.here && r.freeAt[0]).map(strip),
    shifted: shifted.map((_, i) => rows.filter((r) => r.here && r.freeAt[i]).map(strip)),
  };
}

export const stationExists = async (db: Db, id: string) =>
  (await db.select({ id: stations.id }).from(stations).where(eq(stations.id, id))).length > 0;

export const municipalityExists = async (db: Db, id: string) =>
  (await db.select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.id, id))).length >
  0;

export function listStations(db: Db) {
  return db
    .select({
      id: stations.id,
      name: stations.name,
      address: stations.address,
      latitude: stations.latitude,
      longitude: stations.longitude,
      municipalityId: municipalities.id,
      municipalityName: municipalities.name,
    })
    .from(stations)
    .innerJoin(municipalities, eq(municipalities.id, stations.municipalityId))
    .orderBy(asc(municipalities.name), asc(stations.name));
}

/**
 * A stand-in for a car over a window: in service, at the same station, free (buffers and blocks
 * counted), at least as many seats, and the same powertrain — someone who booked an electric car
 * may have a reason (no fuel card, a climate rule) that a hybrid does not meet. `owner` keeps it
 * to one municipality's cars (a move stays under the policy the booking was made under).
 * `anyPowertrain` asks only whether a car of another class would be free.
 */
export async function findEquivalentVehicle(
  db: Db,
  original: {
    vehicleId: string;
    stationId: string;
    seats: number;
    powertrain: 'ev' | 'phev' | 'ice';
    owner?: string;
  },
  window: TimeRange,
  { anyPowertrain = false }: { anyPowertrain?: boolean } = {},
): Promise<string | null> {
  const [row] = await db
    .select({ id: vehicles.id })
    .from(vehicles)
    .where(
      and(
        eq(vehicles.homeStationId, original.stationId),
        inServiceOver(window),
        ne(vehicles.id, original.vehicleId),
        gte(vehicles.seats, original.seats),
        anyPowertrain ? undefined : eq(vehicles.powertrain, original.powertrain),
        original.owner ? eq(vehicles.ownerMunicipalityId, original.owner) : undefined,
        isVehicleFree(vehicles, window),
      ),
    )
    .orderBy(asc(vehicles.seats), asc(vehicles.plate))
    .limit(1);
  return row?.id ?? null;
}

/** The cars a fleet manager looks after (the operator: all), for forms that pick one. */
export function listManagedVehicles(db: Db, manager: SessionUser) {
  return db
    .select({
      ...vehicleColumns,
      status: vehicles.status,
      commissionedAt: vehicles.commissionedAt,
      retiredAt: vehicles.retiredAt,
      equipment: vehicles.equipment,
      hasPhoto: sql<boolean>`${vehicles.photoKey} is not null`,
    })
    .from(vehicles)
    .innerJoin(stations, eq(stations.id, vehicles.homeStationId))
    .innerJoin(municipalities, eq(municipalities.id, vehicles.ownerMunicipalityId))
    .where(managedBy(manager, vehicles.ownerMunicipalityId))
    .orderBy(asc(stations.name), asc(vehicles.plate));
}
