'use client';
import type { inferRouterOutputs } from '@trpc/server';
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { AppRouter } from '@/server/root';
import { useLanguage, useMessages } from '../../lib/i18n';
import { formatDateTime, formatTime, todayIn } from '../../lib/time';

export type Booking = inferRouterOutputs<AppRouter>['bookings']['byId'];

export function BookingCard({
  booking,
  timeZone,
  children,
}: {
  booking: Booking;
  timeZone: string;
  children?: ReactNode;
}) {
  const t = useMessages();
  const language = useLanguage();
  const sameDay = todayIn(timeZone, booking.startsAt) === todayIn(timeZone, booking.endsAt);
  const end = sameDay
    ? formatTime(booking.endsAt, timeZone)
    : formatDateTime(booking.endsAt, timeZone, language);
  return (
    <li className="card" data-booking={booking.id}>
      <h3>
        <Link href={`/buchungen/${booking.id}`}>
          {booking.vehicle.make} {booking.vehicle.model} · {booking.vehicle.plate}
        </Link>
      </h3>
      <p className="meta">
        <span className={`badge ${booking.status}`}>{t.status[booking.status]}</span>
        {booking.seriesId && <span className="badge">{t.bookings.series}</span>}
        {booking.status === 'active' && booking.lateReturnNoticedAt && (
          <span className="badge cancelled">{t.bookings.late}</span>
        )}
        {formatDateTime(booking.startsAt, timeZone, language)} – {end}
      </p>
      <p className="meta">
        {booking.station.name}
        {booking.station.address ? `, ${booking.station.address}` : ''}
      </p>
      {booking.purpose && (
        <p className="meta">
          {t.bookings.purpose}: {booking.purpose}
        </p>
      )}
      {children}
    </li>
  );
}
