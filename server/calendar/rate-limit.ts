/**
 * A per-key token bucket in memory, for the feed route: a calendar client polls a few times an hour,
 * a leaked URL hammered by a script should not reach the database. In memory is enough because
 * the limit protects this process; several instances each allow their own share.
 */
export type RateLimitOptions = {
  /** Requests allowed in a burst. */
  capacity?: number;
  /** Time in which an empty bucket fills up again. */
  windowMs?: number;
  /** Buckets kept at most; the least recently used go first. */
  maxKeys?: number;
  now?: () => number;
};

type RateLimitDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export type RateLimiter = { take(key: string): RateLimitDecision };

type Bucket = { tokens: number; at: number };

export function tokenBucketLimiter(options: RateLimitOptions = {}): RateLimiter {
  const capacity = options.capacity ?? 30;
  const windowMs = options.windowMs ?? 10 * 60 * 1000;
  const maxKeys = options.maxKeys ?? 10_000;
  const now = options.now ?? Date.now;
  const perMs = capacity / windowMs;
  const buckets = new Map<string, Bucket>();

  return {
    take(key) {
      const time = now();
      const previous = buckets.get(key);
      const tokens = previous
        ? Math.min(capacity, previous.tokens + Math.max(0, time - previous.at) * perMs)
        : capacity;
      // Deleting and setting again moves the key to the end: Map order is then least recent first.
      buckets.delete(key);
      if (tokens < 1) {
        buckets.set(key, { tokens, at: time });
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
      }
      buckets.set(key, { tokens: tokens - 1, at: time });
      for (const oldest of buckets.keys()) {
        if (buckets.size <= maxKeys) break;
        buckets.delete(oldest);
      }
      return { allowed: true, remaining: Math.floor(tokens - 1) };
    },
  };
}
