import { request as httpRequest } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, test } from './fixtures';

/** The raw answer to a GET, undecoded, with the Accept-Encoding given. */
function rawGet(url: string, acceptEncoding: string) {
  return new Promise<{ status: number; encoding: string; body: Buffer }>((resolve, reject) => {
    const req = httpRequest(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          encoding: String(res.headers['content-encoding'] ?? 'none'),
          body: Buffer.concat(chunks),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

test('the search page’s scripts reach the browser Brotli-compressed, the same code as gzip gives', async ({
  staffPage,
  baseURL,
}) => {
  const scripts: { url: string; encoding: string }[] = [];
  staffPage.on('response', (response) => {
    if (response.request().resourceType() === 'script' && response.url().includes('/_next/static/'))
      scripts.push({ url: response.url(), encoding: response.headers()['content-encoding'] ?? 'none' });
  });
  await staffPage.goto('/');
  await staffPage.waitForLoadState('networkidle');
  expect(scripts.length).toBeGreaterThan(5);
  expect(scripts.filter((script) => script.encoding !== 'br')).toEqual([]);

  const first = new URL(scripts[0]?.url ?? '', baseURL).href;
  const br = await rawGet(first, 'br');
  const gzip = await rawGet(first, 'gzip');
  expect([br.status, br.encoding, gzip.status, gzip.encoding]).toEqual([200, 'br', 200, 'gzip']);
  expect(brotliDecompressSync(br.body).equals(gunzipSync(gzip.body))).toBe(true);
  expect(br.body.length).toBeLessThan(gzip.body.length);
});
