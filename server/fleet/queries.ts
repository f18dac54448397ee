import { and, asc, eq, gte, ne, type SQL, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { municipalities, stations, vehicles } from '@/db/schema';
import { isVehicleFree } from '../bookings/queries';
import type { TimeRange } from '../bookings/rules';
import type { SearchVehiclesInput } from './schema';

/** The state of charge the car's box reported last (255 is the protocol's "unknown"). */
const lastSoc = sql<number | null>`(
  select r.soc from box_records r join boxes b on b.id = r.box_id
  where b.vehicle_id = ${vehicles.id} and r.soc <> 255
  order by r.seq desc limit 1
)`;

export const vehicleColumns = {
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
  station: {
    id: stations.id,
    name: stations.name,
    address: stations.address,
    latitude: stations.latitude,
    longitude: stations.longitude,
  },
};

/** Cars in service that are free over the whole window, their buffers counted as the database does. */
export function findFreeVehicles(
  db: Db,
  filter: Omit<SearchVehiclesInput, 'from' | 'to'>,
  window: TimeRange,
) {
  const conditions: SQL[] = [eq(vehicles.status, 'in_service'), isVehicleFree(vehicles, window)];
  if (filter.stationId) conditions.push(eq(vehicles.homeStationId, filter.stationId));
  if (filter.municipalityId) conditions.push(eq(stations.municipalityId, filter.municipalityId));
  if (filter.minSeats) conditions.push(gte(vehicles.seats, filter.minSeats));
  if (filter.powertrain) conditions.push(eq(vehicles.powertrain, filter.powertrain));
  return db
    .select(vehicleColumns)
    .from(vehicles)
    .innerJoin(stations, eq(stations.id, vehicles.homeStationId))
    .innerJoin(municipalities, eq(municipalities.id, vehicles.ownerMunicipalityId))
    .where(and(...conditions));
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
 * counted), at least as many seats; the same powertrain first, then any.
 */
export async function findEquivalentVehicle(
  db: Db,
  original: { vehicleId: string; stationId: string; seats: number; powertrain: 'ev' | 'phev' | 'ice' },
  window: TimeRange,
): Promise<string | null> {
  const [row] = await db
    .select({ id: vehicles.id })
    .from(vehicles)
    .where(
      and(
        eq(vehicles.homeStationId, original.stationId),
        eq(vehicles.status, 'in_service'),
        ne(vehicles.id, original.vehicleId),
        gte(vehicles.seats, original.seats),
        isVehicleFree(vehicles, window),
      ),
    )
    .orderBy(sql`${vehicles.powertrain} <> ${original.powertrain}`, asc(vehicles.seats), asc(vehicles.plate))
    .limit(1);
  return row?.id ?? null;
}

/** The cars a fleet manager looks after (the operator: all), for forms that pick one. */
export function listManagedVehicles(db: Db, ownMunicipalityId: string | null) {
  return db
    .select({ ...vehicleColumns, status: vehicles.status })
    .from(vehicles)
    .innerJoin(stations, eq(stations.id, vehicles.homeStationId))
    .innerJoin(municipalities, eq(municipalities.id, vehicles.ownerMunicipalityId))
    .where(ownMunicipalityId ? eq(vehicles.ownerMunicipalityId, ownMunicipalityId) : undefined)
    .orderBy(asc(stations.name), asc(vehicles.plate));
}
