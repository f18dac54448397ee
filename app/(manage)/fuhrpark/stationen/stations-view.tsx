'use client';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useMessages } from '../../../lib/i18n';
import { useTRPC } from '../../../lib/trpc';
import { StationForm } from './station-form';

/** The manager's stations, and one form at a time: a new station or an edit. */
export function StationsView() {
  const messages = useMessages();
  const t = messages.fleetAdmin.stations;
  const trpc = useTRPC();
  const stations = useQuery(trpc.stations.managed.queryOptions());
  const municipalities = useQuery(trpc.stations.municipalities.queryOptions());
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const formArea = useRef<HTMLDivElement>(null);
  const [focusTarget, setFocusTarget] = useState<'notice' | 'form' | null>(null);
  useEffect(() => {
    if (focusTarget === 'notice') noticeRef.current?.focus();
    if (focusTarget === 'form') formArea.current?.querySelector<HTMLElement>('h2')?.focus();
    setFocusTarget(null);
  }, [focusTarget]);
  if (!stations.data || !municipalities.data) return <p>{messages.errors.loading}</p>;
  const all = stations.data;
  const current = all.find((s) => s.id === editing) ?? null;
  const open = (id: string | null) => {
    setNotice(null);
    setEditing(id);
    setFocusTarget('form');
  };

  return (
    <>
      <h1>{t.title}</h1>
      <p className="hint">{t.intro}</p>
      {notice && (
        <p className="notice" role="status" ref={noticeRef} tabIndex={-1}>
          {notice}
        </p>
      )}
      <div ref={formArea}>
        <StationForm
          key={current?.id ?? 'new'}
          station={current}
          municipalities={municipalities.data}
          around={all.filter((s) => s.id !== current?.id)}
          onSaved={(saved, created) => {
            setNotice(created ? t.created(saved.name) : t.saved(saved.name));
            setEditing(null);
            setFocusTarget('notice');
          }}
          onCancel={current ? () => open(null) : undefined}
        />
      </div>
      <section aria-labelledby="station-list">
        <h2 id="station-list">{t.listTitle}</h2>
        {all.length === 0 ? (
          <p className="hint">{t.none}</p>
        ) : (
          <ul className="list">
            {all.map((station) => (
              <li key={station.id} className="card" data-station={station.id}>
                <h3>{station.name}</h3>
                <p className="meta">
                  {station.municipalityName}
                  {station.address && ` · ${station.address}`} · {t.chargePoints}: {station.chargePoints} ·{' '}
                  {t.vehicles(station.vehicles)}
                </p>
                <p className="meta">
                  {station.latitude.toFixed(5)}, {station.longitude.toFixed(5)}
                </p>
                {station.openingNotes && (
                  <p className="meta" style={{ whiteSpace: 'pre-line' }}>
                    {station.openingNotes}
                  </p>
                )}
                <div className="actions">
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`${messages.fleetAdmin.common.edit}: ${station.name}`}
                    onClick={() => open(station.id)}
                  >
                    {messages.fleetAdmin.common.edit}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
