'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { BookingSection } from '@/server/bookings/sections';
import { problemOf } from '../../lib/errors';
import { useMessages } from '../../lib/i18n';
import { instantOf, todayIn, wallTime } from '../../lib/time';
import { useTRPC } from '../../lib/trpc';
import type { Booking } from './booking-card';

/** What the booker can still do with an upcoming or running booking: change its end, cancel it or its series. */
export function BookingActions({
  booking,
  timeZone,
  onDone,
}: {
  booking: Booking;
  timeZone: string;
  onDone: (message: string, movedTo?: BookingSection) => void;
}) {
  const t = useMessages();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [changing, setChanging] = useState(false);
  // The lists are asked again first, so the result appears once, where the booking now stands.
  const done = (message: string, movedTo?: BookingSection) => async () => {
    setChanging(false);
    await queryClient.invalidateQueries(trpc.bookings.pathFilter());
    onDone(message, movedTo);
  };
  const cancel = useMutation(
    trpc.bookings.cancel.mutationOptions({ onSuccess: done(t.bookings.cancelled, 'closed') }),
  );
  const cancelSeries = useMutation(
    trpc.bookings.cancelSeries.mutationOptions({ onSuccess: done(t.bookings.seriesCancelled, 'closed') }),
  );
  const changeEnd = useMutation(
    trpc.bookings.changeEnd.mutationOptions({
      onSuccess: (changed) =>
        done(
          changed.status === 'pending' && booking.status !== 'pending'
            ? t.bookings.changedPending
            : t.bookings.changed,
        )(),
    }),
  );
  const error = cancel.error ?? cancelSeries.error ?? changeEnd.error;
  const now = Date.now();
  const open = booking.status === 'pending' || booking.status === 'reserved' || booking.status === 'active';
  if (!open) return null;
  const beforeStart = booking.startsAt.getTime() > now;

  function submitEnd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    changeEnd.mutate({
      id: booking.id,
      endsAt: instantOf(String(form.get('date')), String(form.get('time')), timeZone),
    });
  }

  return (
    <>
      {error && (
        <p className="error" role="alert">
          {problemOf(error).message}
        </p>
      )}
      {changing ? (
        <form onSubmit={submitEnd} aria-label={t.bookings.changeEnd}>
          <div className="grid">
            <label>
              {t.bookings.newEndDate}
              <input name="date" type="date" defaultValue={todayIn(timeZone, booking.endsAt)} required />
            </label>
            <label>
              {t.bookings.newEndTime}
              <input
                name="time"
                type="time"
                step={300}
                defaultValue={wallTime(booking.endsAt, timeZone)}
                required
              />
            </label>
          </div>
          <div className="actions">
            <button type="submit" disabled={changeEnd.isPending}>
              {t.bookings.saveEnd}
            </button>
            <button type="button" className="secondary" onClick={() => setChanging(false)}>
              {t.search.cancel}
            </button>
          </div>
        </form>
      ) : (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => setChanging(true)}>
            {t.bookings.changeEnd}
          </button>
          {beforeStart && booking.status !== 'active' && (
            <button
              type="button"
              className="danger"
              disabled={cancel.isPending}
              onClick={() => {
                if (window.confirm(t.bookings.cancelConfirm)) cancel.mutate({ id: booking.id });
              }}
            >
              {t.bookings.cancel}
            </button>
          )}
          {booking.seriesId && (
            <button
              type="button"
              className="danger"
              disabled={cancelSeries.isPending}
              onClick={() => {
                const seriesId = booking.seriesId;
                if (seriesId && window.confirm(t.bookings.cancelSeriesConfirm))
                  cancelSeries.mutate({ seriesId });
              }}
            >
              {t.bookings.cancelSeries}
            </button>
          )}
        </div>
      )}
    </>
  );
}
