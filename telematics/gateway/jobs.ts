/** One job from `gateway.pull`, carried out: the relay of a command, a revocation or a trust update. */
import { fromHex, toHex } from '../protocol/bytes';
import { NONCE_LIFETIME_S, Status } from '../protocol/constants';
import { decodeResponse } from '../protocol/response';
import { type BackoffSettings, persist } from './backoff';
import { BoxLinkError } from './ble/box-link';
import type { BoxSessions } from './box-sessions';
import { describeError } from './log';
import {
  isRefusal,
  type Job,
  type JobFailure,
  type JobResult,
  type ServerLink,
  type StationBox,
} from './server-link';

export interface JobContext {
  server: ServerLink;
  sessions: BoxSessions;
  signal: AbortSignal;
  backoff: BackoffSettings;
  /** How long to keep trying to deliver a result (default 60 s); after that the server fails the job itself. */
  resultBudgetMs: number;
  onServerRetry: (error: unknown) => void;
  /**
   * Brings the box's log to the server. Called before the result of a command the box refused
   * with VEHICLE_STATE: its records tell the server whether a door or the ignition was the reason.
   */
  syncLog?: (box: StationBox) => Promise<unknown>;
}

export interface JobOutcome {
  result: JobResult;
  /** Split of the job's time for the benchmark: BLE operations and waiting on the server. */
  timings: { totalMs: number; bleMs: number; serverMs: number };
  /** Whether the server took the result. */
  delivered: boolean;
}

/**
 * The server signs a command for the nonce just read; past the nonce's life (30 s of box time)
 * the box would refuse it anyway, so a slow server is given a little less than that.
 */
const CHALLENGE_BUDGET_MS = (NONCE_LIFETIME_S - 10) * 1000;

export async function runJob(job: Job, context: JobContext): Promise<JobOutcome> {
  const started = performance.now();
  const timings = { totalMs: 0, bleMs: 0, serverMs: 0 };
  const timed = async <T>(leg: 'bleMs' | 'serverMs', work: Promise<T>): Promise<T> => {
    const from = performance.now();
    try {
      return await work;
    } finally {
      timings[leg] += performance.now() - from;
    }
  };
  // Progress is news for the user's screen, not a step the job waits for; only the result waits
  // for it, so the server never hears "connected" after "done".
  let progress = Promise.resolve();
  const report = (stage: 'connecting' | 'connected') => {
    progress = progress.then(() => context.server.progress({ jobId: job.id, stage }).catch(() => undefined));
  };

  report('connecting');
  let result: JobResult;
  try {
    result = await context.sessions.exclusive(job.address, () =>
      timed(
        'bleMs',
        context.sessions.with(job.address, async (connection) => {
          report('connected');
          // A CA-signed frame for the box: written as it came, the box's answer handed back.
          if (job.kind !== 'command') {
            return { jobId: job.id, response: toHex(await connection.sendCommand(fromHex(job.frame))) };
          }
          const info = await connection.readInfo();
          const challenge = await connection.readChallenge();
          const answer = await pause(
            timings,
            'serverMs',
            askForCommand(context, job.id, toHex(info), toHex(challenge)),
          );
          if ('failure' in answer) return { jobId: job.id, ...answer };
          const response = await connection.sendCommand(fromHex(answer.command));
          const decoded = decodeResponse(response);
          if (decoded.ok && decoded.frame.status === Status.VEHICLE_STATE && context.syncLog) {
            // Best effort, over this connection: without it the server learns the reason later.
            await context.syncLog({ boxId: job.boxId, address: job.address }).catch(() => undefined);
          }
          return { jobId: job.id, response: toHex(response) };
        }),
      ),
    );
  } catch (error) {
    result = { jobId: job.id, ...failureOf(error) };
  }

  await progress;
  const delivered = await timed(
    'serverMs',
    persist(() => context.server.result(result), {
      signal: context.signal,
      backoff: context.backoff,
      budgetMs: context.resultBudgetMs,
      isFinal: isRefusal,
      onRetry: context.onServerRetry,
    }).then(
      () => true,
      () => false,
    ),
  );
  timings.totalMs = performance.now() - started;
  return { result, timings, delivered };
}

async function askForCommand(
  context: JobContext,
  jobId: string,
  info: string,
  challenge: string,
): Promise<{ command: string } | { failure: JobFailure; detail: string }> {
  try {
    return await persist(() => context.server.challenge({ jobId, info, challenge }), {
      signal: context.signal,
      backoff: context.backoff,
      budgetMs: CHALLENGE_BUDGET_MS,
      isFinal: isRefusal,
      onRetry: context.onServerRetry,
    });
  } catch (error) {
    if (isRefusal(error)) return { failure: 'EXPIRED', detail: describeError(error) };
    // The server could not be reached in the nonce's lifetime; the job cannot finish now.
    return { failure: 'TIMEOUT', detail: `server: ${describeError(error)}` };
  }
}

/** Moves the time spent in `work` from the BLE leg (which is running around it) to `leg`. */
async function pause<T>(
  timings: { bleMs: number; serverMs: number },
  leg: 'serverMs',
  work: Promise<T>,
): Promise<T> {
  const from = performance.now();
  try {
    return await work;
  } finally {
    const spent = performance.now() - from;
    timings[leg] += spent;
    timings.bleMs -= spent;
  }
}

/** The contract's failure code for what went wrong on the radio side. */
function failureOf(error: unknown): { failure: JobFailure; detail: string } {
  const detail = describeError(error);
  if (error instanceof BoxLinkError) {
    switch (error.code) {
      case 'NOT_FOUND':
        return { failure: 'NOT_IN_RANGE', detail };
      case 'LINK_DROPPED':
        return { failure: 'LINK_DROPPED', detail };
      case 'TIMEOUT':
        return { failure: 'TIMEOUT', detail };
      default:
        return { failure: 'BLUETOOTH', detail };
    }
  }
  // A malformed frame from the server (bad hex) or a bug: the radio step did not happen as asked.
  return { failure: 'BLUETOOTH', detail };
}
