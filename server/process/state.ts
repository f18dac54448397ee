import type { Db } from '@/db/client';
import { processSingleton } from '../singleton';

/** What a booted process runs besides answering requests, as the health check reports it. */
export interface Workers {
  scheduler: boolean;
  mail: boolean;
}

/** A booted process: its database and workers, and the way to stop them (server/boot.ts). */
export interface Booted {
  engine: 'postgres' | 'pglite';
  db: Db;
  workers(): Workers;
  /** Stops the background work that does not answer requests: the demo's gateways. */
  stopBackground(): Promise<void>;
  /** Stops every worker and then closes the database; once, however often it is called. */
  stop(): Promise<void>;
}

interface ProcessState {
  booted?: Promise<Booted>;
  stopping: AbortController;
}

// Process-wide: our HTTP server (server/http-server.ts) and Next's bundles of instrumentation and
// route handlers are separate module graphs in one process, and all of them must see one state.
export function processState(): ProcessState {
  return processSingleton('process', (): ProcessState => ({ stopping: new AbortController() }));
}

/**
 * The boot that instrumentation.ts started. Next's prepare() resolves before it has called
 * register(), so our server waits here for the boot to begin (`ms` at most), then for its end.
 */
export async function bootOfThisProcess(ms: number): Promise<Booted> {
  const deadline = Date.now() + ms;
  for (;;) {
    const booted = processState().booted;
    if (booted) return booted;
    if (Date.now() > deadline) throw new Error(`instrumentation.ts did not boot the process within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Aborted once the process has begun to stop: long-polls end, the health check says 503. */
export const stoppingSignal = (): AbortSignal => processState().stopping.signal;

export function beginStopping(): void {
  processState().stopping.abort();
}

/**
 * Set by server/http-server.ts before Next loads: that process owns the signals and the order of
 * the shutdown. Without it (`next dev`) boot handles SIGINT/SIGTERM itself.
 */
export const OWN_SERVER_ENV = 'PM_HTTP_SERVER';
