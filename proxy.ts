import { NextRequest } from 'next/server';
import { pagePathHeader } from '@/app/lib/page-path';
import { env } from '@/server/env';
import { mapOrigins, mapSettings, withPageSecurity } from '@/server/http/security-headers';

/**
 * Every page gets a Content-Security-Policy with a nonce of its own, which is why pages render per
 * request (app/layout.tsx), and HSTS where APP_URL is https. The fixed headers come from next.config.ts.
 */
export function proxy(request: NextRequest) {
  // The layouts send signed-out people to sign-in on the server, and back here afterwards.
  const headers = new Headers(request.headers);
  headers.set(pagePathHeader, request.nextUrl.pathname + request.nextUrl.search);
  const withPath = new NextRequest(request, { headers });
  return withPageSecurity(
    withPath,
    env().APP_URL,
    process.env.NODE_ENV === 'development',
    mapOrigins(mapSettings(env())),
  );
}

export const config = {
  // Pages only: API routes and static files get their headers from next.config.ts, and the API's
  // bodies are not buffered through the proxy (server/http limits them itself).
  matcher: [
    {
      source: '/((?!api/|_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
