'use client';
import { useQuery } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import Link from 'next/link';
import { useRef, useState } from 'react';
import type { AppRouter } from '@/server/root';
import { problemOf } from '../../lib/errors';
import { useMessages } from '../../lib/i18n';
import { useTRPC } from '../../lib/trpc';
import { BookingPanel, type PanelHandle } from './booking-panel';
import { hrefOf, type TimelineParams, viewInput } from './params';
import styles from './timeline.module.css';
import { TimelineGrid } from './timeline-grid';

export type View = inferRouterOutputs<AppRouter>['timeline']['view'];
export interface Selection {
  vehicleId: string;
  from: Date;
  to: Date;
}

const dayFormat = (timeZone: string) =>
  new Intl.DateTimeFormat('de-DE', {
    weekday: 'short',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone,
  });

export function TimelinePage({ params }: { params: TimelineParams }) {
  const t = useMessages();
  const trpc = useTRPC();
  const view = useQuery(trpc.timeline.view.queryOptions(viewInput(params)));
  const stations = useQuery(trpc.stations.list.queryOptions());
  const [selection, setSelection] = useState<Selection | null>(null);
  const panel = useRef<PanelHandle>(null);
  const week = params.ansicht === 'woche';
  const placeValue = params.station ? `station:${params.station}` : `kommune:${params.kommune ?? ''}`;
  const municipalities = [
    ...new Map((stations.data ?? []).map((s) => [s.municipalityId, s.municipalityName])),
  ];

  return (
    <>
      <h1>{t.timeline.title}</h1>
      <p className="hint">{t.timeline.intro}</p>
      <form className={`card ${styles.picker}`} method="get" action="/zeitplan">
        <label>
          {t.timeline.place}
          <select name="ort" defaultValue={placeValue}>
            {municipalities.map(([id, name]) => (
              <optgroup key={id} label={name}>
                <option value={`kommune:${id}`}>{t.timeline.allOf(name)}</option>
                {(stations.data ?? [])
                  .filter((s) => s.municipalityId === id)
                  .map((s) => (
                    <option key={s.id} value={`station:${s.id}`}>
                      {s.name}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label>
          {t.timeline.day}
          <input type="date" name="tag" defaultValue={params.tag} required />
        </label>
        <fieldset>
          <legend>{t.timeline.view}</legend>
          <label>
            <input type="radio" name="ansicht" value="tag" defaultChecked={!week} /> {t.timeline.dayView}
          </label>
          <label>
            <input type="radio" name="ansicht" value="woche" defaultChecked={week} /> {t.timeline.weekView}
          </label>
        </fieldset>
        <button type="submit">{t.timeline.show}</button>
      </form>
      <nav className="actions" aria-label={t.timeline.title}>
        <Link href={hrefOf(params, week ? -7 : -1)}>← {t.timeline.earlier}</Link>
        <Link href={hrefOf(params, week ? 7 : 1)}>{t.timeline.later} →</Link>
      </nav>
      <Legend />
      {view.isPending && <p>{t.errors.loading}</p>}
      {view.error && (
        <p className="error" role="alert">
          {problemOf(view.error).message}
        </p>
      )}
      {view.data && (
        <>
          <h2>{t.timeline.caption(view.data.place.name, rangeOf(view.data))}</h2>
          {view.data.vehicles.length === 0 ? (
            <p className="notice">{t.timeline.noVehicles}</p>
          ) : (
            <TimelineGrid
              view={view.data}
              selection={selection}
              onSelect={(chosen) => {
                setSelection(chosen);
                panel.current?.choose(chosen);
              }}
            />
          )}
          <BookingPanel ref={panel} view={view.data} onSelect={setSelection} />
        </>
      )}
    </>
  );
}

function rangeOf(view: View) {
  const format = dayFormat(view.timeZone);
  const first = view.days[0];
  const last = view.days.at(-1);
  if (!first || !last) return '';
  return first === last
    ? format.format(first.start)
    : `${format.format(first.start)} – ${format.format(last.start)}`;
}

function Legend() {
  const t = useMessages();
  const items = [
    ['free', t.timeline.free],
    ['booked', t.timeline.booked],
    ['blocked', t.timeline.blocked],
    ['own', t.timeline.own],
    ['selected', t.timeline.selected],
  ] as const;
  return (
    <section aria-label={t.timeline.legend} className={styles.legend}>
      <h2 className={styles.legendTitle}>{t.timeline.legend}</h2>
      <ul>
        {items.map(([kind, label]) => (
          <li key={kind}>
            <span className={`${styles.swatch} ${styles[kind]}`} aria-hidden="true">
              {symbolOf(kind)}
            </span>
            {label}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A sign beside each pattern, so no state is told by colour alone. */
export const symbolOf = (kind: 'free' | 'booked' | 'blocked' | 'own' | 'selected') =>
  ({ free: '', booked: '×', blocked: '⛔', own: '★', selected: '✓' })[kind];
