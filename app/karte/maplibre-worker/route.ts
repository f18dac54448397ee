import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * maplibre-gl's web worker, for the map (app/(staff)/_map/map-canvas.tsx). maplibre-gl 6 starts
 * its worker from a file beside its own module, which the bundle does not have: without it every
 * source of a style (GeoJSON, tiles) stays undrawn and only the background shows. The app serves
 * the package's own file, outside /api/ so that the worker runs under the pages' policy, whose
 * connect-src admits the map's origins.
 */
export async function GET() {
  // From the app's folder, as the server runs (a bundled require.resolve answers a module number).
  const file = path.join(process.cwd(), 'node_modules', 'maplibre-gl', 'dist', 'maplibre-gl-worker.mjs');
  return new Response(await readFile(file), {
    headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=86400' },
  });
}
