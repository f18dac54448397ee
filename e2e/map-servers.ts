import { type ChildProcess, spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import region from '../db/regions/partheland.json' with { type: 'json' };

/**
 * What the map spec needs besides the usual e2e server: a style origin of its own and the built
 * app started again with other map settings (they are read once per process, server/env.ts).
 */

/** The region's stations as GeoJSON points, as a style's source takes them. */
const stations = {
  type: 'FeatureCollection',
  features: region.municipalities.flatMap((m) =>
    m.stations.map((s) => ({
      type: 'Feature',
      properties: { name: s.name },
      geometry: { type: 'Point', coordinates: [s.lng, s.lat] },
    })),
  ),
};

/** The colours the served style paints with: the spec looks for them on the canvas. */
export const styleColours: Record<'water' | 'land' | 'station', readonly [number, number, number]> = {
  water: [0x9f, 0xc5, 0xe8],
  land: [0xd8, 0xe6, 0xc8],
  station: [0xc0, 0x1c, 0x28],
};
const hex = ([r, g, b]: readonly number[]) =>
  `#${[r, g, b].map((c) => (c ?? 0).toString(16).padStart(2, '0')).join('')}`;

/**
 * A style server on another origin than the app: style.json (water as the background, land
 * west of 12.59° E as a polygon, stations as circles) and the stations' GeoJSON it refers to, so the
 * map fetches from the configured origin twice, as a real style does with its tiles.
 */
export async function startStyleServer(): Promise<{
  styleUrl: string;
  origin: string;
  close: () => Promise<void>;
}> {
  let origin = '';
  const server: Server = createServer((request, response) => {
    const body =
      request.url === '/style.json'
        ? {
            version: 8,
            name: 'e2e',
            sources: {
              land: {
                type: 'geojson',
                data: {
                  type: 'Feature',
                  properties: {},
                  geometry: {
                    type: 'Polygon',
                    coordinates: [
                      [
                        [12.3, 51.15],
                        [12.59, 51.15],
                        [12.59, 51.5],
                        [12.3, 51.5],
                        [12.3, 51.15],
                      ],
                    ],
                  },
                },
              },
              stations: { type: 'geojson', data: `${origin}/stations.geojson` },
            },
            layers: [
              { id: 'water', type: 'background', paint: { 'background-color': hex(styleColours.water) } },
              { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': hex(styleColours.land) } },
              {
                id: 'stations',
                type: 'circle',
                source: 'stations',
                paint: { 'circle-radius': 18, 'circle-color': hex(styleColours.station) },
              },
            ],
          }
        : request.url === '/stations.geojson'
          ? stations
          : null;
    response.writeHead(body ? 200 : 404, {
      'content-type': 'application/json',
      // The map fetches from the app's origin: a style server allows that as tile servers do.
      'access-control-allow-origin': '*',
    });
    response.end(body ? JSON.stringify(body) : '{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    styleUrl: `${origin}/style.json`,
    origin,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export type AppServer = { url: string; stop: () => Promise<void> };

/**
 * The built app once more (server/http-server.ts, as playwright.config.ts starts it), on its own
 * port with a fresh embedded database of its own, seeded with the demo region.
 */
export async function startAppServer(port: number, mapEnv: Record<string, string>): Promise<AppServer> {
  const url = `http://localhost:${port}`;
  const dataDir = `.e2e-data-map-${port}`;
  await rm(dataDir, { recursive: true, force: true });
  const env: Record<string, string | undefined> = {};
  // Never a shared PostgreSQL: this server's database is its own.
  for (const [key, value] of Object.entries(process.env)) if (key !== 'DATABASE_URL') env[key] = value;
  const child: ChildProcess = spawn('node', ['--import', 'tsx', 'server/http-server.ts'], {
    env: {
      ...env,
      ...mapEnv,
      DATA_DIR: dataDir,
      APP_URL: url,
      PORT: String(port),
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app on ${port} stopped on start:\n${output}`);
    const ready = await fetch(`${url}/anmelden`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return { url, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the app on ${port} did not answer within 120 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
