'use client';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { addDays } from '../../../lib/days';
import { useMessages } from '../../../lib/i18n';
import { instantOf, todayIn } from '../../../lib/time';
import { useTRPC } from '../../../lib/trpc';
import styles from '../../manage.module.css';
import { BlockPreview } from './block-preview';
import { type BlockRequest, type BlockResult, blockKinds, isBlockKind, type ManagedVehicle } from './types';

/** The manager's cars grouped by station, for the car picker. */
function byStation(vehicles: readonly ManagedVehicle[]) {
  const groups = new Map<string, ManagedVehicle[]>();
  for (const vehicle of vehicles) {
    const label = `${vehicle.station.name} (${vehicle.ownerName})`;
    groups.set(label, [...(groups.get(label) ?? []), vehicle]);
  }
  return [...groups];
}

/** Block a car: the request is checked first (preview), and only then confirmed. */
export function BlockForm({ timeZone, onDone }: { timeZone: string; onDone: (notice: string) => void }) {
  const messages = useMessages();
  const t = messages.manage.blocks;
  const trpc = useTRPC();
  const vehicles = useQuery(trpc.vehicles.managed.queryOptions());
  const form = useRef<HTMLFormElement>(null);
  const [request, setRequest] = useState<BlockRequest | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const today = todayIn(timeZone);
  // A workshop appointment's usual shape, and never a start that has passed already.
  const tomorrow = addDays(today, 1);

  function check(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const kind = text('kind');
    const from = instantOf(text('fromDate'), text('fromTime'), timeZone);
    const to = instantOf(text('toDate'), text('toTime'), timeZone);
    if (
      !text('vehicleId') ||
      !isBlockKind(kind) ||
      Number.isNaN(from.getTime()) ||
      Number.isNaN(to.getTime())
    ) {
      setProblem(t.incomplete);
      return;
    }
    setProblem(null);
    setRequest({ vehicleId: text('vehicleId'), from, to, kind, reason: text('reason') });
  }

  function created(result: BlockResult) {
    onDone(t.done(result.moved.length, result.cancelled.length));
    setRequest(null);
    form.current?.reset();
  }

  return (
    <section aria-labelledby="new-block">
      <h2 id="new-block">{t.newTitle}</h2>
      <form ref={form} className="panel" onSubmit={check} aria-label={t.newTitle}>
        <fieldset disabled={request !== null} className={`${styles.stack} ${styles.bare}`}>
          <label>
            {t.vehicle}
            <select name="vehicleId" required defaultValue="">
              <option value="" disabled>
                {t.chooseVehicle}
              </option>
              {byStation(vehicles.data ?? []).map(([station, cars]) => (
                <optgroup key={station} label={station}>
                  {cars.map((car) => (
                    <option key={car.id} value={car.id}>
                      {car.plate} · {car.make} {car.model}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
          <div className="grid">
            <label>
              {t.fromDate}
              <input name="fromDate" type="date" min={today} defaultValue={tomorrow} required />
            </label>
            <label>
              {t.fromTime}
              <input name="fromTime" type="time" step={900} defaultValue="08:00" required />
            </label>
            <label>
              {t.toDate}
              <input name="toDate" type="date" min={today} defaultValue={tomorrow} required />
            </label>
            <label>
              {t.toTime}
              <input name="toTime" type="time" step={900} defaultValue="16:00" required />
            </label>
          </div>
          <div className="grid">
            <label>
              {t.kind}
              <select name="kind" defaultValue="maintenance">
                {blockKinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {t.kinds[kind]}
                  </option>
                ))}
              </select>
            </label>
            <div className={`${styles.field} ${styles.wide}`}>
              <label>
                {t.reason}
                <input name="reason" required minLength={3} maxLength={500} />
              </label>
              <p className="hint">{t.reasonHint}</p>
            </div>
          </div>
        </fieldset>
        {problem && (
          <p className="error" role="alert">
            {problem}
          </p>
        )}
        {request === null && (
          <div className="actions">
            <button type="submit">{t.check}</button>
          </div>
        )}
        {request && (
          <BlockPreview
            request={request}
            timeZone={timeZone}
            vehicles={vehicles.data ?? []}
            onCreated={created}
            onChange={() => setRequest(null)}
          />
        )}
      </form>
    </section>
  );
}
