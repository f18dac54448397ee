import { isIP } from 'node:net';

/**
 * Token buckets in memory, for the feed route: a calendar client polls a few times an hour, a
 * leaked URL hammered by a script should not reach the database. In memory is enough because
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

export type RateLimiter = {
  take(key: string): RateLimitDecision;
  /** Whether the key has a bucket (it was taken from and not yet forgotten). */
  has(key: string): boolean;
  /** Gives one request back: it turned out not to count. */
  refund(key: string): void;
};

type Bucket = { tokens: number; at: number };

export function tokenBucketLimiter(options: RateLimitOptions = {}): RateLimiter {
  const capacity = options.capacity ?? 30;
  const windowMs = options.windowMs ?? 10 * 60 * 1000;
  const maxKeys = options.maxKeys ?? 10_000;
  const now = options.now ?? Date.now;
  const perMs = capacity / windowMs;
  const buckets = new Map<string, Bucket>();

  const filled = (bucket: Bucket | undefined, time: number) =>
    bucket ? Math.min(capacity, bucket.tokens + Math.max(0, time - bucket.at) * perMs) : capacity;

  return {
    take(key) {
      const time = now();
      const tokens = filled(buckets.get(key), time);
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
    has: (key) => buckets.has(key),
    refund(key) {
      const bucket = buckets.get(key);
      if (!bucket) return;
      const time = now();
      buckets.set(key, { tokens: Math.min(capacity, filled(bucket, time) + 1), at: time });
    },
  };
}

/**
 * The key of a client address: IPv6 by its /64, the block one subscriber line or host gets, so
 * walking through the addresses of one's own prefix does not make a new client each time.
 */
export function clientKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

export type FeedAdmission =
  | { allowed: true /** After the lookup: whether the token named a feed. */; settle(found: boolean): void }
  | { allowed: false; retryAfterSeconds: number };

export type FeedLimiter = { admit(client: string, tokenHash: string): FeedAdmission };

export type FeedLimitOptions = {
  /** Fetches of one feed in a burst (a leaked URL polled by a script). */
  perToken?: RateLimitOptions;
  /** Lookups of tokens that name no feed, per client (someone guessing URLs). */
  perClient?: RateLimitOptions;
};

/**
 * Two limits. A token gets its own bucket only once it has named a feed, so tokens that name
 * none never enter that table and a flood of random ones cannot push a real feed's bucket out
 * (which would reset it). Until then a lookup is charged to the client, and given back when the
 * token turns out real: a calendar service fetching many people's feeds from one address is
 * limited per feed, a client guessing URLs runs out after a few misses.
 */
export function feedLimiter(options: FeedLimitOptions = {}): FeedLimiter {
  const tokens = tokenBucketLimiter({ capacity: 30, ...options.perToken });
  const clients = tokenBucketLimiter({ capacity: 20, ...options.perClient });
  return {
    admit(client, tokenHash) {
      if (tokens.has(tokenHash)) {
        const decision = tokens.take(tokenHash);
        return decision.allowed ? { allowed: true, settle: () => {} } : decision;
      }
      const key = clientKey(client);
      const decision = clients.take(key);
      if (!decision.allowed) return decision;
      return {
        allowed: true,
        settle(found) {
          if (!found) return;
          clients.refund(key);
          tokens.take(tokenHash);
        },
      };
    },
  };
}
