import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and extension files from its package folder at run time.
  // dbus-next (under node-ble, the demo's DEMO_RADIO=bluez) requires `x11` only if it is ever asked
  // for an X11 session bus; left to Node, that optional require never runs.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'node-ble', 'dbus-next'],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
