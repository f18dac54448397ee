import { describe, expect, it } from 'vitest';
import { RESET_ADDRESS_LIMIT, resetRequestAttempt } from './reset-rules';

const at = (ms: number) => new Date(Date.UTC(2026, 11, 3, 12) + ms);

describe('reset requests per address', () => {
  it('opens a window with the first request, refuses past the limit, and opens anew when the window ran out', () => {
    const first = resetRequestAttempt(null, at(0));
    expect(first).toEqual({ allowed: true, next: { attempts: 1, windowStartedAt: at(0) } });
    const full = { attempts: RESET_ADDRESS_LIMIT.maxRequests, windowStartedAt: at(0) };
    expect(resetRequestAttempt({ attempts: 9, windowStartedAt: at(0) }, at(1000))).toMatchObject({
      allowed: true,
      next: { attempts: 10 },
    });
    expect(resetRequestAttempt(full, at(RESET_ADDRESS_LIMIT.windowMs - 1))).toEqual({ allowed: false });
    expect(resetRequestAttempt(full, at(RESET_ADDRESS_LIMIT.windowMs))).toEqual({
      allowed: true,
      next: { attempts: 1, windowStartedAt: at(RESET_ADDRESS_LIMIT.windowMs) },
    });
  });
});
