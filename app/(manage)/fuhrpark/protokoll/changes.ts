/** What an audit entry changed: the fields whose value differs between before and after, in the after's order. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

type Snapshot = Record<string, unknown> | null | undefined;

const asRecord = (value: unknown): Snapshot =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;

/** A field absent on one side counts as empty there; values compare as JSON (dates are ISO text already). */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const was = asRecord(before) ?? {};
  const is = asRecord(after) ?? {};
  const fields = [...new Set([...Object.keys(is), ...Object.keys(was)])];
  return fields.flatMap((field) => {
    const from = was[field] ?? null;
    const to = is[field] ?? null;
    return JSON.stringify(from) === JSON.stringify(to) ? [] : [{ field, before: from, after: to }];
  });
}

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export interface ValueWords {
  yes: string;
  no: string;
  empty: string;
  dateTime: (instant: Date) => string;
  number: (n: number) => string;
}

/** A logged value as a person reads it: times in the region's zone, yes/no, lists joined. */
export function readableValue(value: unknown, words: ValueWords): string {
  if (value === null || value === undefined || value === '') return words.empty;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'number') return words.number(value);
  if (typeof value === 'string') return isoInstant.test(value) ? words.dateTime(new Date(value)) : value;
  if (Array.isArray(value))
    return value.length === 0 ? words.empty : value.map((v) => readableValue(v, words)).join(', ');
  return JSON.stringify(value);
}
