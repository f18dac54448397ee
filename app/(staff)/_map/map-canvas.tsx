'use client';
import 'maplibre-gl/dist/maplibre-gl.css';
import 'mapbox-gl/dist/mapbox-gl.css';
import './map.css';
import { useEffect, useRef } from 'react';
import type { MapSettings } from '@/server/http/security-headers';
import type { MapStation } from './station-map';

type Props = {
  stations: MapStation[];
  settings: MapSettings;
  selectedStationId?: string;
  onSelect: (stationId: string) => void;
  markerLabel: (name: string, free: number) => string;
};

/** What both libraries share of the API used here. */
type MapLike = {
  fitBounds: (bounds: [[number, number], [number, number]], options: object) => unknown;
  remove: () => void;
};
type MarkerLike = {
  setLngLat: (at: [number, number]) => MarkerLike;
  addTo: (map: MapLike) => MarkerLike;
  remove: () => void;
};
type Library = {
  Map: new (options: object) => MapLike;
  Marker: new (options: { element: HTMLElement; anchor?: string }) => MarkerLike;
};

/** No tiles, no glyphs, no requests: a plain background; stations and municipalities are HTML markers. */
const offlineStyle = {
  version: 8,
  sources: {},
  layers: [{ id: 'land', type: 'background', paint: { 'background-color': '#e4ecdf' } }],
};

async function load(settings: MapSettings): Promise<{ library: Library; style: unknown }> {
  if (settings.provider === 'mapbox') {
    const mapbox = (await import('mapbox-gl')).default;
    mapbox.accessToken = settings.token;
    return {
      library: mapbox as unknown as Library,
      style: settings.styleUrl ?? 'mapbox://styles/mapbox/streets-v12',
    };
  }
  const maplibre = await import('maplibre-gl');
  // Its worker is not beside the bundled module, where maplibre-gl 6 looks: app/karte/maplibre-worker serves it.
  maplibre.setWorkerUrl('/karte/maplibre-worker');
  return {
    library: maplibre as unknown as Library,
    style: settings.provider === 'maplibre' ? settings.styleUrl : offlineStyle,
  };
}

function centre(stations: MapStation[]): [number, number] {
  let lng = 0;
  let lat = 0;
  for (const s of stations) {
    lng += s.longitude;
    lat += s.latitude;
  }
  return [lng / stations.length, lat / stations.length];
}

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
    load(settings).then(({ library, style }) => {
      if (cancelled) return;
      const lngs = stations.map((s) => s.longitude);
      const lats = stations.map((s) => s.latitude);
      map = new library.Map({
        container: element,
        style,
        center: centre(stations),
        zoom: 10,
        attributionControl: false,
      });
      map.fitBounds(
        [
          [Math.min(...lngs) - 0.02, Math.min(...lats) - 0.02],
          [Math.max(...lngs) + 0.02, Math.max(...lats) + 0.02],
        ],
        { padding: 40, duration: 0 },
      );
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
        const [lng, lat] = centre(members);
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
