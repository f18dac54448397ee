import { describe, expect, it } from 'vitest';
import { AppError } from './errors';

describe('AppError details, typed per code', () => {
  it('carries the details its code declares', () => {
    const conflicts = [{ start: new Date(0), end: new Date(1), reason: 'belegt' }];
    const error = new AppError('SERIES_CONFLICTS', { details: { conflicts } });
    expect(error.details).toEqual({ conflicts });
    expect(new AppError('BOOKING_NOT_FOUND').details).toBeUndefined();
  });

  it('refuses, at compile time, details a code does not declare or misses ones it does', () => {
    // Each line below is a type error; tsc (npm run typecheck) fails if one of them compiles.
    // @ts-expect-error SERIES_CONFLICTS must say which dates conflict
    expect(() => new AppError('SERIES_CONFLICTS')).not.toThrow();
    // @ts-expect-error BOOKING_NOT_FOUND carries no details
    expect(() => new AppError('BOOKING_NOT_FOUND', { details: { id: 'x' } })).not.toThrow();
    // @ts-expect-error POLICY_VIOLATION carries rules, not conflicts
    expect(() => new AppError('POLICY_VIOLATION', { details: { conflicts: [] } })).not.toThrow();
  });
});
