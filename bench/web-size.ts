/**
 * First-load JavaScript of the staff pages, as a browser meets it: every script Chromium fetches
 * for the first view of each route (signed in, nothing cached, until the network is idle and
 * nobody has touched the page): the `<script src>` chunks of the HTML and those the page loads
 * itself while it hydrates. Counted as sent: the bytes of each response's body on the wire
 * (Brotli where the build has a twin, server/http/static-brotli.ts), and beside them the same
 * scripts gzip-compressed at zlib's default level (what Next.js alone sends, and the measure of
 * the figures before December 2026). Chunks holding a map library are shown apart (the map loads
 * after the list), and so are chunks the HTML names that the browser did not fetch (the
 * `nomodule` polyfills). Counting only the HTML's tags missed what a page imports at once on mount (the
 * search page's results code, 3.6 KB, in December 2026). Run by bench/web.ts; printed, never asserted.
 */

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium } from '@playwright/test';
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

/** The same-origin scripts a first visit of `route` fetches, once each, with the bytes of their bodies as sent. */
async function scriptsLoaded(
  browser: Browser,
  app: SignedInServer,
  route: string,
): Promise<{ src: string; sent: number; encoding: string }[]> {
  const base = app.server.url;
  const context = await browser.newContext();
  try {
    await context.addCookies(
      app.cookie.split('; ').map((pair) => {
        const at = pair.indexOf('=');
        return { name: pair.slice(0, at), value: pair.slice(at + 1), url: base };
      }),
    );
    const page = await context.newPage();
    const seen: Promise<{ src: string; sent: number; encoding: string }>[] = [];
    page.on('requestfinished', (request) => {
      const url = new URL(request.url());
      if (request.resourceType() !== 'script' || url.origin !== new URL(base).origin) return;
      seen.push(
        Promise.all([request.sizes(), request.response()]).then(([sizes, response]) => ({
          src: url.pathname + url.search,
          sent: sizes.responseBodySize,
          encoding: response?.headers()['content-encoding'] ?? 'none',
        })),
      );
    });
    await page.goto(`${base}${route}`, { waitUntil: 'load' });
    if (new URL(page.url()).pathname !== route) throw new Error(`sent to ${page.url()}, not ${route}`);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);
    const scripts = await Promise.all(seen);
    return scripts.filter((script, at) => scripts.findIndex((other) => other.src === script.src) === at);
  } finally {
    await context.close();
  }
}

export async function measureSizes(app: SignedInServer) {
  const chunksDir = path.join(repoRoot, '.next', 'static', 'chunks');
  const mapChunks = new Map<string, number>();
  for (const file of await builtChunks(chunksDir)) {
    const text = await readFile(file, 'utf8');
    if (MAP_LIBRARY.test(text))
      mapChunks.set(`/_next/static/${path.relative(path.dirname(chunksDir), file)}`, gzipped(text));
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  try {
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
      const inHtml = scriptChunks(html);
      const loaded = await scriptsLoaded(browser, app, route);
      const named = new Set(inHtml.loaded);
      const fetched = new Set(loaded.map((script) => script.src));
      let notFetched = 0;
      for (const src of [...inHtml.noModule, ...inHtml.loaded].filter((src) => !fetched.has(src)))
        notFetched += await chunkSize(src);
      const sums = { sent: 0, gzip: 0, later: 0, map: 0 };
      const encodings = new Set<string>();
      for (const { src, sent, encoding } of loaded) {
        const gzip = await chunkSize(src);
        if (mapChunks.has(src.split('?')[0] ?? src)) sums.map += sent;
        else {
          sums.sent += sent;
          sums.gzip += gzip;
          encodings.add(encoding);
          if (!named.has(src)) sums.later += sent;
        }
      }
      rows.push([
        route,
        loaded.length,
        kb(sums.sent),
        [...encodings].join('+'),
        kb(sums.gzip),
        sums.later ? kb(sums.later) : '–',
        sums.map ? kb(sums.map) : '–',
        kb(notFetched),
        kb(gzipped(inlineScripts(html))),
        kb(gzipped(html)),
        route === '/' ? `${sums.sent <= TARGET_KB * 1024 ? '≤' : '>'} ${TARGET_KB}` : '',
      ]);
      if (route === '/')
        detail = loaded
          .filter(({ src }) => !mapChunks.has(src.split('?')[0] ?? src))
          .sort((a, b) => b.sent - a.sent)
          .map(
            ({ src, sent, encoding }) =>
              `  ${kb(sent).padStart(6)} KB ${encoding.padEnd(4)} ${kb(sizes.get(src) ?? 0).padStart(6)} KB gzip  ${src}${named.has(src) ? '' : '  (loaded by the page)'}`,
          )
          .join('\n');
    }
    console.log(
      'first-load JS per route: every script the browser fetches for the first view (signed in, no cache, ' +
        'until idle), its bodies as sent (KB = 1,024 bytes) with their encoding, and the same scripts at gzip ' +
        "(zlib's default level, what Next.js alone sends); of what is sent, loaded by the page beyond its HTML; " +
        'apart: map chunks, chunks the HTML names that the browser did not fetch (nomodule polyfills, gzip), ' +
        'inline RSC payload and the HTML (gzip)',
    );
    console.log(
      table(
        [
          'route',
          'chunks',
          'JS KB sent',
          'as',
          'JS KB gzip',
          'of it later KB',
          'map KB',
          'not fetched KB',
          'inline KB',
          'HTML KB',
          'target KB (sent)',
        ],
        rows,
      ),
    );
    console.log(`\nchunks of /, largest first:\n${detail}`);
    const lazy = [...mapChunks.values()].reduce((sum, size) => sum + size, 0);
    console.log(
      `\nmap chunks in the build (loaded lazily, after the list): ${mapChunks.size}, ${kb(lazy)} KB gzip`,
    );
  } finally {
    await browser.close();
  }
}
