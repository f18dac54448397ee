import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptsBrotli, brotliStatic, precompressStatic } from './static-brotli';

const script = `${'export const greeting = "Guten Tag aus der Fahrzeugbuchung";\n'.repeat(200)}`;
const styles = `${'.card { border: 1px solid #ccc; padding: 0.5rem; }\n'.repeat(100)}`;

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

function get(port: number, urlPath: string, headers: Record<string, string>, method = 'GET') {
  return new Promise<Answer>((resolve, reject) => {
    const req = request({ port, path: urlPath, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static files with a Brotli twin', () => {
  let dir: string;
  let server: Server;
  let port: number;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pm-static-'));
    await mkdir(path.join(dir, 'chunks'));
    await writeFile(path.join(dir, 'chunks', 'app.js'), script);
    await writeFile(path.join(dir, 'chunks', 'page.css'), styles);
    await writeFile(path.join(dir, 'chunks', 'tiny.js'), 'export {};');
    await writeFile(path.join(dir, 'icon.png'), Buffer.alloc(4096, 7));
    await writeFile(path.join(dir, 'chunks', 'stale.js'), script);
    await writeFile(path.join(dir, 'chunks', 'stale.js.br'), 'from an earlier build');
  });
  afterAll(async () => {
    server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a twin, the same bytes once decompressed, for each text file worth compressing', async () => {
    const sums = await precompressStatic(dir);
    expect(sums.files).toBe(3);
    expect(sums.br).toBeLessThan(sums.raw / 10);
    const files = (await readdir(dir, { recursive: true })).sort();
    expect(files.filter((name) => name.endsWith('.br'))).toEqual([
      'chunks/app.js.br',
      'chunks/page.css.br',
      'chunks/stale.js.br',
    ]);
    for (const twin of ['app.js.br', 'stale.js.br'])
      expect(brotliDecompressSync(await readFile(path.join(dir, 'chunks', twin))).toString()).toBe(script);
  });

  it('answers from the twin when Brotli is accepted, and leaves every other request to Next', async () => {
    const later = new Date(Date.now() + 120_000);
    await utimes(path.join(dir, 'chunks', 'page.css'), later, later);
    const brotli = await brotliStatic(dir);
    // page.css changed after its twin was written: that twin is not trusted.
    expect(brotli.count).toBe(2);
    server = createServer((req, res) => {
      void brotli.handle(req, res).then((answered) => {
        if (!answered) res.writeHead(418).end('next');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;

    const br = await get(port, '/_next/static/chunks/app.js?dpl=1', {
      'accept-encoding': 'gzip, deflate, br, zstd',
    });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toBe('application/javascript; charset=UTF-8');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.headers['x-content-type-options']).toBe('nosniff');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(brotliDecompressSync(br.body).toString()).toBe(script);

    const etag = String(br.headers.etag);
    const again = await get(port, '/_next/static/chunks/app.js', {
      'accept-encoding': 'br',
      'if-none-match': etag,
    });
    expect([again.status, again.body.length]).toEqual([304, 0]);
    const head = await get(port, '/_next/static/chunks/app.js', { 'accept-encoding': 'br' }, 'HEAD');
    expect([head.status, head.headers['content-encoding'], head.body.length]).toEqual([200, 'br', 0]);

    const toNext = [
      await get(port, '/_next/static/chunks/app.js', { 'accept-encoding': 'gzip' }),
      await get(port, '/_next/static/chunks/app.js', { 'accept-encoding': 'br;q=0, gzip' }),
      await get(port, '/_next/static/chunks/app.js', {}),
      await get(port, '/_next/static/chunks/app.js', { 'accept-encoding': 'br' }, 'POST'),
      await get(port, '/_next/static/chunks/page.css', { 'accept-encoding': 'br' }),
      await get(port, '/_next/static/chunks/tiny.js', { 'accept-encoding': 'br' }),
      await get(port, '/_next/static/chunks/../chunks/app.js', { 'accept-encoding': 'br' }),
      await get(port, '/_next/static/chunks/app.js.br', { 'accept-encoding': 'br' }),
      await get(port, '/_next/static/chunks/%2e%2e/chunks/app.js', { 'accept-encoding': 'br' }),
    ];
    expect(toNext.map((answer) => answer.status)).toEqual(toNext.map(() => 418));
  });

  it.each([
    ['br', true],
    ['gzip, deflate, br, zstd', true],
    ['BR;q=0.5', true],
    ['br;q=0', false],
    ['gzip, br;q=0.000', false],
    ['gzip', false],
    ['', false],
    [undefined, false],
  ])('reads Accept-Encoding %j as accepting Brotli: %s', (header, accepted) => {
    expect(acceptsBrotli(header)).toBe(accepted);
  });
});
