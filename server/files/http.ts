import { getTRPCErrorShape, TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { AppError } from '../errors';
import { appRouter } from '../root';
import type { Context } from '../trpc';

/** A file to download: never cached, since it shows the data as it is now for this person. */
export function download(body: string | Buffer, contentType: string, filename: string): Response {
  return new Response(typeof body === 'string' ? body : new Uint8Array(body), {
    status: 200,
    headers: {
      'Content-Type': contentType,
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}

/**
 * A refusal as the tRPC API gives it (status, code, German message, field errors), through the
 * same error formatter, so a failed download reads like any failed call. Internal errors are
 * logged and answered with the formatter's neutral sentence.
 */
export function refusal(error: unknown, ctx: Pick<Context, 'log'>): Response {
  const trpcError =
    error instanceof TRPCError
      ? error
      : error instanceof AppError
        ? new TRPCError({ code: error.trpcCode, message: error.message, cause: error })
        : new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: error });
  if (trpcError.code === 'INTERNAL_SERVER_ERROR') ctx.log.error({ err: error }, 'report export failed');
  const shape = getTRPCErrorShape({
    config: appRouter._def._config,
    error: trpcError,
    type: 'query',
    path: undefined,
    input: undefined,
    ctx: undefined,
  });
  return Response.json(
    { error: shape },
    {
      status: getHTTPStatusCodeFromError(trpcError),
      headers: { 'Cache-Control': 'no-store' },
    },
  );
}

/** Runs an export and answers its file, or the refusal it met. */
export async function answer(ctx: Context, run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    return refusal(error, ctx);
  }
}
