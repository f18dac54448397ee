import type { MetadataRoute } from 'next';
import { de } from './messages/de';

/** Installable as a web app: it opens on „Meine Buchungen“, where the booking at the car is one tap away. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: de.bookings.appName,
    short_name: de.bookings.appShortName,
    description: de.app.tagline,
    lang: 'de',
    start_url: '/buchungen',
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#0b6e4f',
    icons: [
      { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
