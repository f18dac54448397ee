import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { municipalities, stations, vehicles } from '@/db/schema';
import { recordAudit } from '../audit/record';
import type { SessionUser } from '../auth/queries';
import { assertMayManage, managedBy } from '../auth/scope';
import { AppError, invalidInput, sqlState } from '../errors';
import { fleetFieldTexts } from '../messages/fields-fleet';
import { stationProblems } from './admin-rules';
import type { StationInput, StationUpdateInput } from './admin-schema';
import { municipalityExists } from './queries';

/** The stations of the municipalities the caller manages (the operator: all), with what the form edits. */
export function listManagedStations(db: Db, manager: SessionUser) {
  return db
    .select({
      id: stations.id,
      name: stations.name,
      municipalityId: stations.municipalityId,
      municipalityName: municipalities.name,
      address: stations.address,
      latitude: stations.latitude,
      longitude: stations.longitude,
      chargePoints: stations.chargePoints,
      openingNotes: stations.openingNotes,
      vehicles: sql<number>`(select count(*)::int from ${vehicles}
        where ${vehicles.homeStationId} = ${stations.id} and ${vehicles.status} <> 'retired')`,
    })
    .from(stations)
    .innerJoin(municipalities, eq(municipalities.id, stations.municipalityId))
    .where(managedBy(manager, stations.municipalityId))
    .orderBy(asc(municipalities.name), asc(stations.name));
}

/** The municipalities the caller manages (the operator: all): whose cars and stations they may make. */
export function listManagedMunicipalities(db: Db, manager: SessionUser) {
  return db
    .select({ id: municipalities.id, name: municipalities.name })
    .from(municipalities)
    .where(managedBy(manager, municipalities.id))
    .orderBy(asc(municipalities.name));
}

async function checkedValues(db: Db, input: StationInput) {
  const problems = stationProblems(input);
  if (!(await municipalityExists(db, input.municipalityId)))
    problems.municipalityId = [fleetFieldTexts().municipalityNotFound];
  if (Object.keys(problems).length > 0) throw invalidInput(problems);
  return {
    name: input.name,
    municipalityId: input.municipalityId,
    address: input.address || null,
    latitude: input.latitude,
    longitude: input.longitude,
    chargePoints: input.chargePoints,
    openingNotes: input.openingNotes || null,
  };
}

/** A station's name is unique within its municipality (stations_municipality_name_key). */
async function nameChecked<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (sqlState(error) === '23505') throw invalidInput({ name: [fleetFieldTexts().stationNameTaken] });
    throw error;
  }
}

export async function createStation(db: Db, manager: SessionUser, input: StationInput) {
  assertMayManage(manager, input.municipalityId);
  const values = await checkedValues(db, input);
  return nameChecked(() =>
    db.transaction(async (tx) => {
      const [row] = await tx.insert(stations).values(values).returning();
      if (!row) throw new Error('station insert returned no row');
      await recordAudit(tx, manager, {
        action: 'station.create',
        objectType: 'station',
        objectId: row.id,
        municipalityId: row.municipalityId,
        after: row,
      });
      return row;
    }),
  );
}

/** Changes a station; moving it to another municipality needs the right to manage both. */
export async function updateStation(db: Db, manager: SessionUser, input: StationUpdateInput) {
  const [before] = await db.select().from(stations).where(eq(stations.id, input.id));
  if (!before) throw new AppError('STATION_NOT_FOUND');
  assertMayManage(manager, before.municipalityId);
  assertMayManage(manager, input.municipalityId);
  const values = await checkedValues(db, input);
  return nameChecked(() =>
    db.transaction(async (tx) => {
      const [row] = await tx.update(stations).set(values).where(eq(stations.id, before.id)).returning();
      if (!row) throw new AppError('STATION_NOT_FOUND');
      await recordAudit(tx, manager, {
        action: 'station.update',
        objectType: 'station',
        objectId: row.id,
        municipalityId: row.municipalityId,
        before,
        after: row,
      });
      return row;
    }),
  );
}
