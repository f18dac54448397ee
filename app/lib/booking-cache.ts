'use client';
import { useEffect, useState, useSyncExternalStore } from 'react';
import superjson from 'superjson';

/**
 * The booking page without coverage: the service worker (public/booking-worker.js) keeps the
 * page and its scripts in this cache, and the page keeps the last booking it showed in local
 * storage, with the time it was current. Sign-out clears both (`clearBookingCache`).
 */
export const BOOKING_CACHE = 'pm-booking-pages-v1';
const storagePrefix = 'pm.booking.';

type Saved<T> = { savedAt: number; booking: T };

export function saveBooking<T>(id: string, booking: T, savedAt: number) {
  try {
    localStorage.setItem(storagePrefix + id, superjson.stringify({ savedAt, booking }));
  } catch {
    // Storage full or forbidden: the page still works online, only without its offline copy.
  }
}

export function savedBooking<T>(id: string): Saved<T> | null {
  try {
    const text = localStorage.getItem(storagePrefix + id);
    return text ? superjson.parse<Saved<T>>(text) : null;
  } catch {
    return null;
  }
}

/** Forgets every booking this device kept, in storage and in the worker's cache. */
export async function clearBookingCache() {
  try {
    for (const key of Object.keys(localStorage))
      if (key.startsWith(storagePrefix)) localStorage.removeItem(key);
    if ('caches' in window) await caches.delete(BOOKING_CACHE);
  } catch {
    // Nothing kept, or storage not available: nothing to clear.
  }
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
};

/** Whether the browser says it has no network; on the server, never. */
export const useOffline = () =>
  useSyncExternalStore(
    subscribe,
    () => !navigator.onLine,
    () => false,
  );

/**
 * Registers the worker for the booking pages and puts this page with its scripts and styles in
 * its cache, so the next visit without coverage shows it as it was.
 */
export function useBookingWorker(enabled: boolean) {
  useEffect(() => {
    if (!enabled || !('serviceWorker' in navigator) || !('caches' in window)) return;
    void (async () => {
      try {
        // '/buchungen', not '/buchungen/': a page opened at the list and gone on to a booking is
        // claimed by its first address, and it too must reach the worker.
        await navigator.serviceWorker.register('/booking-worker.js', { scope: '/buchungen' });
        const assets = [
          ...Array.from(document.querySelectorAll<HTMLScriptElement>('script[src]'), (s) => s.src),
          ...Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]'), (l) => l.href),
        ].filter((url) => new URL(url).origin === location.origin);
        const cache = await caches.open(BOOKING_CACHE);
        await cache.add(location.pathname);
        await Promise.allSettled([...new Set(assets)].map((url) => cache.add(url)));
      } catch {
        // No worker (private mode, old browser): the page works, only not offline.
      }
    })();
  }, [enabled]);
}

/** The booking as last shown on this device, read once after hydration. */
export function useSavedBooking<T>(id: string): Saved<T> | null {
  const [saved, setSaved] = useState<Saved<T> | null>(null);
  useEffect(() => setSaved(savedBooking<T>(id)), [id]);
  return saved;
}
