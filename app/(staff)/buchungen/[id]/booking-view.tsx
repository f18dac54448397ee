'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect } from 'react';
import { saveBooking, useBookingWorker, useOffline, useSavedBooking } from '../../../lib/booking-cache';
import { problemOf } from '../../../lib/errors';
import { useMessages } from '../../../lib/i18n';
import { formatTime } from '../../../lib/time';
import { useTRPC } from '../../../lib/trpc';
import { OpenDamages } from '../../open-damages';
import { type Booking, BookingCard } from '../booking-card';
import { DamageReport } from './_damage/damage-report';
import { Logbook } from './_logbook/logbook';
import { CarControls } from './car-controls';
import { Countdown } from './countdown';
import { Directions } from './directions';

const isOver = (booking: Booking) =>
  booking.status === 'completed' || booking.status === 'cancelled' || booking.status === 'no_show';

/**
 * The booking page at the car: status and countdown, the key, the way there, the calendar file.
 * Without coverage it shows the booking as this device last saw it, and says since when.
 */
export function BookingView({ id }: { id: string }) {
  const t = useMessages();
  const trpc = useTRPC();
  const settings = useQuery(trpc.region.settings.queryOptions());
  const query = useQuery(trpc.bookings.byId.queryOptions({ id }));
  const vehicleId = query.data?.vehicle.id;
  const damages = useQuery({
    ...trpc.damage.openOfCars.queryOptions({ vehicleIds: vehicleId ? [vehicleId] : [] }),
    enabled: vehicleId !== undefined,
  });
  const offline = useOffline();
  const saved = useSavedBooking<Booking>(id);
  useBookingWorker(query.isSuccess);
  useEffect(() => {
    if (query.data) saveBooking(id, query.data, query.dataUpdatedAt);
  }, [id, query.data, query.dataUpdatedAt]);

  const booking = query.data ?? saved?.booking;
  const asOf = query.data ? query.dataUpdatedAt : saved?.savedAt;
  const timeZone = settings.data?.timeZone;
  if (!booking || !timeZone) {
    if (offline) return <p className="notice">{t.bookings.offlineNoData}</p>;
    if (query.error) return <p className="error">{problemOf(query.error).message}</p>;
    return <p>{t.errors.loading}</p>;
  }
  const { status, closing } = booking;
  const declined = status === 'cancelled' && closing?.type === 'decline';
  const over = isOver(booking);
  return (
    <>
      {offline && asOf !== undefined && (
        <p className="notice" role="status">
          {t.bookings.offline(formatTime(new Date(asOf), timeZone))}
        </p>
      )}
      <h1>
        {status === 'reserved'
          ? t.bookings.confirmedTitle
          : declined
            ? t.bookings.declinedTitle
            : t.status[status]}
      </h1>
      <Countdown booking={booking} />
      {status === 'reserved' && <p className="notice">{t.bookings.confirmedText}</p>}
      {status === 'cancelled' && closing && (
        <p className="notice" role="status">
          {declined ? t.bookings.declinedReason(closing.reason) : t.bookings.cancelledReason(closing.reason)}
        </p>
      )}
      {over && <p className="hint">{t.bookings.readOnly}</p>}
      <ul className="list">
        <BookingCard booking={booking} timeZone={timeZone} />
      </ul>
      {!over && <OpenDamages damages={damages.data ?? []} timeZone={timeZone} />}
      {!offline && <CarControls booking={booking} timeZone={timeZone} />}
      {!offline && booking.status !== 'cancelled' && (
        <DamageReport bookingId={booking.id} timeZone={timeZone} />
      )}
      {!offline && <Logbook bookingId={booking.id} timeZone={timeZone} />}
      {!over && <Directions station={booking.station} />}
      {status !== 'cancelled' && status !== 'no_show' && (
        <p>
          <a href={`/api/buchungen/${encodeURIComponent(booking.id)}.ics`} download="buchung.ics">
            {t.bookings.downloadIcs}
          </a>
        </p>
      )}
      <Link href="/buchungen">{t.bookings.toList}</Link>
    </>
  );
}
