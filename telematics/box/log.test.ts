/** The log: gap-free signed records and paging through the log-control characteristic. */
import { describe, expect, it } from 'vitest';
import { LOG_PAGE_SIZE, LogEvent } from '../protocol/constants';
import { decodeLogEnd, encodeLogRequest } from '../protocol/log-paging';
import { decodeLogRecord, verifyLogRecord } from '../protocol/log-record';
import { BENCH_BOX_ID, benchBox, benchKeys } from './testing';

/** A box with `count` records: ignition on/off, alternating. */
function boxWithRecords(count: number) {
  const bench = benchBox({ car: { locked: false } });
  for (let i = 0; i < count; i++) {
    bench.clock.advance(10);
    bench.box.ignitionChanged(i % 2 === 0);
  }
  return bench;
}

function page(bench: ReturnType<typeof benchBox>, fromSeq: number) {
  const frames = bench.box.requestLog(encodeLogRequest({ fromSeq }));
  const last = frames.at(-1);
  const end = last === undefined ? null : decodeLogEnd(last);
  if (end === null || !end.ok) throw new Error('a log page must end with a log end frame');
  const seqs = frames.slice(0, -1).map((frame) => {
    const record = decodeLogRecord(frame);
    if (!record.ok || !verifyLogRecord(record.frame, benchKeys.box.publicKey)) throw new Error('bad record');
    return record.frame.seq;
  });
  return { seqs, nextSeq: end.frame.nextSeq };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('log paging', () => {
  it('sends at most 32 records from fromSeq, then a log end with the seq to ask next', () => {
    const bench = boxWithRecords(70);
    expect(page(bench, 1)).toEqual({ seqs: range(1, 32), nextSeq: 33 });
    expect(page(bench, 33)).toEqual({ seqs: range(33, 64), nextSeq: 65 });
    expect(page(bench, 65)).toEqual({ seqs: range(65, 70), nextSeq: 71 });
    expect(page(bench, 71)).toEqual({ seqs: [], nextSeq: 71 });
    expect(page(bench, 30)).toEqual({ seqs: range(30, 30 + LOG_PAGE_SIZE - 1), nextSeq: 62 });
  });

  it('treats fromSeq 0 as 1', () => {
    expect(page(boxWithRecords(3), 0)).toEqual({ seqs: [1, 2, 3], nextSeq: 4 });
  });

  it('answers a fromSeq beyond its log with its own next seq, below the one asked for', () => {
    expect(page(boxWithRecords(3), 500)).toEqual({ seqs: [], nextSeq: 4 });
    expect(page(benchBox(), 1)).toEqual({ seqs: [], nextSeq: 1 });
  });

  it('sends nothing for a malformed request', () => {
    const bench = boxWithRecords(3);
    expect(bench.box.requestLog(new Uint8Array([1, 6, 0, 0, 1]))).toEqual([]);
    expect(bench.box.requestLog(new Uint8Array([1, 7, 0, 0, 0, 1]))).toEqual([]);
  });

  it('writes records for this box with gap-free seq, the time and the gauges', () => {
    const bench = boxWithRecords(4);
    const records = bench.records();
    expect(records.map((r) => [r.seq, r.event])).toEqual([
      [1, LogEvent.IGNITION_ON],
      [2, LogEvent.IGNITION_OFF],
      [3, LogEvent.IGNITION_ON],
      [4, LogEvent.IGNITION_OFF],
    ]);
    for (const record of records) expect(record.boxId).toEqual(BENCH_BOX_ID);
    expect(records.map((r) => r.at - (records[0]?.at ?? 0))).toEqual([0, 10, 20, 30]);
  });

  it('hands out copies: a caller mutating a page cannot edit the log', () => {
    const bench = boxWithRecords(1);
    const [first] = bench.box.requestLog(encodeLogRequest({ fromSeq: 1 }));
    first?.fill(0);
    expect(page(bench, 1).seqs).toEqual([1]);
  });
});
