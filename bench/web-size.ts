/**
 * First-load JavaScript of the staff pages, as a browser meets it: the signed-in HTML of each route
 * from the built server, and every `<script src>` chunk it names, gzip-compressed (zlib's default
 * level, the one Next's compression sends). The map's chunks load only after the list
 * (next/dynamic, ssr: false): they are never in that HTML, and a chunk holding the map library that
 * did turn up there would be shown apart. Run by bench/web.ts; printed, never asserted.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoRoot } from '@/server/process/harness';
import { table } from './stats';
import type { SignedInServer } from './web-server';

const ROUTES = ['/', '/buchungen', '/fahrten', '/kalender', '/zeitplan'];
const TARGET_KB = 150;
/** Strings only the map libraries' own code carries (their global names). */
const MAP_LIBRARY = /maplibregl|mapboxgl/;

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const gzipped = (text: string) => gzipSync(text).length;

/**
 * The chunks a page's HTML has a browser load, in document order, once each. A `nomodule` script
 * (Next's polyfills for browsers without ES modules) is never fetched by one that has them.
 */
export function scriptChunks(html: string): { loaded: string[]; noModule: string[] } {
  const tags = [...html.matchAll(/<script\b([^>]*)\bsrc="([^"]+)"([^>]*)>/g)].map((match) => ({
    src: (match[2] ?? '').replaceAll('&amp;', '&'),
    noModule: /\bnomodule\b/i.test(`${match[1]} ${match[3]}`),
  }));
  const once = (list: typeof tags) => [...new Set(list.map((tag) => tag.src))];
  return {
    loaded: once(tags.filter((tag) => !tag.noModule)),
    noModule: once(tags.filter((tag) => tag.noModule)),
  };
}

/** The JavaScript of inline `<script>` elements (the RSC payload Next streams into the HTML). */
const inlineScripts = (html: string) =>
  [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '').join('');

async function builtChunks(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

export async function measureSizes(app: SignedInServer) {
  const chunksDir = path.join(repoRoot, '.next', 'static', 'chunks');
  const mapChunks = new Map<string, number>();
  for (const file of await builtChunks(chunksDir)) {
    const text = await readFile(file, 'utf8');
    if (MAP_LIBRARY.test(text))
      mapChunks.set(`/_next/static/${path.relative(path.dirname(chunksDir), file)}`, gzipped(text));
  }
  {
    const sizes = new Map<string, number>();
    const chunkSize = async (src: string) => {
      const known = sizes.get(src);
      if (known !== undefined) return known;
      const size = gzipped(await app.get(src));
      sizes.set(src, size);
      return size;
    };
    const rows: (string | number)[][] = [];
    let detail = '';
    for (const route of ROUTES) {
      const html = await app.get(route);
      const { loaded: chunks, noModule } = scriptChunks(html);
      let polyfills = 0;
      for (const src of noModule) polyfills += await chunkSize(src);
      let js = 0;
      let map = 0;
      for (const src of chunks) {
        const size = await chunkSize(src);
        if (mapChunks.has(src.split('?')[0] ?? src)) map += size;
        else js += size;
      }
      rows.push([
        route,
        chunks.length,
        kb(js),
        map ? kb(map) : '–',
        kb(polyfills),
        kb(gzipped(inlineScripts(html))),
        kb(gzipped(html)),
        route === '/' ? `${js <= TARGET_KB * 1024 ? '≤' : '>'} ${TARGET_KB}` : '',
      ]);
      if (route === '/') {
        const largest = chunks.map((src) => [src, sizes.get(src) ?? 0] as const).sort((a, b) => b[1] - a[1]);

        detail = largest.map(([src, size]) => `  ${kb(size).padStart(6)} KB  ${src}`).join('\n');
      }
    }
    console.log(
      'first-load JS per route: the <script src> chunks of its signed-in HTML, gzip (KB = 1,024 bytes); ' +
        'apart: map chunks, nomodule polyfills (not fetched by current browsers), inline RSC payload, the HTML',
    );
    console.log(
      table(['route', 'chunks', 'JS KB', 'map KB', 'nomodule KB', 'inline KB', 'HTML KB', 'target KB'], rows),
    );
    console.log(`\nchunks of /, largest first:\n${detail}`);
    const lazy = [...mapChunks.values()].reduce((sum, size) => sum + size, 0);
    console.log(
      `\nmap chunks in the build (loaded lazily, after the list): ${mapChunks.size}, ${kb(lazy)} KB gzip`,
    );
  }
}
