'use client';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { FieldError, invalidProps } from '../../../(staff)/buchungen/[id]/_damage/field';
import { problemOf } from '../../../lib/errors';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { instantOf, todayIn, wallTime } from '../../../lib/time';
import { useTRPC } from '../../../lib/trpc';
import { formatRange } from '../format';
import type { CalendarBooking, CalendarData } from './calendar-view';

type Fields = Record<string, string[] | undefined>;

/**
 * One booking as the fleet changes it: a new end, another car, or cancelled — each with the reason
 * its booker is told. Changes go through fleetCalendar.changeEnd / .move, a cancellation through
 * bookings.managerCancel. Refusals stand at their field; the heading gets the focus on opening.
 */
export function BookingEditor({
  booking,
  view,
  onDone,
  onClose,
}: {
  booking: CalendarBooking;
  view: CalendarData;
  onDone: (notice: string) => void;
  onClose: () => void;
}) {
  const messages = useMessages();
  const t = messages.fleetCalendar;
  const language = useLanguage();
  const trpc = useTRPC();
  const ids = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [local, setLocal] = useState<Fields>({});
  const changeEnd = useMutation(trpc.fleetCalendar.changeEnd.mutationOptions());
  const move = useMutation(trpc.fleetCalendar.move.mutationOptions());
  const cancel = useMutation(trpc.bookings.managerCancel.mutationOptions());
  const failed = changeEnd.error ?? move.error ?? cancel.error;
  const server = failed ? problemOf(failed) : null;
  const fields: Fields = { ...(server?.fields ?? {}), ...local };
  const general = server && Object.keys(server.fields).length === 0 ? server.message : null;
  const busy = changeEnd.isPending || move.isPending || cancel.isPending;
  const upcoming = booking.status === 'pending' || booking.status === 'reserved';
  const { timeZone } = view;

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus once per booking opened
  useEffect(() => heading.current?.focus(), [booking.id]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const action = submitter instanceof HTMLButtonElement ? submitter.value : 'save';
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const reason = text('reason');
    for (const mutation of [changeEnd, move, cancel]) mutation.reset();
    if (reason.length < 3) {
      setLocal({ reason: [t.reasonMissing] });
      document.getElementById(`${ids}-reason`)?.focus();
      return;
    }
    setLocal({});
    try {
      if (action === 'cancel') {
        await cancel.mutateAsync({ id: booking.id, reason });
        onDone(t.cancelled);
        return;
      }
      const endsAt = instantOf(text('endDate'), text('endTime'), timeZone);
      const vehicleId = text('vehicleId') || booking.vehicleId;
      const newEnd = !Number.isNaN(+endsAt) && +endsAt !== +booking.endsAt;
      const newCar = vehicleId !== booking.vehicleId;
      if (!newEnd && !newCar) {
        setLocal({ endsAt: [t.nothingChanged] });
        return;
      }
      if (newEnd) await changeEnd.mutateAsync({ id: booking.id, endsAt, reason });
      if (newCar) await move.mutateAsync({ id: booking.id, vehicleId, reason });
      onDone(t.changed);
    } catch {
      // Shown at its field, or below the form.
    }
  }

  return (
    <section aria-labelledby={`${ids}-title`} className="card" data-editor={booking.id}>
      <h2 id={`${ids}-title`} ref={heading} tabIndex={-1}>
        {t.editorTitle(booking.plate, booking.booker ?? '–')}
      </h2>
      <p className="meta">
        {formatRange(messages, language, booking.startsAt, booking.endsAt, timeZone)} ·{' '}
        {messages.status[booking.status]}
      </p>
      <form onSubmit={submit} noValidate>
        <label htmlFor={`${ids}-reason`}>{t.reason}</label>
        <textarea
          id={`${ids}-reason`}
          name="reason"
          rows={2}
          maxLength={500}
          required
          {...invalidProps(`${ids}-reason-error`, fields.reason)}
        />
        <FieldError id={`${ids}-reason-error`} errors={fields.reason} />
        {upcoming && (
          <>
            <div className="grid">
              <div>
                <label htmlFor={`${ids}-end-date`}>{t.newEndDate}</label>
                <input
                  id={`${ids}-end-date`}
                  name="endDate"
                  type="date"
                  defaultValue={todayIn(timeZone, booking.endsAt)}
                  {...invalidProps(`${ids}-end-error`, fields.endsAt)}
                />
              </div>
              <div>
                <label htmlFor={`${ids}-end-time`}>{t.newEndTime}</label>
                <input
                  id={`${ids}-end-time`}
                  name="endTime"
                  type="time"
                  step={900}
                  defaultValue={wallTime(booking.endsAt, timeZone)}
                  {...invalidProps(`${ids}-end-error`, fields.endsAt)}
                />
              </div>
            </div>
            <FieldError id={`${ids}-end-error`} errors={fields.endsAt} />
            <label htmlFor={`${ids}-car`}>{t.newCar}</label>
            <select
              id={`${ids}-car`}
              name="vehicleId"
              defaultValue={booking.vehicleId}
              {...invalidProps(`${ids}-car-error`, fields.vehicleId)}
            >
              {view.vehicles
                .filter((car) => car.inService || car.id === booking.vehicleId)
                .map((car) => (
                  <option key={car.id} value={car.id}>
                    {car.plate} · {car.make} {car.model} ({car.stationName})
                  </option>
                ))}
            </select>
            <FieldError id={`${ids}-car-error`} errors={fields.vehicleId} />
          </>
        )}
        {!upcoming && <p className="hint">{t.notChangeable}</p>}
        {general && (
          <p className="error" role="alert">
            {general}
          </p>
        )}
        <div className="actions">
          {upcoming && (
            <button type="submit" name="action" value="save" disabled={busy}>
              {busy ? t.busy : t.save}
            </button>
          )}
          <button type="submit" name="action" value="cancel" className="danger" disabled={busy}>
            {t.cancel}
          </button>
          <button type="button" className="link" onClick={onClose}>
            {t.close}
          </button>
        </div>
      </form>
    </section>
  );
}
