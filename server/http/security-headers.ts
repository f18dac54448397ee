import { type NextRequest, NextResponse } from 'next/server';

/**
 * The security headers of every answer, in one place: next.config.ts sends the fixed ones on all
 * paths, proxy.ts the per-request Content-Security-Policy of pages and HSTS.
 */

export type Header = { key: string; value: string };

/** Sent on every path, static files and API included. */
export const fixedSecurityHeaders: readonly Header[] = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  // The search page asks for the position on request and the calendar page copies its link;
  // nothing else, and never from a framed or third-party document.
  {
    key: 'Permissions-Policy',
    value:
      'geolocation=(self), clipboard-write=(self), camera=(), microphone=(), payment=(), usb=(), serial=(), hid=()',
  },
  // For browsers older than frame-ancestors: the booking page's „Entriegeln“ must not be framed.
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

/** API answers are data, never documents: they may load nothing and be framed nowhere. */
export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/** How the search page's map draws: mapbox-gl with a token, maplibre-gl with a style URL, or a self-contained style. */
export type MapSettings =
  | { provider: 'mapbox'; token: string; styleUrl: string | null }
  | { provider: 'maplibre'; styleUrl: string }
  | { provider: 'offline' };

export function mapSettings(config: { MAPBOX_TOKEN?: string; MAP_STYLE_URL?: string }): MapSettings {
  if (config.MAPBOX_TOKEN)
    return { provider: 'mapbox', token: config.MAPBOX_TOKEN, styleUrl: config.MAP_STYLE_URL ?? null };
  if (config.MAP_STYLE_URL) return { provider: 'maplibre', styleUrl: config.MAP_STYLE_URL };
  return { provider: 'offline' };
}

/** The origins the configured map fetches styles, tiles and glyphs from; none for the self-contained style. */
export function mapOrigins(map: MapSettings): string[] {
  const origins = new Set<string>();
  if (map.provider === 'mapbox') {
    for (const origin of ['https://api.mapbox.com', 'https://events.mapbox.com']) origins.add(origin);
  }
  if (map.provider !== 'offline' && map.styleUrl) origins.add(new URL(map.styleUrl).origin);
  return [...origins];
}

/**
 * The policy of a page. Next.js reads the nonce from this header of the request and puts it on
 * its own scripts; 'strict-dynamic' lets those load the chunks they need. Style attributes stay
 * allowed (React writes them server-side), style elements need the nonce.
 */
export function pageContentSecurityPolicy({
  nonce,
  https,
  dev,
  mapOrigins = [],
}: {
  nonce: string;
  https: boolean;
  dev: boolean;
  mapOrigins?: string[];
}) {
  const map = mapOrigins.map((origin) => ` ${origin}`).join('');
  return [
    "default-src 'self'",
    // React's development build evaluates code for its error overlays; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    `img-src 'self' blob: data:${map}`,
    "font-src 'self'",
    `connect-src 'self'${map}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** Two years, as the preload list asks; only where the app is served over https. */
export const strictTransportSecurity = (appUrl: string): Header | null =>
  new URL(appUrl).protocol === 'https:'
    ? { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }
    : null;

/** A fresh nonce per request: 16 random bytes, base64. */
export const newNonce = () => Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');

/**
 * What proxy.ts does for each page: a fresh nonce in the policy, set on the request too (Next.js
 * reads the nonce from there and puts it on the scripts it renders) and on the answer, plus HSTS.
 */
export function withPageSecurity(
  request: NextRequest,
  appUrl: string,
  dev = false,
  origins: string[] = [],
): NextResponse {
  const policy = pageContentSecurityPolicy({
    nonce: newNonce(),
    https: appUrl.startsWith('https:'),
    dev,
    mapOrigins: origins,
  });
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  const hsts = strictTransportSecurity(appUrl);
  if (hsts) response.headers.set(hsts.key, hsts.value);
  return response;
}
