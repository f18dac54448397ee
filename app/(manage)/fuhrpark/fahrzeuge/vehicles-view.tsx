'use client';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { localeOf } from '../../../lib/language';
import { useTRPC } from '../../../lib/trpc';
import { RetirePanel } from './retire-panel';
import { isEquipment, type ManagedVehicle } from './types';
import { VehicleForm } from './vehicle-form';
import { VehiclePhoto } from './vehicle-photo';

type Mode = { kind: 'new' } | { kind: 'edit'; id: string } | { kind: 'retire'; id: string };

/** The manager's cars with their status, and one form at a time: a new car, an edit, a retirement. */
export function VehiclesView({ today }: { today: string }) {
  const messages = useMessages();
  const language = useLanguage();
  const fa = messages.fleetAdmin;
  const t = fa.vehicles;
  const trpc = useTRPC();
  const settings = useQuery(trpc.region.settings.queryOptions());
  const vehicles = useQuery(trpc.vehicles.managed.queryOptions());
  const [mode, setMode] = useState<Mode>({ kind: 'new' });
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const formArea = useRef<HTMLDivElement>(null);
  const [focusTarget, setFocusTarget] = useState<'notice' | 'form' | null>(null);
  useEffect(() => {
    if (focusTarget === 'notice') noticeRef.current?.focus();
    if (focusTarget === 'form') formArea.current?.querySelector<HTMLElement>('h2')?.focus();
    setFocusTarget(null);
  }, [focusTarget]);
  const timeZone = settings.data?.timeZone;
  if (!timeZone || !vehicles.data) return <p>{messages.errors.loading}</p>;
  const all = vehicles.data;
  const day = (instant: Date | null) =>
    instant
      ? new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeZone }).format(instant)
      : '–';
  const chosen = (id: string) => all.find((v) => v.id === id) ?? null;
  const done = (text: string) => {
    setNotice(text);
    setMode({ kind: 'new' });
    setFocusTarget('notice');
  };
  const open = (next: Mode) => {
    setNotice(null);
    setMode(next);
    setFocusTarget('form');
  };
  const current: ManagedVehicle | null = mode.kind === 'new' ? null : chosen(mode.id);

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
        {mode.kind === 'retire' && current ? (
          <RetirePanel
            key={current.id}
            vehicle={current}
            vehicles={all}
            timeZone={timeZone}
            today={today}
            onDone={done}
            onCancel={() => open({ kind: 'new' })}
          />
        ) : (
          <>
            <VehicleForm
              key={current?.id ?? 'new'}
              vehicle={current}
              timeZone={timeZone}
              today={today}
              onSaved={(saved, created) => done(created ? t.created(saved.plate) : t.saved(saved.plate))}
              onCancel={current ? () => open({ kind: 'new' }) : undefined}
            />
            {current && <VehiclePhoto key={`photo-${current.id}`} vehicle={current} />}
          </>
        )}
      </div>
      <section aria-labelledby="vehicle-list">
        <h2 id="vehicle-list">{t.listTitle}</h2>
        {all.length === 0 ? (
          <p className="hint">{t.none}</p>
        ) : (
          <ul className="list">
            {all.map((car) => (
              <li key={car.id} className="card" data-vehicle={car.id}>
                <h3>
                  {car.plate} · {car.make} {car.model}
                </h3>
                <p className="meta">
                  <span className={`badge ${car.status === 'in_service' ? 'reserved' : 'cancelled'}`}>
                    {fa.vehicleStatus[car.status]}
                  </span>
                  {messages.powertrain[car.powertrain]} · {t.seats}: {car.seats} · {car.station.name} ·{' '}
                  {car.ownerName}
                </p>
                <p className="meta">
                  {t.commissionedOn}: {day(car.commissionedAt)}
                  {car.retiredAt && ` · ${t.retiredOn}: ${day(car.retiredAt)}`}
                  {car.equipment.length > 0 &&
                    ` · ${car.equipment.map((e) => (isEquipment(e) ? fa.equipment[e] : e)).join(', ')}`}
                </p>
                <div className="actions">
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`${fa.common.edit}: ${car.plate}`}
                    onClick={() => open({ kind: 'edit', id: car.id })}
                  >
                    {fa.common.edit}
                  </button>
                  {car.status !== 'retired' && (
                    <button
                      type="button"
                      className="danger"
                      aria-label={`${t.retire}: ${car.plate}`}
                      onClick={() => open({ kind: 'retire', id: car.id })}
                    >
                      {t.retire}
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
