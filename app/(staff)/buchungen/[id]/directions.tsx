'use client';
import { useMessages } from '../../../lib/i18n';
import type { Booking } from '../booking-card';

/**
 * The way to the car's station: a geo: link, which the phone opens in its maps app, and the spot
 * on OpenStreetMap for a browser without one.
 */
export function Directions({ station }: { station: Booking['station'] }) {
  const t = useMessages();
  const { latitude: lat, longitude: lon } = station;
  const label = encodeURIComponent(station.name);
  return (
    <section className="card" aria-labelledby="directions-title">
      <h2 id="directions-title">{t.bookings.directionsTitle}</h2>
      <p className="meta">
        {station.name}
        {station.address ? `, ${station.address}` : ''}
      </p>
      <div className="actions">
        <a href={`geo:${lat},${lon}?q=${lat},${lon}(${label})`}>{t.bookings.directionsApp}</a>
        <a href={`https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=18/${lat}/${lon}`}>
          {t.bookings.directionsWeb}
        </a>
      </div>
    </section>
  );
}
