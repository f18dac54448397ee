/**
 * A small tRPC server speaking CONTRACT.md over HTTP with superjson and a bearer token, for the
 * gateway's own tests and benchmark. It stands in for the real server only there; the real one
 * lives in server/ and is wired to the gateway elsewhere.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { initTRPC, TRPCError } from '@trpc/server';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import superjson from 'superjson';
import { z } from 'zod';
import { MAX_PULL_WAIT_MS, UPLOAD_BATCH } from '../server-link';
import { TestAuthority } from './authority';
import { ServerState } from './server-state';

export const TEST_TOKEN = 'gateway-test-token-naunhof';
export const TEST_STATION = 'naunhof-rathaus';

const hex = z.string().regex(/^([0-9a-f]{2})*$/);
const failure = z.enum(['NOT_IN_RANGE', 'LINK_DROPPED', 'TIMEOUT', 'BLUETOOTH', 'EXPIRED']);

function makeRouter(state: ServerState, tokenHash: Buffer) {
  const t = initTRPC.context<{ authorization: string | undefined }>().create({ transformer: superjson });
  const gatewayProcedure = t.procedure.use(({ ctx, next }) => {
    const presented = createHash('sha256')
      .update(ctx.authorization?.replace(/^Bearer /, '') ?? '')
      .digest();
    if (!ctx.authorization?.startsWith('Bearer ') || !timingSafeEqual(presented, tokenHash)) {
      throw new TRPCError({ code: 'UNAUTHORIZED' });
    }
    return next();
  });
  const jobId = z.string().uuid();
  return t.router({
    gateway: t.router({
      boxes: gatewayProcedure.query(() => ({
        stationId: TEST_STATION,
        boxes: [...state.boxes.values()].map(({ boxId, address }) => ({ boxId, address })),
      })),
      pull: gatewayProcedure
        .input(z.object({ waitMs: z.number().int().min(0).max(MAX_PULL_WAIT_MS) }))
        .mutation(async ({ input, signal }) => ({ jobs: await state.pull(input.waitMs, signal) })),
      progress: gatewayProcedure
        .input(z.object({ jobId, stage: z.enum(['connecting', 'connected']) }))
        .mutation(({ input }) => {
          state.progress(input.jobId, input.stage);
          return { ok: true as const };
        }),
      challenge: gatewayProcedure
        .input(z.object({ jobId, info: hex, challenge: hex }))
        .mutation(({ input }) => {
          const command = state.challenge(input.jobId, input.info, input.challenge);
          if (typeof command !== 'string') {
            throw new TRPCError({ code: 'PRECONDITION_FAILED', message: command.refused });
          }
          return { command };
        }),
      result: gatewayProcedure
        .input(
          z.union([
            z.object({ jobId, response: hex }),
            z.object({ jobId, failure, detail: z.string().optional() }),
          ]),
        )
        .mutation(({ input }) => {
          if (!state.result(input.jobId, input)) throw new TRPCError({ code: 'NOT_FOUND' });
          return { ok: true as const };
        }),
      logCursor: gatewayProcedure
        .input(z.object({ boxIds: z.array(z.string().uuid()) }))
        .query(({ input }) => ({
          cursors: input.boxIds.map((boxId) => ({ boxId, nextSeq: state.cursor(boxId) })),
        })),
      uploadLog: gatewayProcedure
        .input(z.object({ boxId: z.string().uuid(), records: z.array(hex).max(UPLOAD_BATCH) }))
        .mutation(({ input }) => state.upload(input.boxId, input.records)),
      boxReset: gatewayProcedure
        .input(z.object({ boxId: z.string().uuid(), nextSeq: z.number().int().min(1) }))
        .mutation(({ input }) => {
          state.resets.push(input);
          return {
            behind: input.nextSeq < state.cursor(input.boxId),
            serverNextSeq: state.cursor(input.boxId),
          };
        }),
    }),
  });
}

export interface ContractServer {
  state: ServerState;
  url: string;
  port: number;
  /** Calls the server has answered since start (any procedure). */
  calls(): number;
  /** Goes down hard: open long-polls are cut, as in a crash. The state stays. */
  stop(): Promise<void>;
  /** Comes back on the same port with the same state. */
  restart(): Promise<void>;
}

export async function startContractServer(
  options: { now: () => number; port?: number; state?: ServerState } = { now: () => Date.now() / 1000 },
): Promise<ContractServer> {
  const state = options.state ?? new ServerState(new TestAuthority(options.now));
  const tokenHash = createHash('sha256').update(TEST_TOKEN).digest();
  let answered = 0;
  const handler = createHTTPHandler({
    router: makeRouter(state, tokenHash),
    basePath: '/api/trpc/',
    createContext: ({ req }) => {
      answered += 1;
      return { authorization: req.headers.authorization };
    },
  });
  let server: http.Server | undefined;
  let port = options.port ?? 0;
  const listen = async () => {
    const created = http.createServer(handler);
    await new Promise<void>((resolve, reject) => {
      created.once('error', reject);
      created.listen(port, '127.0.0.1', () => resolve());
    });
    port = (created.address() as AddressInfo).port;
    server = created;
  };
  await listen();
  return {
    state,
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    calls: () => answered,
    async stop() {
      const running = server;
      server = undefined;
      if (!running) return;
      state.wakeAll();
      running.closeAllConnections();
      await new Promise<void>((resolve) => running.close(() => resolve()));
    },
    restart: listen,
  };
}
