import { describe, expect, it } from 'vitest';
import { resolveClientAddress, trustedProxyList, UNKNOWN_CLIENT } from './client-address';

describe('resolveClientAddress', () => {
  const none = trustedProxyList([]);
  const proxies = trustedProxyList(['10.0.0.0/8', '::1']);

  it('ignores X-Forwarded-For from an untrusted peer', () => {
    expect(resolveClientAddress('203.0.113.7', '1.2.3.4', none)).toBe('203.0.113.7');
    expect(resolveClientAddress('203.0.113.7', '1.2.3.4', proxies)).toBe('203.0.113.7');
  });

  it('takes the right-most untrusted hop behind trusted proxies', () => {
    expect(resolveClientAddress('10.1.2.3', '6.6.6.6, 198.51.100.9, 10.0.0.5', proxies)).toBe('198.51.100.9');
    expect(resolveClientAddress('::1', '198.51.100.9', proxies)).toBe('198.51.100.9');
    expect(resolveClientAddress('::ffff:10.1.2.3', '198.51.100.9', proxies)).toBe('198.51.100.9');
  });

  it('falls back to the peer when the header holds nothing usable', () => {
    expect(resolveClientAddress('10.1.2.3', 'garbage, ', proxies)).toBe('10.1.2.3');
    expect(resolveClientAddress('10.1.2.3', null, proxies)).toBe('10.1.2.3');
    expect(resolveClientAddress(undefined, '1.2.3.4', proxies)).toBe(UNKNOWN_CLIENT);
  });
});
