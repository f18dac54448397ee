'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { problemOf } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import { de } from '../../messages/de';
import { type Booking, BookingCard } from './booking-card';

export default function MyBookingsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.region.settings.queryOptions());
  const mine = useQuery(trpc.bookings.mine.queryOptions());
  const [notice, setNotice] = useState<string | null>(null);
  const cancel = useMutation(
    trpc.bookings.cancel.mutationOptions({
      onSuccess: async () => {
        setNotice(de.bookings.cancelled);
        await queryClient.invalidateQueries(trpc.bookings.mine.queryFilter());
      },
    }),
  );
  const timeZone = settings.data?.timeZone;
  if (!timeZone || !mine.data) return <p>{de.errors.loading}</p>;

  const now = Date.now();
  const upcoming = mine.data.filter((b) => b.endsAt.getTime() > now).reverse();
  const past = mine.data.filter((b) => b.endsAt.getTime() <= now);
  const cancellable = (b: Booking) => b.status === 'reserved' && b.startsAt.getTime() > now;

  return (
    <>
      <h1>{de.bookings.title}</h1>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {cancel.error && (
        <p className="error" role="alert">
          {problemOf(cancel.error).message}
        </p>
      )}
      <h2>{de.bookings.upcoming}</h2>
      {upcoming.length === 0 && <p className="hint">{de.bookings.none}</p>}
      <ul className="list">
        {upcoming.map((booking) => (
          <BookingCard key={booking.id} booking={booking} timeZone={timeZone}>
            {cancellable(booking) && (
              <div className="actions">
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
              </div>
            )}
          </BookingCard>
        ))}
      </ul>
      {past.length > 0 && (
        <>
          <h2>{de.bookings.past}</h2>
          <ul className="list">
            {past.map((booking) => (
              <BookingCard key={booking.id} booking={booking} timeZone={timeZone} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}
