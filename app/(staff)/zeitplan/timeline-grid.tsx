'use client';
import { type PointerEvent, useRef, useState } from 'react';
import { useMessages } from '../../lib/i18n';
import { formatTime } from '../../lib/time';
import styles from './timeline.module.css';
import { type Selection, symbolOf } from './timeline-page';

type SlotKind = 'own' | 'booked' | 'blocked';

/** What the grid draws: the staff timeline's view, and the fleet calendar's (which lays out the same). */
export interface GridView {
  start: Date;
  end: Date;
  timeZone: string;
  days: { date: string; start: Date; end: Date }[];
  place: { kind: 'station' | 'municipality' };
  vehicles: {
    id: string;
    plate: string;
    make: string;
    model: string;
    stationName: string;
    inService: boolean;
    slots: { kind: SlotKind; from: Date; to: Date; bookingId: string | null }[];
  }[];
}

const HOUR = 3_600_000;

/**
 * One row per car: a track over the view's real hours (23 or 25 on a change of summer time), its
 * bookings and blocks laid on it as labelled bars. Dragging over the track chooses whole hours
 * (`onSelect`); with `onPick`, a bar that carries its booking's id is a button that picks it.
 * The DOM stays light — a row is a handful of elements, however many hours — so a municipality's
 * week with a thousand cars renders at once.
 */
export function TimelineGrid({
  view,
  selection,
  onSelect,
  onPick,
}: {
  view: GridView;
  selection: Selection | null;
  onSelect?: (selection: Selection) => void;
  onPick?: (bookingId: string) => void;
}) {
  const t = useMessages();
  const start = view.start.getTime();
  const total = view.end.getTime() - start;
  const hours = Math.round(total / HOUR);
  const week = view.days.length > 1;
  const left = (instant: Date) => `${(Math.max(0, instant.getTime() - start) / total) * 100}%`;
  const width = (from: Date, to: Date) =>
    `${((Math.min(to.getTime(), start + total) - Math.max(from.getTime(), start)) / total) * 100}%`;
  const [drag, setDrag] = useState<{ vehicleId: string; anchor: number; current: number } | null>(null);
  const dragging = useRef(false);

  const hourAt = (event: PointerEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const fraction = (event.clientX - rect.left) / rect.width;
    return Math.min(hours - 1, Math.max(0, Math.floor(fraction * hours)));
  };
  const span = (d: { anchor: number; current: number }) => ({
    from: new Date(start + Math.min(d.anchor, d.current) * HOUR),
    to: new Date(start + (Math.max(d.anchor, d.current) + 1) * HOUR),
  });
  const label = (text: string, from: Date, to: Date) =>
    t.timeline.slot(text, formatTime(from, view.timeZone), formatTime(to, view.timeZone));
  const shown = drag ? { vehicleId: drag.vehicleId, ...span(drag) } : selection;

  return (
    <section
      className={styles.scroller}
      style={{ ['--hours' as string]: hours, ['--days' as string]: view.days.length }}
      aria-label={t.timeline.title}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
      tabIndex={0}
    >
      <div className={`${styles.row} ${styles.header}`} aria-hidden="true">
        <span className={styles.label}>{t.timeline.vehicle}</span>
        <div className={styles.scale}>
          {week
            ? view.days.map((day) => (
                <span
                  key={day.date}
                  className={styles.tick}
                  style={{ left: left(day.start), width: width(day.start, day.end) }}
                >
                  {new Intl.DateTimeFormat('de-DE', {
                    weekday: 'short',
                    day: '2-digit',
                    month: '2-digit',
                    timeZone: view.timeZone,
                  }).format(day.start)}
                </span>
              ))
            : Array.from({ length: hours }, (_, i) => {
                const at = new Date(start + i * HOUR);
                return (
                  <span
                    key={at.getTime()}
                    className={styles.tick}
                    style={{ left: left(at), width: `${100 / hours}%` }}
                  >
                    {formatTime(at, view.timeZone).slice(0, 2)}
                  </span>
                );
              })}
        </div>
      </div>
      <ul className={styles.rows}>
        {view.vehicles.map((vehicle) => (
          <li key={vehicle.id} className={styles.row}>
            <span className={styles.label}>
              <strong>{vehicle.plate}</strong>{' '}
              <span className={styles.meta}>
                {vehicle.make} {vehicle.model}
                {view.place.kind === 'municipality' && ` · ${vehicle.stationName}`}
                {!vehicle.inService && ` · ${t.timeline.outOfService}`}
              </span>
            </span>
            <div
              className={`${styles.track} ${week ? styles.weekTrack : ''}`}
              data-vehicle={vehicle.id}
              onPointerDown={(event) => {
                if (!onSelect || !vehicle.inService || event.button !== 0) return;
                event.currentTarget.setPointerCapture(event.pointerId);
                dragging.current = true;
                const hour = hourAt(event);
                setDrag({ vehicleId: vehicle.id, anchor: hour, current: hour });
              }}
              onPointerMove={(event) => {
                if (!dragging.current) return;
                const hour = hourAt(event);
                setDrag((d) => (d && d.current !== hour ? { ...d, current: hour } : d));
              }}
              onPointerUp={() => {
                dragging.current = false;
                if (drag) onSelect?.({ vehicleId: drag.vehicleId, ...span(drag) });
                setDrag(null);
              }}
              onPointerCancel={() => {
                dragging.current = false;
                setDrag(null);
              }}
            >
              {vehicle.slots.map((slot) => {
                const text = t.timeline[slot.kind];
                const { bookingId } = slot;
                if (onPick && bookingId)
                  return (
                    <button
                      type="button"
                      key={`${slot.kind}-${slot.from.getTime()}`}
                      className={`${styles.slot} ${styles[slot.kind]}`}
                      style={{ left: left(slot.from), width: width(slot.from, slot.to) }}
                      title={label(text, slot.from, slot.to)}
                      data-booking={bookingId}
                      onPointerDown={(event) => event.stopPropagation()}
                      onClick={() => onPick(bookingId)}
                    >
                      <span aria-hidden="true">{symbolOf(slot.kind)} </span>
                      {label(text, slot.from, slot.to)}
                    </button>
                  );
                return (
                  <span
                    key={`${slot.kind}-${slot.from.getTime()}`}
                    className={`${styles.slot} ${styles[slot.kind]}`}
                    style={{ left: left(slot.from), width: width(slot.from, slot.to) }}
                    title={label(text, slot.from, slot.to)}
                  >
                    <span aria-hidden="true">{symbolOf(slot.kind)} </span>
                    {label(text, slot.from, slot.to)}
                  </span>
                );
              })}
              {shown?.vehicleId === vehicle.id && (
                <span
                  className={`${styles.slot} ${styles.selected}`}
                  style={{ left: left(shown.from), width: width(shown.from, shown.to) }}
                >
                  <span aria-hidden="true">{symbolOf('selected')} </span>
                  {label(t.timeline.selected, shown.from, shown.to)}
                </span>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
