import { createTRPCUntypedClient, httpLink, TRPCClientError } from '@trpc/client';
import superjson from 'superjson';
import { z } from 'zod';
import {
  type Job,
  type JobResult,
  type JobStage,
  type ServerLink,
  ServerLinkError,
  type UploadOutcome,
} from './server-link';

export interface HttpServerLinkOptions {
  /** The server's origin, e.g. `https://mobil.example.de`; procedures live under `/api/trpc`. */
  serverUrl: string;
  token: string;
  /** Per call, beyond the long-poll's own wait (default 15 s). */
  requestTimeoutMs?: number;
  /**
   * A job this gateway does not understand (a newer server): it is skipped, not allowed to spoil
   * the other jobs of the same answer. The server fails it when no result comes.
   */
  onUnknownJob?: (job: unknown, problem: string) => void;
}

// The server's answers are checked, not trusted: a contract drift shows as an error naming the field.
const ok = z.object({ ok: z.literal(true) });
const hex = z.string().regex(/^([0-9a-f]{2})*$/);
const boxesAnswer = z.object({
  stationId: z.string(),
  boxes: z.array(z.object({ boxId: z.string(), address: z.string() })),
});
const job = z.discriminatedUnion('kind', [
  z.object({ id: z.string(), kind: z.literal('command'), boxId: z.string(), address: z.string() }),
  z.object({
    id: z.string(),
    kind: z.enum(['revocation', 'trust']),
    boxId: z.string(),
    address: z.string(),
    frame: hex,
  }),
]);
const pullAnswer = z.object({ jobs: z.array(z.unknown()) });
const challengeAnswer = z.object({ command: hex });
const seq = z.number().int().min(0).max(0xffff_ffff);
const cursorAnswer = z.object({ cursors: z.array(z.object({ boxId: z.string(), nextSeq: seq })) });
const uploadAnswer = z.object({
  stored: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  nextSeq: seq,
});

/** ServerLink over tRPC's HTTP wire format with superjson, as CONTRACT.md describes. */
export function createHttpServerLink(options: HttpServerLinkOptions): ServerLink {
  const timeoutMs = options.requestTimeoutMs ?? 15_000;
  const client = createTRPCUntypedClient({
    links: [
      httpLink({
        url: `${options.serverUrl.replace(/\/+$/, '')}/api/trpc`,
        transformer: superjson,
        headers: () => ({ authorization: `Bearer ${options.token}` }),
      }),
    ],
  });

  async function call<T>(
    kind: 'query' | 'mutation',
    path: string,
    input: unknown,
    answer: z.ZodType<T>,
    extra: { waitMs?: number; signal?: AbortSignal } = {},
  ): Promise<T> {
    const timeout = AbortSignal.timeout(timeoutMs + (extra.waitMs ?? 0));
    const signal = extra.signal ? AbortSignal.any([extra.signal, timeout]) : timeout;
    let raw: unknown;
    try {
      raw = await client[kind](path, input, { signal });
    } catch (error) {
      throw classify(error, path);
    }
    const parsed = answer.safeParse(raw);
    if (!parsed.success) {
      throw new ServerLinkError(
        'UNAVAILABLE',
        `${path}: unexpected answer: ${z.prettifyError(parsed.error)}`,
      );
    }
    return parsed.data;
  }

  return {
    boxes: () => call('query', 'gateway.boxes', undefined, boxesAnswer),
    pull: async ({ waitMs }, signal) => {
      const answer = await call('mutation', 'gateway.pull', { waitMs }, pullAnswer, { waitMs, signal });
      const jobs: Job[] = [];
      for (const raw of answer.jobs) {
        const parsed = job.safeParse(raw);
        if (parsed.success) jobs.push(parsed.data);
        else options.onUnknownJob?.(raw, z.prettifyError(parsed.error));
      }
      return { jobs };
    },
    progress: async (input: { jobId: string; stage: JobStage }) => {
      await call('mutation', 'gateway.progress', input, ok);
    },
    challenge: (input) => call('mutation', 'gateway.challenge', input, challengeAnswer),
    result: async (input: JobResult) => {
      await call('mutation', 'gateway.result', input, ok);
    },
    logCursor: (input) => call('query', 'gateway.logCursor', input, cursorAnswer),
    uploadLog: (input): Promise<UploadOutcome> => call('mutation', 'gateway.uploadLog', input, uploadAnswer),
    boxReset: async (input) => {
      await call('mutation', 'gateway.boxReset', input, z.object({}).loose());
    },
  };
}

function classify(error: unknown, path: string): ServerLinkError {
  if (error instanceof TRPCClientError) {
    // `data` is there only when the server itself answered with a tRPC error.
    const data: unknown = error.data;
    const status = isRecord(data) && typeof data.httpStatus === 'number' ? data.httpStatus : undefined;
    const code = isRecord(data) && typeof data.code === 'string' ? data.code : undefined;
    if (code === 'UNAUTHORIZED' || status === 401) {
      return new ServerLinkError('UNAUTHORIZED', `${path}: token refused`, { cause: error });
    }
    if (
      status !== undefined &&
      status >= 400 &&
      status < 500 &&
      code !== 'TIMEOUT' &&
      code !== 'TOO_MANY_REQUESTS'
    ) {
      return new ServerLinkError('REFUSED', `${path}: ${code ?? status}: ${error.message}`, { cause: error });
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ServerLinkError('UNAVAILABLE', `${path}: ${message}`, { cause: error });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
