import { describe, expect, it } from 'vitest';
import { requestIdFrom } from './logger';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestIdFrom', () => {
  it('keeps a short safe token from the X-Request-Id header', () => {
    expect(requestIdFrom('lb-7f3a.91:2')).toBe('lb-7f3a.91:2');
    expect(requestIdFrom('a'.repeat(64))).toBe('a'.repeat(64));
  });

  it('makes a fresh uuid when the header is missing, empty, too long or unsafe', () => {
    for (const header of [null, undefined, '', 'a'.repeat(65), 'x\ny', 'id with space', '{"level":60}'])
      expect(requestIdFrom(header)).toMatch(uuid);
    expect(requestIdFrom(null)).not.toBe(requestIdFrom(null));
  });
});
