'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { problemOf } from '../../lib/errors';
import { instantOf, todayIn, wallTime } from '../../lib/time';
import { useTRPC } from '../../lib/trpc';
import { de } from '../../messages/de';
import type { Booking } from './booking-card';

/** What the booker can still do with an upcoming or running booking: change its end, cancel it or its series. */
export function BookingActions({
  booking,
  timeZone,
  onDone,
}: {
  booking: Booking;
  timeZone: string;
  onDone: (message: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [changing, setChanging] = useState(false);
  const refresh = () => queryClient.invalidateQueries(trpc.bookings.mine.queryFilter());
  const done = (message: string) => async () => {
    setChanging(false);
    onDone(message);
    await refresh();
  };
  const cancel = useMutation(
    trpc.bookings.cancel.mutationOptions({ onSuccess: done(de.bookings.cancelled) }),
  );
  const cancelSeries = useMutation(
    trpc.bookings.cancelSeries.mutationOptions({ onSuccess: done(de.bookings.seriesCancelled) }),
  );
  const changeEnd = useMutation(
    trpc.bookings.changeEnd.mutationOptions({
      onSuccess: (changed) =>
        done(
          changed.status === 'pending' && booking.status !== 'pending'
            ? de.bookings.changedPending
            : de.bookings.changed,
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
        <form onSubmit={submitEnd} aria-label={de.bookings.changeEnd}>
          <div className="grid">
            <label>
              {de.bookings.newEndDate}
              <input name="date" type="date" defaultValue={todayIn(timeZone, booking.endsAt)} required />
            </label>
            <label>
              {de.bookings.newEndTime}
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
              {de.bookings.saveEnd}
            </button>
            <button type="button" className="secondary" onClick={() => setChanging(false)}>
              {de.search.cancel}
            </button>
          </div>
        </form>
      ) : (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => setChanging(true)}>
            {de.bookings.changeEnd}
          </button>
          {beforeStart && booking.status !== 'active' && (
            <button
              type="button"
              className="danger"
              disabled={cancel.isPending}
              onClick={() => {
                if (window.confirm(de.bookings.cancelConfirm)) cancel.mutate({ id: booking.id });
              }}
            >
              {de.bookings.cancel}
            </button>
          )}
          {booking.seriesId && (
            <button
              type="button"
              className="danger"
              disabled={cancelSeries.isPending}
              onClick={() => {
                const seriesId = booking.seriesId;
                if (seriesId && window.confirm(de.bookings.cancelSeriesConfirm))
                  cancelSeries.mutate({ seriesId });
              }}
            >
              {de.bookings.cancelSeries}
            </button>
          )}
        </div>
      )}
    </>
  );
}
