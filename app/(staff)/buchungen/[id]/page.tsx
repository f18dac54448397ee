'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { problemOf } from '../../../lib/errors';
import { useTRPC } from '../../../lib/trpc';
import { de } from '../../../messages/de';
import { BookingCard } from '../booking-card';
import { CarControls } from './car-controls';

/** Where a new booking lands: what was booked, and the way to the list. */
export default function BookingConfirmationPage() {
  const { id } = useParams<{ id: string }>();
  const trpc = useTRPC();
  const settings = useQuery(trpc.region.settings.queryOptions());
  const booking = useQuery(trpc.bookings.byId.queryOptions({ id }));
  if (booking.error) return <p className="error">{problemOf(booking.error).message}</p>;
  const timeZone = settings.data?.timeZone;
  if (!timeZone || !booking.data) return <p>{de.errors.loading}</p>;
  const { status, closing } = booking.data;
  const declined = status === 'cancelled' && closing?.type === 'decline';
  return (
    <>
      <h1>
        {status === 'reserved'
          ? de.bookings.confirmedTitle
          : declined
            ? de.bookings.declinedTitle
            : de.status[status]}
      </h1>
      {status === 'reserved' && <p className="notice">{de.bookings.confirmedText}</p>}
      {status === 'cancelled' && closing && (
        <p className="notice" role="status">
          {declined
            ? de.bookings.declinedReason(closing.reason)
            : de.bookings.cancelledReason(closing.reason)}
        </p>
      )}
      <ul className="list">
        <BookingCard booking={booking.data} timeZone={timeZone} />
      </ul>
      <CarControls booking={booking.data} timeZone={timeZone} />
      {status !== 'cancelled' && status !== 'no_show' && (
        <p>
          <a href={`/api/buchungen/${encodeURIComponent(booking.data.id)}.ics`} download="buchung.ics">
            {de.bookings.downloadIcs}
          </a>
        </p>
      )}
      <Link href="/buchungen">{de.bookings.toList}</Link>
    </>
  );
}
