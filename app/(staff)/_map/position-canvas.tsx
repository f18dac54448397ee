'use client';
import { useEffect, useRef, useState } from 'react';
import type { MapSettings } from '@/server/http/security-headers';
import { boundsOf, centreOf, loadMapLibrary, type MapLike, type MarkerLike } from './map-library';
import type { Position } from './position-picker';

type Props = {
  settings: MapSettings;
  position: Position | undefined;
  around: readonly Position[];
  onPick: (position: Position) => void;
  markerLabel: (latitude: string, longitude: string) => string;
};

/** Six decimals: about 0.1 m, finer than any station needs and what the form shows. */
const rounded = (degrees: number) => Number(degrees.toFixed(6));
/** An arrow key's step in degrees: about 100 m north–south, 70 m east–west here; Shift a tenth of it. */
const STEP = 0.001;
const MOVES: Record<string, [number, number]> = {
  ArrowUp: [1, 0],
  ArrowDown: [-1, 0],
  ArrowRight: [0, 1],
  ArrowLeft: [0, -1],
};

/** The position picker's map itself, loaded on demand by position-picker.tsx. */
export default function PositionCanvas({ settings, position, around, onPick, markerLabel }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const parts = useRef<{
    map: MapLike;
    marker: MarkerLike;
    button: HTMLButtonElement;
    shown: boolean;
  } | null>(null);
  const [ready, setReady] = useState(false);
  const pick = useRef(onPick);
  pick.current = onPick;
  // Read when the map opens, not followed: typed positions move the marker, not a new map.
  const start = useRef({ position, around });
  const latest = useRef(position);
  latest.current = position;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let cancelled = false;
    loadMapLibrary(settings).then(({ library, style }) => {
      if (cancelled) return;
      const { position: at, around: others } = start.current;
      const map = new library.Map({
        container: element,
        style,
        center: at ? [at.longitude, at.latitude] : others.length ? centreOf(others) : [0, 0],
        zoom: at ? 14 : others.length ? 10 : 1,
        attributionControl: false,
      });
      if (!at && others.length > 0) map.fitBounds(boundsOf(others), { padding: 40, duration: 0 });
      const button = document.createElement('button');
      button.type = 'button';
      // mapbox-gl makes a marker without a role an image (role="img"), which hides the button from screen readers.
      button.setAttribute('role', 'button');
      button.className = 'map-marker map-position';
      button.addEventListener('keydown', (event) => {
        const move = MOVES[event.key];
        const from = latest.current;
        if (!move || !from) return;
        // The map pans on arrow keys too: this key is the marker's.
        event.preventDefault();
        event.stopPropagation();
        const step = event.shiftKey ? STEP / 10 : STEP;
        pick.current({
          latitude: rounded(Math.max(-90, Math.min(90, from.latitude + move[0] * step))),
          longitude: rounded(Math.max(-180, Math.min(180, from.longitude + move[1] * step))),
        });
      });
      const marker = new library.Marker({ element: button });
      map.on('click', ({ lngLat }) =>
        pick.current({ latitude: rounded(lngLat.lat), longitude: rounded(lngLat.lng) }),
      );
      parts.current = { map, marker, button, shown: false };
      setReady(true);
    });
    return () => {
      cancelled = true;
      parts.current?.map.remove();
      parts.current = null;
      setReady(false);
    };
  }, [settings]);

  const latitude = position?.latitude;
  const longitude = position?.longitude;
  useEffect(() => {
    const current = parts.current;
    if (!ready || !current) return;
    if (latitude === undefined || longitude === undefined) {
      current.marker.remove();
      current.shown = false;
      return;
    }
    const at: [number, number] = [longitude, latitude];
    current.button.setAttribute('aria-label', markerLabel(String(latitude), String(longitude)));
    current.marker.setLngLat(at);
    // Added once: adding again takes the element out of the page and the focus off the marker.
    if (!current.shown) current.marker.addTo(current.map);
    current.shown = true;
    if (!current.map.getBounds().contains(at)) current.map.setCenter(at);
  }, [ready, latitude, longitude, markerLabel]);

  return <div ref={container} className="map-canvas" data-testid="position-map" />;
}
