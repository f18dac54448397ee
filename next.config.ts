import type { NextConfig } from 'next';
import { apiContentSecurityPolicy, fixedSecurityHeaders } from './server/http/security-headers';

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and extension files from its package folder at run time.
  // dbus-next (under node-ble, the demo's DEMO_RADIO=bluez) requires `x11` only if it is ever asked
  // for an X11 session bus; left to Node, that optional require never runs.
  // @touch4it/ical-timezones reads its zone files from path.join(__dirname, 'zones'); bundled, that
  // __dirname points into .next and every calendar file would lack its VTIMEZONE.
  // exceljs and @e-invoice-eu/core (report exports) are Node libraries with optional requires of
  // their own (streams, LibreOffice for PDFs we never make); Node loads them as they ship.
  // pdfkit (the Fahrtenbuch's PDF) reads its fonts' metrics from its package folder at run time.
  serverExternalPackages: [
    '@electric-sql/pglite',
    'pg',
    'node-ble',
    'dbus-next',
    '@touch4it/ical-timezones',
    'exceljs',
    '@e-invoice-eu/core',
    'pdfkit',
  ],
  poweredByHeader: false,
  typedRoutes: false,
  // Pages get their Content-Security-Policy (with a nonce) and HSTS from proxy.ts, per request.
  async headers() {
    return [
      { source: '/:path*', headers: [...fixedSecurityHeaders] },
      {
        source: '/api/:path*',
        headers: [{ key: 'Content-Security-Policy', value: apiContentSecurityPolicy }],
      },
    ];
  },
};

export default nextConfig;
