/**
 * The build's scripts and styles (`/_next/static/…`) sent Brotli-compressed to browsers that accept
 * it. Next.js compresses them with gzip at zlib's default level on every request; Brotli at its
 * highest quality, done once after the build (`npm run build` runs precompress.ts), makes the
 * first-load JavaScript about 13 % smaller on the wire, which a phone on a slow line feels first.
 * Files without a `.br` twin from the same build, and clients that do not accept `br`, go on to
 * Next.js as before.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants } from 'node:zlib';
import { fixedSecurityHeaders } from './security-headers';

/** What Next.js sends for these files, so the browser sees the same apart from the encoding. */
const CONTENT_TYPES: Record<string, string> = {
  '.js': 'application/javascript; charset=UTF-8',
  '.mjs': 'application/javascript; charset=UTF-8',
  '.css': 'text/css; charset=UTF-8',
  '.json': 'application/json; charset=UTF-8',
  '.svg': 'image/svg+xml',
};
/** Below this, the headers weigh more than what compression saves. */
const SMALLEST_WORTH_COMPRESSING = 1024;
/**
 * Brotli's best quality takes about 2.5 s a megabyte here; above this size (only the map library's
 * development builds, which no page loads) quality 9 is ten times faster for some 10 % more bytes.
 */
const BEST_QUALITY_UP_TO = 1.5 * 1024 * 1024;
const URL_PREFIX = '/_next/static/';

const compress = promisify(brotliCompress);

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

async function writeTwin(file: string): Promise<{ raw: number; br: number } | null> {
  const raw = await readFile(file);
  if (raw.length < SMALLEST_WORTH_COMPRESSING) return null;
  const br = await compress(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: raw.length <= BEST_QUALITY_UP_TO ? constants.BROTLI_MAX_QUALITY : 9,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  });
  await writeFile(`${file}.br`, br);
  return { raw: raw.length, br: br.length };
}

/** Writes `<file>.br` beside every script, style sheet and similar text file of the build. */
export async function precompressStatic(
  staticDir: string,
): Promise<{ files: number; raw: number; br: number }> {
  const queue = (await filesUnder(staticDir)).filter((file) => path.extname(file) in CONTENT_TYPES);
  const sums = { files: 0, raw: 0, br: 0 };
  // Two at a time: zlib works on libuv's thread pool, and the machines have two cores.
  const worker = async () => {
    for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
      const sizes = await writeTwin(file);
      if (!sizes) continue;
      sums.files++;
      sums.raw += sizes.raw;
      sums.br += sizes.br;
    }
  };
  await Promise.all([worker(), worker()]);
  return sums;
}

/** Whether an Accept-Encoding header accepts Brotli (`br`, not refused with `q=0`). */
export function acceptsBrotli(header: string | undefined): boolean {
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.split(';').map((piece) => piece.trim());
    if (name.toLowerCase() !== 'br') continue;
    const q = params.find((param) => /^q=/i.test(param));
    return q === undefined || Number(q.slice(2)) > 0;
  }
  return false;
}

type Twin = { file: string; type: string; etag: string; body?: Buffer };

/**
 * The request handler for the `.br` twins found in `staticDir` now: it answers (and returns true)
 * a GET or HEAD of one of them from a client that accepts Brotli, and leaves every other request.
 * Only files found at start are served: the address never becomes a path on disk.
 */
export async function brotliStatic(staticDir: string) {
  const twins = new Map<string, Twin>();
  for (const file of await filesUnder(staticDir)) {
    if (!file.endsWith('.br')) continue;
    const source = file.slice(0, -'.br'.length);
    const type = CONTENT_TYPES[path.extname(source)];
    const [sourceStat, twinStat] = await Promise.all([stat(source).catch(() => null), stat(file)]);
    // A twin older than its file is from an earlier build of the same name: Next's own answer is right.
    if (!type || !sourceStat || twinStat.mtimeMs < sourceStat.mtimeMs) continue;
    const urlPath = URL_PREFIX + path.relative(staticDir, source).split(path.sep).join('/');
    twins.set(urlPath, {
      file,
      type,
      etag: `"br-${twinStat.size.toString(36)}-${twinStat.mtimeMs.toString(36)}"`,
    });
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const urlPath = (req.url ?? '').split('?')[0] ?? '';
    const twin = twins.get(urlPath);
    if (!twin || !acceptsBrotli(req.headers['accept-encoding'])) return false;
    twin.body ??= await readFile(twin.file);
    for (const { key, value } of fixedSecurityHeaders) res.setHeader(key, value);
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('ETag', twin.etag);
    if (req.headers['if-none-match'] === twin.etag) {
      res.statusCode = 304;
      res.end();
      return true;
    }
    res.setHeader('Content-Type', twin.type);
    res.setHeader('Content-Encoding', 'br');
    res.setHeader('Content-Length', twin.body.length);
    res.end(req.method === 'HEAD' ? undefined : twin.body);
    return true;
  };
  return { handle, count: twins.size };
}
