'use client';
import { useQuery } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { useState } from 'react';
import { useMessages } from '../../lib/i18n';
import { useTRPC } from '../../lib/trpc';

export type MapStation = {
  id: string;
  name: string;
  municipality: string;
  latitude: number;
  longitude: number;
  freeVehicles: number;
};

export type StationMapProps = {
  stations: MapStation[];
  selectedStationId?: string;
  onSelect?: (stationId: string) => void;
  timelineHref?: (stationId: string) => string;
};

// The map library loads only in the browser and after the page: the list below works without it.
const MapCanvas = dynamic(() => import('./map-canvas'), { ssr: false });

/** The mobility islands on a map with their free cars; the list is its text alternative. */
export function StationMap({ stations, selectedStationId, onSelect, timelineHref }: StationMapProps) {
  const t = useMessages();
  const trpc = useTRPC();
  const settings = useQuery(trpc.region.settings.queryOptions());
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const selectedId = selectedStationId ?? chosen;
  const selected = stations.find((station) => station.id === selectedId);
  const select = (stationId: string) => {
    setChosen(stationId);
    onSelect?.(stationId);
  };

  return (
    <section aria-label={t.map.title} className="station-map">
      {settings.data && (
        <MapCanvas
          stations={stations}
          settings={settings.data.map}
          selectedStationId={selectedId}
          onSelect={select}
          markerLabel={t.map.marker}
        />
      )}
      {selected && (
        <p role="status" data-testid="map-selection">
          {t.map.selected(selected.name, selected.municipality)} · {t.map.free(selected.freeVehicles)}
          {timelineHref && (
            <>
              {' · '}
              <a href={timelineHref(selected.id)}>{t.map.timeline}</a>
            </>
          )}
        </p>
      )}
      <ul aria-label={t.map.list}>
        {stations.map((station) => (
          <li key={station.id}>
            {station.name} ({station.municipality}): {t.map.free(station.freeVehicles)}
          </li>
        ))}
      </ul>
    </section>
  );
}
export { stationsOf } from './group';
