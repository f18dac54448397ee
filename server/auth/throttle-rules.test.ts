import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_BACKOFF,
  type AccountState,
  ADDRESS_LIMIT,
  accountAttempt,
  addressAttempt,
  lockDurationMs,
  shouldNotify,
} from './throttle-rules';

const at = (minutes: number) => new Date(Date.UTC(2026, 11, 1, 9, 0) + minutes * 60_000);

describe('addressAttempt', () => {
  it('opens a window with the first attempt and counts up to the limit', () => {
    let state = null;
    for (let attempt = 1; attempt <= ADDRESS_LIMIT.maxFailures; attempt++) {
      const verdict = addressAttempt(state, at(attempt / 10));
      if (!verdict.allowed) throw new Error(`refused attempt ${attempt}`);
      expect(verdict.next).toEqual({ attempts: attempt, windowStartedAt: at(0.1) });
      state = verdict.next;
    }
    expect(addressAttempt(state, at(5))).toEqual({ allowed: false, retryAfterSeconds: (15 - 5 + 0.1) * 60 });
  });

  it('starts afresh once the window has passed, exactly at its end', () => {
    const full = { attempts: ADDRESS_LIMIT.maxFailures, windowStartedAt: at(0) };
    expect(addressAttempt(full, at(14.99)).allowed).toBe(false);
    expect(addressAttempt(full, at(15))).toEqual({
      allowed: true,
      next: { attempts: 1, windowStartedAt: at(15) },
    });
  });

  it('never asks to wait less than a second', () => {
    const full = { attempts: ADDRESS_LIMIT.maxFailures, windowStartedAt: at(0) };
    expect(addressAttempt(full, new Date(at(15).getTime() - 10))).toEqual({
      allowed: false,
      retryAfterSeconds: 1,
    });
  });
});

describe('lockDurationMs', () => {
  it('is 0 below the threshold, then 1, 2, 4 … minutes, at most an hour', () => {
    expect([1, 2, 3, 4].map(lockDurationMs)).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 11, 40, 1000].map((n) => lockDurationMs(n) / 60_000)).toEqual([
      1, 2, 4, 8, 16, 32, 60, 60, 60,
    ]);
  });
});

describe('accountAttempt', () => {
  const failures = (count: number, lastFailureAt: Date, lockedUntil: Date | null = null): AccountState => ({
    failures: count,
    lastFailureAt,
    lockedUntil,
    notifiedAt: null,
  });

  it('lets the fifth attempt through and locks with it, so no parallel sixth slips by', () => {
    const verdict = accountAttempt(failures(4, at(0)), at(1));
    expect(verdict).toEqual({ allowed: true, next: failures(5, at(1), at(2)) });
    if (!verdict.allowed) return;
    expect(accountAttempt(verdict.next, at(1))).toEqual({ allowed: false, retryAfterSeconds: 60 });
  });

  it('refuses during the lock without counting, and counts again after it', () => {
    const locked = failures(5, at(0), at(1));
    expect(accountAttempt(locked, at(0.5))).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(accountAttempt(locked, at(1))).toEqual({ allowed: true, next: failures(6, at(1), at(3)) });
  });

  it('forgets a run of failures after a quiet day, and with it the mail already sent', () => {
    const old = { ...failures(7, at(0), at(60)), notifiedAt: at(0) };
    const dayLater = at(ACCOUNT_BACKOFF.memoryMs / 60_000);
    expect(accountAttempt(old, dayLater)).toEqual({ allowed: true, next: failures(1, dayLater) });
  });

  it('keeps the mail already sent within a run', () => {
    const told = { ...failures(5, at(0), at(1)), notifiedAt: at(0) };
    const verdict = accountAttempt(told, at(2));
    expect(verdict.allowed && verdict.next.notifiedAt).toEqual(at(0));
  });
});

describe('shouldNotify', () => {
  it('tells once the account is locked and not yet told', () => {
    expect(shouldNotify({ failures: 4, lastFailureAt: at(0), lockedUntil: null, notifiedAt: null })).toBe(
      false,
    );
    expect(shouldNotify({ failures: 5, lastFailureAt: at(0), lockedUntil: at(1), notifiedAt: null })).toBe(
      true,
    );
    expect(shouldNotify({ failures: 6, lastFailureAt: at(0), lockedUntil: at(2), notifiedAt: at(0) })).toBe(
      false,
    );
  });
});
