'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { type FormEvent, type Ref, useImperativeHandle, useRef, useState } from 'react';
import { addDays } from '@/app/lib/days';
import { problemOf } from '../../lib/errors';
import { useLanguage, useMessages } from '../../lib/i18n';
import { formatDateTime, formatTime, instantOf, todayIn, wallTime } from '../../lib/time';
import { useTRPC } from '../../lib/trpc';
import type { Selection, View } from './timeline-page';

export interface PanelHandle {
  choose: (selection: Selection) => void;
}

interface Fields {
  vehicleId: string;
  date: string;
  from: string;
  to: string;
}

/**
 * The keyboard's way to a slot and the confirmation of a dragged one: car, day, start and end,
 * an optional purpose, then `bookings.create`. Its result (or the refusal) takes the focus.
 */
export function BookingPanel({
  view,
  onSelect,
  ref,
}: {
  view: View;
  onSelect: (selection: Selection) => void;
  ref: Ref<PanelHandle>;
}) {
  const t = useMessages();
  const language = useLanguage();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const zone = view.timeZone;
  const [fields, setFields] = useState<Fields>({
    vehicleId: '',
    date: view.days[0]?.date ?? '',
    from: '',
    to: '',
  });
  const [purpose, setPurpose] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const [result, setResult] = useState<{ id: string; text: string } | null>(null);
  const [missing, setMissing] = useState(false);
  const status = useRef<HTMLParagraphElement>(null);
  const outcome = useRef<HTMLDivElement>(null);
  const bookable = view.vehicles.filter((v) => v.inService);
  const plateOf = (id: string) => view.vehicles.find((v) => v.id === id)?.plate ?? '';
  const rangeOf = (from: Date, to: Date) =>
    `${formatDateTime(from, zone, language)} – ${formatTime(to, zone)}`;

  const create = useMutation(
    trpc.bookings.create.mutationOptions({
      onSuccess: async (booking) => {
        const range = rangeOf(booking.startsAt, booking.endsAt);
        const plate = booking.vehicle.plate;
        setResult({
          id: booking.id,
          text:
            booking.status === 'pending'
              ? t.timeline.pending(plate, range)
              : t.timeline.bookedResult(plate, range),
        });
        setPurpose('');
        await queryClient.invalidateQueries(trpc.timeline.view.queryFilter());
        outcome.current?.focus();
      },
      onError: () => requestAnimationFrame(() => outcome.current?.focus()),
    }),
  );

  useImperativeHandle(ref, () => ({
    choose: (selection) => {
      setFields({
        vehicleId: selection.vehicleId,
        date: todayIn(zone, selection.from),
        from: wallTime(selection.from, zone),
        to: wallTime(selection.to, zone),
      });
      setResult(null);
      create.reset();
      setChosen(t.timeline.dragged(plateOf(selection.vehicleId), rangeOf(selection.from, selection.to)));
      requestAnimationFrame(() => status.current?.focus());
    },
  }));

  const windowOf = (f: Fields) => {
    const from = instantOf(f.date, f.from, zone);
    // An end at or before the start is the next day's (a slot up to midnight ends at 00:00).
    const to = instantOf(f.to <= f.from ? addDays(f.date, 1) : f.date, f.to, zone);
    return { from, to };
  };
  const update = (patch: Partial<Fields>) => {
    const next = { ...fields, ...patch };
    setFields(next);
    setChosen(null);
    if (next.vehicleId && next.date && next.from && next.to)
      onSelect({ vehicleId: next.vehicleId, ...windowOf(next) });
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    setResult(null);
    if (!fields.vehicleId || !fields.date || !fields.from || !fields.to) {
      setMissing(true);
      requestAnimationFrame(() => outcome.current?.focus());
      return;
    }
    setMissing(false);
    create.mutate({ vehicleId: fields.vehicleId, ...windowOf(fields), ...(purpose ? { purpose } : {}) });
  }

  const problem = create.error ? problemOf(create.error) : null;
  const fieldError = (name: string) => problem?.fields[name]?.join(' ');
  const invalid = (name: string, empty: boolean) => Boolean(fieldError(name)) || (missing && empty);
  const describedBy = (name: string, empty: boolean) =>
    invalid(name, empty) ? 'timeline-problem' : undefined;

  return (
    <section className="card" aria-labelledby="timeline-choose">
      <h2 id="timeline-choose">{t.timeline.chooseTitle}</h2>
      {chosen && (
        <p className="notice" role="status" tabIndex={-1} ref={status}>
          {chosen}
        </p>
      )}
      <form onSubmit={submit} noValidate className="grid">
        <label>
          {t.timeline.vehicle}
          <select
            value={fields.vehicleId}
            onChange={(e) => update({ vehicleId: e.target.value })}
            aria-invalid={invalid('vehicleId', !fields.vehicleId)}
            aria-describedby={describedBy('vehicleId', !fields.vehicleId)}
          >
            <option value="">{t.timeline.chooseVehicle}</option>
            {bookable.map((v) => (
              <option key={v.id} value={v.id}>
                {v.plate} · {v.make} {v.model} · {v.stationName}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.timeline.date}
          <input
            type="date"
            value={fields.date}
            onChange={(e) => update({ date: e.target.value })}
            aria-invalid={invalid('from', !fields.date)}
            aria-describedby={describedBy('from', !fields.date)}
          />
        </label>
        <label>
          {t.timeline.from}
          <input
            type="time"
            step={900}
            value={fields.from}
            onChange={(e) => update({ from: e.target.value })}
            aria-invalid={invalid('from', !fields.from)}
            aria-describedby={describedBy('from', !fields.from)}
          />
        </label>
        <label>
          {t.timeline.to}
          <input
            type="time"
            step={900}
            value={fields.to}
            onChange={(e) => update({ to: e.target.value })}
            aria-invalid={invalid('to', !fields.to)}
            aria-describedby={describedBy('to', !fields.to)}
          />
        </label>
        <label>
          {t.timeline.purpose}
          <input type="text" value={purpose} maxLength={200} onChange={(e) => setPurpose(e.target.value)} />
        </label>
        <div className="actions">
          <button type="submit" disabled={create.isPending}>
            {create.isPending ? t.timeline.booking : t.timeline.book}
          </button>
        </div>
      </form>
      <div ref={outcome} tabIndex={-1} role={problem || missing ? 'alert' : 'status'} id="timeline-problem">
        {missing && <p className="error">{t.timeline.missingFields}</p>}
        {problem && (
          <>
            <p className="error">{problem.message}</p>
            {Object.values(problem.fields)
              .flat()
              .map((message) => (
                <p className="error" key={message}>
                  {message}
                </p>
              ))}
          </>
        )}
        {result && (
          <p className="notice">
            {result.text} <Link href={`/buchungen/${result.id}`}>{t.timeline.openBooking}</Link>
          </p>
        )}
      </div>
    </section>
  );
}
