'use client';
import type { inferRouterOutputs } from '@trpc/server';
import type { ReactNode } from 'react';
import type { AppRouter } from '@/server/root';
import { formatDateTime, formatTime } from '../../lib/time';
import { de } from '../../messages/de';

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
  const sameDay =
    formatDateTime(booking.startsAt, timeZone).slice(0, 10) ===
    formatDateTime(booking.endsAt, timeZone).slice(0, 10);
  const end = sameDay ? formatTime(booking.endsAt, timeZone) : formatDateTime(booking.endsAt, timeZone);
  return (
    <li className="card" data-booking={booking.id}>
      <h3>
        {booking.vehicle.make} {booking.vehicle.model} · {booking.vehicle.plate}
      </h3>
      <p className="meta">
        <span className={`badge ${booking.status}`}>{de.status[booking.status]}</span>
        {booking.seriesId && <span className="badge">{de.bookings.series}</span>}
        {booking.status === 'active' && booking.lateReturnNoticedAt && (
          <span className="badge cancelled">{de.bookings.late}</span>
        )}
        {formatDateTime(booking.startsAt, timeZone)} – {end}
      </p>
      <p className="meta">
        {booking.station.name}
        {booking.station.address ? `, ${booking.station.address}` : ''}
      </p>
      {booking.purpose && (
        <p className="meta">
          {de.bookings.purpose}: {booking.purpose}
        </p>
      )}
      {children}
    </li>
  );
}
