import type { MapStation } from './station-map';

type Found = {
  ownerName: string;
  station: { id: string; name: string; latitude: number; longitude: number };
};

/** The search's free cars counted per station, in the shape the map takes. */
export function stationsOf(vehicles: Found[]): MapStation[] {
  const byId = new Map<string, MapStation>();
  for (const { station, ownerName } of vehicles) {
    const known = byId.get(station.id);
    if (known) known.freeVehicles += 1;
    else byId.set(station.id, { ...station, municipality: ownerName, freeVehicles: 1 });
  }
  return [...byId.values()];
}
