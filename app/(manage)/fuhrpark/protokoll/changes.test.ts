import { describe, expect, it } from 'vitest';
import { changedFields, readableValue } from './changes';

describe('the fields an audit entry changed', () => {
  it('lists only what differs, in the after’s order', () => {
    expect(
      changedFields(
        { horizonDays: 60, approvalRequired: false, othersFrom: null },
        { horizonDays: 90, approvalRequired: false, othersFrom: null },
      ),
    ).toEqual([{ field: 'horizonDays', before: 60, after: 90 }]);
  });

  it('treats a new object as every field set, and a missing field as empty', () => {
    expect(changedFields(null, { kind: 'cleaning', cancelledAt: null })).toEqual([
      { field: 'kind', before: null, after: 'cleaning' },
    ]);
    expect(changedFields({ reason: 'x' }, {})).toEqual([{ field: 'reason', before: 'x', after: null }]);
  });

  it('compares lists and nested values as JSON', () => {
    expect(changedFields({ moved: ['a'] }, { moved: ['a'] })).toEqual([]);
    expect(changedFields({ moved: ['a'] }, { moved: ['a', 'b'] })).toHaveLength(1);
  });
});

describe('a logged value as read', () => {
  const words = {
    yes: 'ja',
    no: 'nein',
    empty: '–',
    dateTime: (d: Date) => `T${d.toISOString().slice(0, 10)}`,
    number: (n: number) => n.toLocaleString('de-DE'),
  };

  it('reads times, yes/no, numbers, lists and nothing', () => {
    expect(readableValue('2026-12-03T09:00:00.000Z', words)).toBe('T2026-12-03');
    expect(readableValue('2026-12-03', words)).toBe('2026-12-03');
    expect(readableValue(true, words)).toBe('ja');
    expect(readableValue(0.3, words)).toBe('0,3');
    expect(readableValue(['a', 'b'], words)).toBe('a, b');
    expect(readableValue([], words)).toBe('–');
    expect(readableValue(null, words)).toBe('–');
    expect(readableValue({ a: 1 }, words)).toBe('{"a":1}');
  });
});
