import type { AppErrorCode } from '../errors';

export type GuardLimits = {
  /** The app's own origin (from APP_URL): the one browser origin that may call the API. */
  appOrigin: string;
  maxBodyBytes: number;
  maxBatchSize: number;
  /** Deepest nesting of arrays and objects an input may have; our inputs need four or five. */
  maxJsonDepth: number;
};

export const defaultLimits = {
  maxBodyBytes: 256 * 1024,
  maxBatchSize: 16,
  maxJsonDepth: 32,
} as const satisfies Omit<GuardLimits, 'appOrigin'>;

/**
 * A browser states where a request comes from; a script on another site can send a "simple"
 * cross-site POST with the person's cookies (form or multipart body, no preflight), so a request
 * from any origin but ours is refused before it reaches a procedure. No Origin at all is a
 * non-browser client (the station gateways): that is not a cross-site request.
 */
export function isForeignOrigin(headers: Headers, requestHost: string | null, appOrigin: string): boolean {
  const site = headers.get('sec-fetch-site');
  if (site === 'cross-site' || site === 'same-site') return true;
  const origin = headers.get('origin');
  if (origin === null) return false;
  if (origin === appOrigin) return false;
  try {
    // The same app reached under another name of this host (127.0.0.1 for localhost in the demo).
    return requestHost === null || new URL(origin).host !== requestHost;
  } catch {
    return true; // "null" (sandboxed frames, file:) and anything unparsable
  }
}

/** The media type without its parameters, lower case (RFC 9110 §8.3.1). */
function mediaType(headers: Headers): string | null {
  const value = headers.get('content-type');
  return value === null ? null : (value.split(';', 1)[0] ?? '').trim().toLowerCase();
}

/**
 * Why a request to /api/trpc is refused before tRPC sees it, or null. Only what the headers and
 * URL show; the body is checked as it is read (`readBoundedBody`, `jsonDepthExceeds`).
 */
export function refusalOf(request: Request, limits: GuardLimits): AppErrorCode | null {
  const url = new URL(request.url);
  if (isForeignOrigin(request.headers, request.headers.get('host') ?? url.host, limits.appOrigin))
    return 'FOREIGN_ORIGIN';
  if (!['GET', 'HEAD', 'POST'].includes(request.method)) return 'METHOD_NOT_ALLOWED';
  if (request.method === 'POST' && mediaType(request.headers) !== 'application/json')
    return 'UNSUPPORTED_MEDIA_TYPE';
  const length = Number(request.headers.get('content-length') ?? 0);
  if (!Number.isFinite(length) || length > limits.maxBodyBytes) return 'REQUEST_TOO_LARGE';
  if (url.searchParams.get('batch') === '1') {
    const calls = url.pathname.split('/').at(-1)?.split(',').length ?? 0;
    if (calls > limits.maxBatchSize) return 'BATCH_TOO_LARGE';
  }
  const input = url.searchParams.get('input');
  if (input !== null && jsonDepthExceeds(input, limits.maxJsonDepth)) return 'MALFORMED_REQUEST';
  return null;
}

/** The body as text, or null once it passes `maxBytes` (a chunked body has no Content-Length to check). */
export async function readBoundedBody(request: Request, maxBytes: number): Promise<string | null> {
  if (!request.body) return '';
  return (await readBoundedBytes(request.body, maxBytes))?.toString('utf8') ?? null;
}

/** A stream's bytes, read chunk by chunk and given up (null) the moment they pass `maxBytes`, so nothing unbounded is buffered. */
export async function readBoundedBytes(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
): Promise<Buffer | null> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * Whether JSON text nests arrays and objects deeper than `max`, by one pass over the characters
 * (brackets inside strings do not count). Deep nesting would otherwise exhaust the stack in the
 * transformer or the validator instead of being refused as what it is.
 */
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c)
        index++; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) {
      depth++;
      if (depth > max) return true;
    } else if (char === 0x5d || char === 0x7d) depth--;
  }
  return false;
}
