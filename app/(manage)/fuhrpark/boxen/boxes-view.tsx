'use client';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/time';
import { useTRPC } from '../../../lib/trpc';
import { BoxForm } from './box-form';
import { RotationPanel } from './rotation-panel';

/** Per car its box and how far its log reached the server; one form at a time to provision or replace. */
export function BoxesView() {
  const messages = useMessages();
  const t = messages.boxes;
  const language = useLanguage();
  const trpc = useTRPC();
  const boxes = useQuery(trpc.telematics.boxes.queryOptions());
  const me = useQuery(trpc.auth.me.queryOptions());
  const settings = useQuery(trpc.region.settings.queryOptions());
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [focusTarget, setFocusTarget] = useState<'notice' | 'form' | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const formArea = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusTarget === 'notice') noticeRef.current?.focus();
    if (focusTarget === 'form') formArea.current?.querySelector<HTMLElement>('h2')?.focus();
    setFocusTarget(null);
  }, [focusTarget]);
  const timeZone = settings.data?.timeZone;
  if (!boxes.data || !me.data || !timeZone) return <p>{messages.errors.loading}</p>;
  const current = boxes.data.find((row) => row.vehicleId === editing) ?? null;
  const when = (date: Date | null) => (date ? formatDateTime(new Date(date), timeZone, language) : t.never);

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
        {current && (
          <BoxForm
            key={current.vehicleId}
            car={{ vehicleId: current.vehicleId, plate: current.plate, hasBox: current.box !== null }}
            onSaved={(plate, replaced) => {
              setNotice(replaced ? t.replaced(plate) : t.provided(plate));
              setEditing(null);
              setFocusTarget('notice');
            }}
            onCancel={() => setEditing(null)}
          />
        )}
      </div>
      {me.data.role === 'operator' && <RotationPanel />}
      <section aria-labelledby="box-list">
        <h2 id="box-list">{t.listTitle}</h2>
        {boxes.data.length === 0 ? (
          <p className="hint">{t.none}</p>
        ) : (
          <ul className="list">
            {boxes.data.map((row) => (
              <li key={row.vehicleId} className="card" data-vehicle={row.vehicleId}>
                <h3>
                  {row.plate}
                  {row.retired && ` (${messages.fleetAdmin.vehicleStatus.retired})`}
                </h3>
                <p className="meta">{row.stationName}</p>
                {row.box ? (
                  <dl className="meta">
                    <dt>{t.boxId}</dt>
                    <dd>
                      <code>{row.box.boxId}</code>
                    </dd>
                    <dt>{t.fingerprint}</dt>
                    <dd>
                      <code>{row.box.fingerprint}</code>
                    </dd>
                    <dt>{t.firmware}</dt>
                    <dd>{row.box.firmware ?? t.unknown}</dd>
                    <dt>{t.lastContact}</dt>
                    <dd>{when(row.box.lastContactAt)}</dd>
                    <dt>{t.lastSeq}</dt>
                    <dd>{row.box.lastSeq}</dd>
                    <dt>{t.unsynced}</dt>
                    <dd data-unsynced>
                      {row.box.unsynced === null ? t.unknown : t.unsyncedValue(row.box.unsynced)}
                    </dd>
                  </dl>
                ) : (
                  <p className="meta">{t.noBox}</p>
                )}
                {!row.retired && (
                  <div className="actions">
                    <button
                      type="button"
                      className="secondary"
                      aria-label={`${row.box ? t.replace : t.provide}: ${row.plate}`}
                      onClick={() => {
                        setNotice(null);
                        setEditing(row.vehicleId);
                        setFocusTarget('form');
                      }}
                    >
                      {row.box ? t.replace : t.provide}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
