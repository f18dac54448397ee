/** Log sync of one box: from the server's cursor, fetch pages over BLE and upload them in batches. */
import { toHex } from '../protocol/bytes';
import { LOG_PAGE_SIZE } from '../protocol/constants';
import { decodeLogEnd } from '../protocol/log-paging';
import { type BackoffSettings, persist } from './backoff';
import { delay } from './ble/async-util';
import { type BoxConnection, BoxLinkError, type LogBatch } from './ble/box-link';
import type { BoxSessions } from './box-sessions';
import { isRefusal, type ServerLink, type StationBox, UPLOAD_BATCH } from './server-link';

export interface SyncContext {
  server: ServerLink;
  sessions: BoxSessions;
  signal: AbortSignal;
  backoff: BackoffSettings;
  /** Upload retries end after this; the records stay on the box for the next round (default 10 s). */
  uploadBudgetMs: number;
  /** Fetches of one page tried again after a dropped link or a timeout; reading twice does no harm. */
  fetchRetries: number;
  onServerRetry: (error: unknown) => void;
}

export interface BoxSyncReport {
  boxId: string;
  /** The server's cursor when the sync began. */
  fromSeq: number;
  /** The server's cursor afterwards. */
  nextSeq: number;
  fetched: number;
  stored: number;
  duplicates: number;
  rejected: number;
  /** The box's log ends before the server's cursor: a wiped or replaced box, for an operator to look at. */
  boxBehindServer: boolean;
  /** The nextSeq of the box's log end when it was behind the server (else undefined). */
  boxNextSeq?: number;
}

/** The server stopped answering mid-sync: the round ends and the gateway backs off. */
export class UploadFailed extends Error {
  override readonly name = 'UploadFailed';
}

export async function syncBox(
  box: StationBox,
  fromSeq: number,
  context: SyncContext,
): Promise<BoxSyncReport> {
  const report: BoxSyncReport = {
    boxId: box.boxId,
    fromSeq,
    nextSeq: fromSeq,
    fetched: 0,
    stored: 0,
    duplicates: 0,
    rejected: 0,
    boxBehindServer: false,
  };
  const pending: string[] = [];
  const upload = async (records: string[]) => {
    try {
      const outcome = await persist(() => context.server.uploadLog({ boxId: box.boxId, records }), {
        signal: context.signal,
        backoff: context.backoff,
        budgetMs: context.uploadBudgetMs,
        isFinal: isRefusal,
        onRetry: context.onServerRetry,
      });
      report.stored += outcome.stored;
      report.duplicates += outcome.duplicates;
      report.rejected += outcome.rejected;
      report.nextSeq = outcome.nextSeq;
    } catch (error) {
      throw new UploadFailed(`upload for box ${box.boxId} failed`, { cause: error });
    }
  };

  await context.sessions.with(box.address, async (connection) => {
    let seq = fromSeq;
    while (!context.signal.aborted) {
      const page = await fetchPage(connection, seq, context);
      const end = decodeLogEnd(page.end);
      if (!end.ok)
        throw new BoxLinkError('BLUETOOTH', `log end from ${box.address} did not decode: ${end.error}`);
      report.fetched += page.records.length;
      pending.push(...page.records.map(toHex));
      if (end.frame.nextSeq < seq && !report.boxBehindServer) {
        report.boxBehindServer = true;
        report.boxNextSeq = end.frame.nextSeq;
        // The box's log restarted (wiped, replaced, a simulated box after a crash): its records
        // from seq 1 are new ones, and the server keeps them under a new epoch once it sees a
        // signed record whose seq it holds with other bytes (CONTRACT.md, "Log epochs").
        if (page.records.length === 0 && end.frame.nextSeq > 1) {
          seq = 1;
          continue;
        }
      }
      const last = page.records.length < LOG_PAGE_SIZE || end.frame.nextSeq <= seq;
      seq = end.frame.nextSeq;
      // Upload while still connected, in full batches; what the server refuses stays on the box.
      while (pending.length >= UPLOAD_BATCH || (last && pending.length > 0)) {
        await upload(pending.splice(0, UPLOAD_BATCH));
      }
      if (last) break;
    }
  });
  return report;
}

async function fetchPage(
  connection: BoxConnection,
  fromSeq: number,
  context: SyncContext,
): Promise<LogBatch> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await connection.fetchLog(fromSeq);
    } catch (error) {
      const transient =
        error instanceof BoxLinkError && (error.code === 'LINK_DROPPED' || error.code === 'TIMEOUT');
      if (!transient || attempt >= context.fetchRetries || context.signal.aborted) throw error;
      // The connection sets up a new link by itself at the next operation.
      await delay(50 * (attempt + 1));
    }
  }
}

/** One box now, from the server's cursor (a job wants the records the box has just written). */
export async function syncOneBox(box: StationBox, context: SyncContext): Promise<BoxSyncReport> {
  const { cursors } = await context.server.logCursor({ boxIds: [box.boxId] });
  return syncBox(box, cursors[0]?.nextSeq ?? 1, context);
}
