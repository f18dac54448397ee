import { TRPCError } from '@trpc/server';
import type { Db } from '@/db/client';
import { type ServerLink, ServerLinkError } from '@/telematics/gateway/server-link';
import { logger } from '../logger';
import { stoppingSignal } from '../process/state';
import { createCaller } from '../root';
import { settings } from '../settings';

/**
 * The demo gateway's way to the server without a port: every call goes through the real
 * `gateway.*` procedures with the gateway's bearer token, as over HTTP (token check, input
 * validation, AppError mapping), just without the wire. Errors become ServerLinkErrors the way
 * the HTTP link classifies them, so the gateway backs off and retries alike.
 */
export function createInProcessServerLink(db: Db, token: string): ServerLink {
  const api = (signal?: AbortSignal) =>
    createCaller(
      async () => ({
        db,
        user: null,
        authorization: `Bearer ${token}`,
        log: logger,
        settings: await settings(),
        // The gateway reads no sentences; its errors are logged, and the logs are German.
        language: 'de',
      }),
      { signal },
    ).gateway;

  async function call<T>(path: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw classify(error, path);
    }
  }

  return {
    boxes: () => call('gateway.boxes', () => api().boxes()),
    pull: (input, signal) => {
      // Over HTTP a stopping server's closed listener refuses the next pull, and the gateway backs
      // off. In the process nothing would: the pull's empty answer came back at once, again and
      // again, a loop of promises that starved every timer, the stop's own deadline included.
      if (stoppingSignal().aborted)
        return Promise.reject(new ServerLinkError('UNAVAILABLE', 'gateway.pull: the server is stopping'));
      return call('gateway.pull', () => api(signal).pull(input));
    },
    progress: async (input) => {
      await call('gateway.progress', () => api().progress(input));
    },
    challenge: (input) => call('gateway.challenge', () => api().challenge(input)),
    result: async (input) => {
      await call('gateway.result', () => api().result(input));
    },
    logCursor: (input) => call('gateway.logCursor', () => api().logCursor(input)),
    uploadLog: (input) => call('gateway.uploadLog', () => api().uploadLog(input)),
    boxReset: async (input) => {
      await call('gateway.boxReset', () => api().boxReset(input));
    },
  };
}

/** As the HTTP link: 401 → UNAUTHORIZED, other client errors → REFUSED, anything else → UNAVAILABLE. */
function classify(error: unknown, path: string): ServerLinkError {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof TRPCError) {
    if (error.code === 'UNAUTHORIZED')
      return new ServerLinkError('UNAUTHORIZED', `${path}: token refused`, { cause: error });
    const serverSide = ['INTERNAL_SERVER_ERROR', 'TIMEOUT', 'TOO_MANY_REQUESTS', 'CLIENT_CLOSED_REQUEST'];
    if (!serverSide.includes(error.code))
      return new ServerLinkError('REFUSED', `${path}: ${error.code}: ${message}`, { cause: error });
  }
  return new ServerLinkError('UNAVAILABLE', `${path}: ${message}`, { cause: error });
}
