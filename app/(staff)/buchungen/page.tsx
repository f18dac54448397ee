'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useTRPC } from '../../lib/trpc';
import { de } from '../../messages/de';
import { BookingActions } from './booking-actions';
import { BookingCard } from './booking-card';

export default function MyBookingsPage() {
  const trpc = useTRPC();
  const settings = useQuery(trpc.region.settings.queryOptions());
  const mine = useQuery(trpc.bookings.mine.queryOptions());
  const [notice, setNotice] = useState<string | null>(null);
  const timeZone = settings.data?.timeZone;
  if (!timeZone || !mine.data) return <p>{de.errors.loading}</p>;

  const now = Date.now();
  // A running booking stays "upcoming" past its end until it is returned: it is late, not past.
  const isOpen = (b: { status: string; endsAt: Date }) => b.endsAt.getTime() > now || b.status === 'active';
  const upcoming = mine.data.filter(isOpen).reverse();
  const past = mine.data.filter((b) => !isOpen(b));

  return (
    <>
      <h1>{de.bookings.title}</h1>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <h2>{de.bookings.upcoming}</h2>
      {upcoming.length === 0 && <p className="hint">{de.bookings.none}</p>}
      <ul className="list">
        {upcoming.map((booking) => (
          <BookingCard key={booking.id} booking={booking} timeZone={timeZone}>
            <div className="actions">
              <Link href={`/buchungen/${booking.id}`}>{de.bookings.details}</Link>
            </div>
            <BookingActions booking={booking} timeZone={timeZone} onDone={setNotice} />
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
