import 'maplibre-gl/dist/maplibre-gl.css';
import 'mapbox-gl/dist/mapbox-gl.css';
import './map.css';
import type { MapSettings } from '@/server/http/security-headers';

/**
 * The one way the app opens a map, shared by the search's station map (map-canvas.tsx) and the
 * station form's position picker (position-canvas.tsx): mapbox-gl when a token is configured,
 * otherwise maplibre-gl with the configured open style or, with none, the self-contained offline
 * style. Imported only by those lazily loaded canvases, so neither library nor its CSS is ever in
 * a page's first load.
 */

type LngLat = { lng: number; lat: number };
/** What both libraries share of the API the app uses. */
export type MapLike = {
  fitBounds: (bounds: [[number, number], [number, number]], options: object) => unknown;
  setCenter: (at: [number, number]) => unknown;
  getBounds: () => { contains: (at: [number, number]) => boolean };
  on: (event: 'click', listener: (event: { lngLat: LngLat }) => void) => unknown;
  remove: () => void;
};
export type MarkerLike = {
  setLngLat: (at: [number, number]) => MarkerLike;
  addTo: (map: MapLike) => MarkerLike;
  remove: () => void;
};
export type Library = {
  Map: new (options: object) => MapLike;
  Marker: new (options: { element: HTMLElement; anchor?: string }) => MarkerLike;
};

/** No tiles, no glyphs, no requests: a plain background; stations and municipalities are HTML markers. */
export const offlineStyle = {
  version: 8,
  sources: {},
  layers: [{ id: 'land', type: 'background', paint: { 'background-color': '#e4ecdf' } }],
};

export async function loadMapLibrary(settings: MapSettings): Promise<{ library: Library; style: unknown }> {
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

/** The mean of some positions, as [longitude, latitude]. */
export function centreOf(points: readonly { latitude: number; longitude: number }[]): [number, number] {
  let lng = 0;
  let lat = 0;
  for (const p of points) {
    lng += p.longitude;
    lat += p.latitude;
  }
  return [lng / points.length, lat / points.length];
}

/** The box around some positions with a margin, as fitBounds takes it. */
export function boundsOf(
  points: readonly { latitude: number; longitude: number }[],
  margin = 0.02,
): [[number, number], [number, number]] {
  const lngs = points.map((p) => p.longitude);
  const lats = points.map((p) => p.latitude);
  return [
    [Math.min(...lngs) - margin, Math.min(...lats) - margin],
    [Math.max(...lngs) + margin, Math.max(...lats) + margin],
  ];
}
