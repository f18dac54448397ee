import type { Db } from '@/db/client';
import { municipalities, stations, vehicles } from '@/db/schema';

/** Names for the ids in report rows: exports and the CLI are read by people, not by programs only. */
export async function labelsOf(db: Db) {
  const [m, s, v] = await Promise.all([
    db
      .select({ id: municipalities.id, slug: municipalities.slug, name: municipalities.name })
      .from(municipalities),
    db
      .select({ id: stations.id, name: stations.name, municipalityId: stations.municipalityId })
      .from(stations),
    db
      .select({
        id: vehicles.id,
        plate: vehicles.plate,
        stationId: vehicles.homeStationId,
        municipalityId: vehicles.ownerMunicipalityId,
      })
      .from(vehicles),
  ]);
  return {
    municipalities: new Map(m.map((row) => [row.id, row])),
    stations: new Map(s.map((row) => [row.id, row])),
    vehicles: new Map(v.map((row) => [row.id, row])),
  };
}
export type Labels = Awaited<ReturnType<typeof labelsOf>>;
