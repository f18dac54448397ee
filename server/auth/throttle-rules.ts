/**
 * How often a password may be tried: per client address (a fixed window of failures) and per
 * account name (consecutive failures, then a lock that doubles with each further failure).
 *
 * Every attempt is counted as a failure before its password is checked, and the count is given
 * back when it was right. So parallel guesses cannot all slip through while the first is still
 * being checked: the lock is in place the moment the fifth guess is let through.
 */
export const ADDRESS_LIMIT = { maxFailures: 10, windowMs: 15 * 60_000 } as const;

export const ACCOUNT_BACKOFF = {
  /** The failure that first locks the account. */
  threshold: 5,
  firstLockMs: 60_000,
  maxLockMs: 60 * 60_000,
  /** A run of failures is forgotten after a day without one. */
  memoryMs: 24 * 60 * 60_000,
} as const;

export type AddressState = { attempts: number; windowStartedAt: Date };

export type AccountState = {
  failures: number;
  lastFailureAt: Date;
  lockedUntil: Date | null;
  notifiedAt: Date | null;
};

export type Verdict<S> = { allowed: true; next: S } | { allowed: false; retryAfterSeconds: number };

const secondsUntil = (until: Date, now: Date) =>
  Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));

export function addressAttempt(state: AddressState | null, now: Date): Verdict<AddressState> {
  if (!state || now.getTime() - state.windowStartedAt.getTime() >= ADDRESS_LIMIT.windowMs)
    return { allowed: true, next: { attempts: 1, windowStartedAt: now } };
  if (state.attempts >= ADDRESS_LIMIT.maxFailures) {
    const windowEnds = new Date(state.windowStartedAt.getTime() + ADDRESS_LIMIT.windowMs);
    return { allowed: false, retryAfterSeconds: secondsUntil(windowEnds, now) };
  }
  return { allowed: true, next: { attempts: state.attempts + 1, windowStartedAt: state.windowStartedAt } };
}

/** How long the account stays locked after its n-th consecutive failure: 0 below the threshold. */
export function lockDurationMs(failures: number): number {
  if (failures < ACCOUNT_BACKOFF.threshold) return 0;
  const doublings = Math.min(failures - ACCOUNT_BACKOFF.threshold, 30);
  return Math.min(ACCOUNT_BACKOFF.firstLockMs * 2 ** doublings, ACCOUNT_BACKOFF.maxLockMs);
}

export function accountAttempt(state: AccountState | null, now: Date): Verdict<AccountState> {
  const current =
    state && now.getTime() - state.lastFailureAt.getTime() < ACCOUNT_BACKOFF.memoryMs ? state : null;
  if (current?.lockedUntil && current.lockedUntil > now)
    return { allowed: false, retryAfterSeconds: secondsUntil(current.lockedUntil, now) };
  const failures = (current?.failures ?? 0) + 1;
  const lockMs = lockDurationMs(failures);
  return {
    allowed: true,
    next: {
      failures,
      lastFailureAt: now,
      lockedUntil: lockMs > 0 ? new Date(now.getTime() + lockMs) : null,
      notifiedAt: current?.notifiedAt ?? null,
    },
  };
}

/** After a failure is confirmed: whether the person should now be told (once per run of failures). */
export function shouldNotify(state: AccountState): boolean {
  return state.failures >= ACCOUNT_BACKOFF.threshold && state.notifiedAt === null;
}
