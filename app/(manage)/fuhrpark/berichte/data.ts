'use client';
import { useQuery } from '@tanstack/react-query';
import type { Me } from '../../../lib/signed-in';
import { useTRPC } from '../../../lib/trpc';
import type { Period } from './period';

/** Whether the caller may see this municipality's stations and cars one by one (scope.ts's rule). */
export const mayDrill = (me: Me, municipalityId: string) =>
  me.role === 'operator' || (me.role === 'fleet_manager' && me.municipalityId === municipalityId);

/** Names for the ids the figures are keyed by: municipalities and stations, and the cars the caller manages. */
export function useNames() {
  const trpc = useTRPC();
  const stations = useQuery(trpc.stations.list.queryOptions());
  const vehicles = useQuery(trpc.vehicles.managed.queryOptions());
  const municipality = new Map<string, string>();
  const station = new Map<string, { name: string; municipalityId: string }>();
  for (const s of stations.data ?? []) {
    municipality.set(s.municipalityId, s.municipalityName);
    station.set(s.id, { name: s.name, municipalityId: s.municipalityId });
  }
  const vehicle = new Map((vehicles.data ?? []).map((v) => [v.id, v]));
  return { ready: stations.isSuccess && vehicles.isSuccess, municipality, station, vehicle };
}
export type Names = ReturnType<typeof useNames>;

export function useFigures(
  period: Period,
  groupBy: 'region' | 'municipality' | 'station' | 'vehicle' | 'month',
  municipalityId?: string,
  enabled = true,
) {
  const trpc = useTRPC();
  return useQuery(
    trpc.reports.figures.queryOptions(
      { ...period, groupBy, ...(municipalityId ? { municipalityId } : {}) },
      { enabled, retry: false },
    ),
  );
}

export function useHeatmap(
  period: Period,
  scope: { municipalityId?: string; stationId?: string; vehicleId?: string },
) {
  const trpc = useTRPC();
  return useQuery(trpc.reports.heatmap.queryOptions({ ...period, ...scope }, { retry: false }));
}
