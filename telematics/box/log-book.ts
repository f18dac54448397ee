/** The box's log: signed records with gap-free seq from 1, and paging for the log-control characteristic. */
import { LOG_PAGE_SIZE } from '../protocol/constants';
import type { Ed25519KeyPair } from '../protocol/ed25519';
import { encodeLogEnd } from '../protocol/log-paging';
import { encodeLogRecord, type LogRecord, signLogRecord } from '../protocol/log-record';
import type { BoxStore } from './store';

export interface LogEntry {
  at: number;
  event: number;
  bookingId: Uint8Array | null;
  odometer: number;
  soc: number;
}

const U32_MAX = 0xffff_ffff;

export function newestSeq(store: BoxStore): number {
  return store.log.length;
}

export function appendRecord(store: BoxStore, key: Ed25519KeyPair, entry: LogEntry): LogRecord {
  const record = signLogRecord(
    {
      boxId: store.boxId,
      seq: store.log.length + 1,
      at: entry.at,
      event: entry.event,
      bookingId: entry.bookingId ?? new Uint8Array(16),
      odometer: entry.odometer,
      soc: entry.soc,
    },
    key,
  );
  store.log.push(encodeLogRecord(record));
  return record;
}

/**
 * Records with seq ≥ fromSeq, at most LOG_PAGE_SIZE, then a log end. nextSeq is the seq after the
 * last record sent; when none was sent it is newest + 1, which may be below fromSeq — that tells
 * the asker the box holds fewer records than it expected (a replaced or wiped box).
 */
export function logPage(store: BoxStore, fromSeq: number): Uint8Array[] {
  const first = Math.max(1, fromSeq);
  const page = store.log.slice(first - 1, first - 1 + LOG_PAGE_SIZE);
  const nextSeq = page.length > 0 ? first + page.length : newestSeq(store) + 1;
  return [...page.map((r) => new Uint8Array(r)), encodeLogEnd({ nextSeq: Math.min(nextSeq, U32_MAX) })];
}
