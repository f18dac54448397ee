/** Exponential backoff with jitter, and a sleep that a stopping gateway can cut short. */

export interface BackoffSettings {
  /** First delay (default 1 s). */
  minMs: number;
  /** Ceiling (default 60 s). */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffSettings = { minMs: 1_000, maxMs: 60_000 };

/**
 * Delays double from minMs up to maxMs; each is drawn from its upper half ("equal jitter"), so
 * gateways that lost the server together do not all come back in the same instant, yet none
 * hammers it sooner than half the nominal delay.
 */
export class Backoff {
  private failures = 0;

  constructor(
    private readonly settings: BackoffSettings = DEFAULT_BACKOFF,
    private readonly random: () => number = Math.random,
  ) {}

  get attempts(): number {
    return this.failures;
  }

  /** The delay before the next attempt, after one more failure. */
  next(): number {
    const nominal = Math.min(this.settings.maxMs, this.settings.minMs * 2 ** Math.min(this.failures, 30));
    this.failures += 1;
    return nominal / 2 + (this.random() * nominal) / 2;
  }

  reset(): void {
    this.failures = 0;
  }
}

/** Resolves after `ms`, or at once (without error) when `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

export interface PersistOptions {
  signal: AbortSignal;
  backoff: BackoffSettings;
  /** Gives up once this much time has passed (default: never, only a stop ends it). */
  budgetMs?: number;
  /** Errors worth no retry; they are thrown at once. */
  isFinal?: (error: unknown) => boolean;
  /** Told of every failure that will be retried. */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
  random?: () => number;
}

/**
 * Calls `attempt` until it succeeds, backing off between failures. The first attempt runs even
 * when stopping (a finished job should still report its result); retries do not.
 */
export async function persist<T>(attempt: () => Promise<T>, options: PersistOptions): Promise<T> {
  const backoff = new Backoff(options.backoff, options.random);
  const deadline = options.budgetMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + options.budgetMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (options.isFinal?.(error)) throw error;
      const delayMs = backoff.next();
      if (options.signal.aborted || Date.now() + delayMs > deadline) throw error;
      options.onRetry?.(error, backoff.attempts, delayMs);
      await sleep(delayMs, options.signal);
      if (options.signal.aborted) throw error;
    }
  }
}
