/**
 * The station gateway: takes jobs from the server by long-poll and carries them to the boxes, and
 * brings every box's log to the server. It keeps no state that matters (CONTRACT.md): the server
 * holds the jobs and the log cursors, so a restarted or replaced gateway simply starts again.
 */

import { Backoff, type BackoffSettings, DEFAULT_BACKOFF, persist, sleep } from './backoff';
import { SerialQueue } from './ble/async-util';
import type { BoxLink } from './ble/box-link';
import { BoxSessions } from './box-sessions';
import { jobLogEntry } from './job-log';
import { type JobContext, type JobOutcome, runJob } from './jobs';
import { describeError, type GatewayLogger, jsonLineLogger } from './log';
import { type BoxSyncReport, type SyncContext, syncOneBox } from './log-sync';
import { ServerHealth } from './server-health';
import { type Job, MAX_PULL_WAIT_MS, type ServerLink } from './server-link';
import { syncRound } from './sync-round';

export interface GatewayOptions {
  server: ServerLink;
  link: BoxLink;
  /** The station this gateway stands at; the server's answer for the token must name it. */
  stationId?: string;
  /** Pause between log sync rounds over all boxes (default 5 min). */
  logSyncIntervalMs?: number;
  /** Long-poll wait handed to `gateway.pull` (default 25 s, at most 30 s). */
  pullWaitMs?: number;
  /** Backoff after server failures (default 1 s … 60 s). */
  backoff?: BackoffSettings;
  /** How long a finished job keeps trying to deliver its result (default 60 s). */
  resultBudgetMs?: number;
  /** How long a log upload keeps trying before the round ends (default 10 s). */
  uploadBudgetMs?: number;
  logger?: GatewayLogger;
  /** Told of every job done, with its timings (the benchmark listens here). */
  onJob?: (job: Job, outcome: JobOutcome) => void;
}

interface GatewayStats {
  jobs: { ok: number; failed: number; undelivered: number };
  log: { rounds: number; fetched: number; stored: number; duplicates: number; rejected: number };
  serverFailures: number;
}

export interface Gateway {
  /** Starts the pull loop and the log sync loop; returns at once. */
  start(): void;
  /** Ends the long-poll, lets running jobs finish and report, and waits for the loops to end. */
  stop(): Promise<void>;
  /** One log sync round now, in turn with the periodic ones; throws when the server is unavailable. */
  syncLogs(): Promise<BoxSyncReport[]>;
  stats(): GatewayStats;
}

export function createGateway(options: GatewayOptions): Gateway {
  const { server, link } = options;
  const log = options.logger ?? jsonLineLogger;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const pullWaitMs = Math.min(options.pullWaitMs ?? 25_000, MAX_PULL_WAIT_MS);
  const intervalMs = options.logSyncIntervalMs ?? 300_000;
  const sessions = new BoxSessions(link);
  const rounds = new SerialQueue();
  const health = new ServerHealth(log);
  const inflight = new Set<Promise<void>>();
  const absent = new Set<string>();
  const stats: GatewayStats = {
    jobs: { ok: 0, failed: 0, undelivered: 0 },
    log: { rounds: 0, fetched: 0, stored: 0, duplicates: 0, rejected: 0 },
    serverFailures: 0,
  };
  let abort = new AbortController();
  let loops: Promise<void>[] = [];

  const serverFailed = (error: unknown) => {
    stats.serverFailures += 1;
    health.failed(error);
  };

  const jobContext = (): JobContext => ({
    server,
    sessions,
    signal: abort.signal,
    backoff,
    resultBudgetMs: options.resultBudgetMs ?? 60_000,
    onServerRetry: serverFailed,
    syncLog: (box) => syncOneBox(box, syncContext()),
  });
  const syncContext = (): SyncContext => ({
    server,
    sessions,
    signal: abort.signal,
    backoff,
    uploadBudgetMs: options.uploadBudgetMs ?? 10_000,
    fetchRetries: 2,
    onServerRetry: serverFailed,
  });

  const dispatch = (job: Job) => {
    const running = runJob(job, jobContext())
      .then((outcome) => {
        if ('response' in outcome.result) stats.jobs.ok += 1;
        else stats.jobs.failed += 1;
        if (!outcome.delivered) stats.jobs.undelivered += 1;
        log(jobLogEntry(job, outcome));
        options.onJob?.(job, outcome);
      })
      .catch((error: unknown) =>
        log({ level: 'error', event: 'job crashed', jobId: job.id, error: describeError(error) }),
      )
      .finally(() => inflight.delete(running));
    inflight.add(running);
  };

  const pullLoop = async (signal: AbortSignal) => {
    const delays = new Backoff(backoff);
    while (!signal.aborted) {
      try {
        const { jobs } = await server.pull({ waitMs: pullWaitMs }, signal);
        delays.reset();
        health.ok();
        for (const job of jobs) dispatch(job);
      } catch (error) {
        if (signal.aborted) break;
        serverFailed(error);
        await sleep(delays.next(), signal);
      }
    }
  };

  const runRound = () =>
    rounds.run(async () => {
      const reports = await syncRound(syncContext(), log, absent);
      health.ok();
      stats.log.rounds += 1;
      for (const r of reports) {
        stats.log.fetched += r.fetched;
        stats.log.stored += r.stored;
        stats.log.duplicates += r.duplicates;
        stats.log.rejected += r.rejected;
      }
      return reports;
    });

  const syncLoop = async (signal: AbortSignal) => {
    const delays = new Backoff(backoff);
    while (!signal.aborted) {
      try {
        await runRound();
        delays.reset();
        await sleep(intervalMs, signal);
      } catch (error) {
        if (signal.aborted) break;
        serverFailed(error);
        await sleep(delays.next(), signal);
      }
    }
  };

  /** Before anything else: the server answers, for the station we were set up for. */
  const boot = async (signal: AbortSignal) => {
    let warned = false;
    class WrongStation extends Error {}
    await persist(
      async () => {
        const { stationId, boxes } = await server.boxes();
        if (options.stationId !== undefined && stationId !== options.stationId) {
          if (!warned)
            log({ level: 'error', event: 'station mismatch', expected: options.stationId, token: stationId });
          warned = true;
          throw new WrongStation(`the token belongs to station ${stationId}`);
        }
        log({ level: 'info', event: 'station', stationId, boxes: boxes.length });
      },
      {
        signal,
        backoff,
        onRetry: (error) => {
          if (!(error instanceof WrongStation)) serverFailed(error);
        },
      },
    ).catch(() => undefined);
    if (signal.aborted) return;
    health.ok();
    await Promise.all([pullLoop(signal), syncLoop(signal)]);
  };

  return {
    start() {
      if (loops.length > 0) return;
      abort = new AbortController();
      log({ level: 'info', event: 'gateway started', pullWaitMs, logSyncIntervalMs: intervalMs });
      loops = [boot(abort.signal)];
    },
    async stop() {
      if (loops.length === 0) return;
      abort.abort();
      await Promise.allSettled(loops);
      await Promise.allSettled([...inflight]);
      loops = [];
      log({ level: 'info', event: 'gateway stopped', ...stats.jobs });
    },
    syncLogs: runRound,
    stats: () => structuredClone(stats),
  };
}
