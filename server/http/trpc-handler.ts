import { getTRPCErrorShape, TRPCError, transformTRPCResponse } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { AppError, type AppErrorCode } from '../errors';
import { logger } from '../logger';
import { type Language, languageOf } from '../messages/language';
import { appRouter } from '../root';
import type { Context } from '../trpc';
import {
  defaultLimits,
  type GuardLimits,
  jsonDepthExceeds,
  readBoundedBody,
  refusalOf,
} from './request-guard';

export type TrpcHttpOptions = Partial<GuardLimits> & {
  appOrigin: string;
  createContext: (request: Request) => Promise<Context>;
};

export const TRPC_ENDPOINT = '/api/trpc';

/** A refusal in the shape and status tRPC gives its own errors, so the client reads it the same way. */
function refusal(code: AppErrorCode, language: Language): Response {
  const cause = new AppError(code);
  const error = new TRPCError({ code: cause.trpcCode, message: cause.messageIn(language), cause });
  const config = appRouter._def._config;
  const shape = getTRPCErrorShape({
    config,
    error,
    type: 'unknown',
    path: undefined,
    input: undefined,
    ctx: undefined,
  });
  return Response.json(transformTRPCResponse(config, { error: shape }), {
    status: getHTTPStatusCodeFromError(error),
    headers: {
      'Cache-Control': 'no-store',
      ...(code === 'METHOD_NOT_ALLOWED' ? { Allow: 'GET, POST' } : {}),
    },
  });
}

/**
 * /api/trpc: requests from other sites, bodies that are not JSON, too large, too deep or too many
 * calls at once are refused with a typed error before any procedure (or the session lookup) runs.
 */
export function trpcHttpHandler(options: TrpcHttpOptions): (request: Request) => Promise<Response> {
  const limits: GuardLimits = { ...defaultLimits, ...options };
  return async (request) => {
    // Refused before the session is read: in the language the browser chose.
    const language = languageOf(request.headers, null);
    const refused = refusalOf(request, limits);
    if (refused) return refusal(refused, language);
    let forwarded = request;
    if (request.method === 'POST') {
      const body = await readBoundedBody(request, limits.maxBodyBytes);
      if (body === null) return refusal('REQUEST_TOO_LARGE', language);
      if (jsonDepthExceeds(body, limits.maxJsonDepth)) return refusal('MALFORMED_REQUEST', language);
      forwarded = new Request(request.url, {
        method: 'POST',
        headers: request.headers,
        body,
        signal: request.signal,
      });
    }
    return fetchRequestHandler({
      endpoint: TRPC_ENDPOINT,
      req: forwarded,
      router: appRouter,
      createContext: () => options.createContext(forwarded),
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR')
          logger.error({ err: error.cause ?? error, path }, 'tRPC procedure failed');
      },
    });
  };
}
