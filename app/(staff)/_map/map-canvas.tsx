'use client';
import { useEffect, useRef } from 'react';
import type { MapSettings } from '@/server/http/security-headers';
import { boundsOf, centreOf, loadMapLibrary, type MapLike } from './map-library';
import type { MapStation } from './station-map';

type Props = {
  stations: MapStation[];
  settings: MapSettings;
  selectedStationId?: string;
  onSelect: (stationId: string) => void;
  markerLabel: (name: string, free: number) => string;
};

/** The map itself, loaded on demand by station-map.tsx. */
export default function MapCanvas({ stations, settings, selectedStationId, onSelect, markerLabel }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    const element = container.current;
    if (!element || stations.length === 0) return;
    let map: MapLike | undefined;
    let cancelled = false;
    loadMapLibrary(settings).then(({ library, style }) => {
      if (cancelled) return;
      map = new library.Map({
        container: element,
        style,
        center: centreOf(stations),
        zoom: 10,
        attributionControl: false,
      });
      map.fitBounds(boundsOf(stations), { padding: 40, duration: 0 });
      const byMunicipality = new Map<string, MapStation[]>();
      for (const station of stations) {
        byMunicipality.set(station.municipality, [
          ...(byMunicipality.get(station.municipality) ?? []),
          station,
        ]);
        const button = document.createElement('button');
        button.type = 'button';
        // mapbox-gl makes a marker without a role an image (role="img"), which hides the button from screen readers.
        button.setAttribute('role', 'button');
        button.className = 'map-marker';
        button.textContent = `${station.name} · ${station.freeVehicles}`;
        button.setAttribute('aria-label', markerLabel(station.name, station.freeVehicles));
        button.addEventListener('click', () => select.current(station.id));
        buttons.current.set(station.id, button);
        new library.Marker({ element: button }).setLngLat([station.longitude, station.latitude]).addTo(map);
      }
      for (const [municipality, members] of byMunicipality) {
        const name = document.createElement('span');
        name.className = 'map-municipality';
        name.textContent = municipality;
        name.setAttribute('aria-hidden', 'true');
        const [lng, lat] = centreOf(members);
        new library.Marker({ element: name, anchor: 'top' }).setLngLat([lng, lat - 0.01]).addTo(map);
      }
    });
    return () => {
      cancelled = true;
      buttons.current.clear();
      map?.remove();
    };
  }, [settings, stations, markerLabel]);

  useEffect(() => {
    for (const [id, button] of buttons.current)
      button.setAttribute('aria-pressed', String(id === selectedStationId));
  }, [selectedStationId]);

  return <div ref={container} className="map-canvas" data-testid="station-map" />;
}
