// The booking pages without coverage (app/lib/booking-cache.ts): a booking page comes from the
// network while there is one, and from the cache, as it last was, when there is none; the app's
// hashed scripts and styles come from the cache first. Nothing else is touched.
const CACHE = 'pm-booking-pages-v1';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

const pageKey = (request) => request.url.split('?')[0];

// Only the booking page itself makes the cache (useBookingWorker); the worker fills it but never
// makes it again, so what sign-out cleared stays cleared while the signed-out page loads its scripts.
const existingCache = async () => ((await caches.has(CACHE)) ? caches.open(CACHE) : null);

async function networkFirst(request) {
  const cache = await existingCache();
  try {
    const response = await fetch(request);
    if (cache && response.ok && !response.redirected) await cache.put(pageKey(request), response.clone());
    return response;
  } catch (error) {
    const cached = await cache?.match(pageKey(request), { ignoreVary: true });
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await existingCache();
  const cached = await cache?.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (cache && response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && url.pathname.startsWith('/buchungen/')) {
    event.respondWith(networkFirst(request));
  } else if (url.pathname.startsWith('/_next/static/')) {
    event.respondWith(cacheFirst(request));
  }
});
