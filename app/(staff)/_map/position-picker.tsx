'use client';
import { useQuery } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { useMessages } from '../../lib/i18n';
import { useTRPC } from '../../lib/trpc';

export type Position = { latitude: number; longitude: number };

// The map library loads only in the browser and after the form: the typed coordinates work without it.
const PositionCanvas = dynamic(() => import('./position-canvas'), { ssr: false });

/** A position read from typed text, or none while the text is not a coordinate pair. */
export function positionOf(latitude: number, longitude: number): Position | undefined {
  return Number.isFinite(latitude) &&
    Number.isFinite(longitude) &&
    Math.abs(latitude) <= 90 &&
    Math.abs(longitude) <= 180
    ? { latitude, longitude }
    : undefined;
}

/**
 * The station form's position on the search's map: a click sets it, the arrow keys move its marker
 * (with Shift in finer steps), and typed coordinates move the marker. `around` (the other stations)
 * frames the map while there is no position yet.
 */
export function PositionPicker({
  position,
  around,
  onPick,
}: {
  position: Position | undefined;
  around: readonly Position[];
  onPick: (position: Position) => void;
}) {
  const t = useMessages().map.picker;
  const trpc = useTRPC();
  const settings = useQuery(trpc.region.settings.queryOptions());
  return (
    <section aria-label={t.title} className="position-picker">
      <p className="hint">{t.hint}</p>
      {settings.data && (
        <PositionCanvas
          settings={settings.data.map}
          position={position}
          around={around}
          onPick={onPick}
          markerLabel={t.marker}
        />
      )}
    </section>
  );
}
