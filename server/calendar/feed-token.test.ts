import { describe, expect, it } from 'vitest';
import { hashFeedToken, isFeedTokenShaped, newFeedToken } from './feed-token';
import { clientKey, tokenBucketLimiter } from './rate-limit';

describe('feed tokens', () => {
  it('are URL-safe, 256 bits and different each time', () => {
    const tokens = Array.from({ length: 50 }, newFeedToken);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
      expect(isFeedTokenShaped(token)).toBe(true);
      expect(encodeURIComponent(token)).toBe(token);
    }
    expect(new Set(tokens).size).toBe(50);
  });

  it('are stored as their SHA-256', () => {
    expect(hashFeedToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const token = newFeedToken();
    expect(hashFeedToken(token)).toBe(hashFeedToken(token));
    expect(hashFeedToken(token)).not.toContain(token);
  });

  it('refuses what is not shaped like one', () => {
    expect(isFeedTokenShaped('')).toBe(false);
    expect(isFeedTokenShaped(`${newFeedToken()}=`)).toBe(false);
    expect(isFeedTokenShaped('../../etc/passwd')).toBe(false);
  });
});

describe('tokenBucketLimiter', () => {
  const clock = (start = 0) => {
    let time = start;
    return { now: () => time, advance: (ms: number) => (time += ms) };
  };

  it('allows a burst of 30, then refills one request every 20 seconds', () => {
    const time = clock();
    const limiter = tokenBucketLimiter({ now: time.now });
    for (let i = 0; i < 30; i++) expect(limiter.take('t').allowed).toBe(true);
    expect(limiter.take('t')).toEqual({ allowed: false, retryAfterSeconds: 20 });
    time.advance(19_000);
    expect(limiter.take('t')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    time.advance(1_000);
    expect(limiter.take('t').allowed).toBe(true);
    expect(limiter.take('t').allowed).toBe(false);
    time.advance(10 * 60_000);
    expect(limiter.take('t')).toEqual({ allowed: true, remaining: 29 });
  });

  it('keeps keys apart', () => {
    const limiter = tokenBucketLimiter({ capacity: 1, now: clock().now });
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('b').allowed).toBe(true);
  });

  it('forgets the least recently used keys beyond its limit', () => {
    const limiter = tokenBucketLimiter({ capacity: 1, maxKeys: 2, now: clock().now });
    limiter.take('a');
    limiter.take('b');
    limiter.take('a');
    limiter.take('c'); // evicts b, the least recently used
    expect(limiter.take('b').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(true); // a was evicted by b just now
  });
});

describe('clientKey', () => {
  it('keeps IPv4 addresses and the unknown bucket as they are', () => {
    expect(clientKey('192.0.2.10')).toBe('192.0.2.10');
    expect(clientKey('unknown')).toBe('unknown');
  });

  it('groups IPv6 addresses by their /64, however they are written', () => {
    expect(clientKey('2001:db8:1:2::53')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:0DB8:0001:0002:ffff:0:0:1')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
  });
});
