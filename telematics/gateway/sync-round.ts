import { BoxLinkError } from './ble/box-link';
import { describeError, type GatewayLogger } from './log';
import { type BoxSyncReport, type SyncContext, syncBox, UploadFailed } from './log-sync';

/**
 * One round over all the station's boxes, one box after another (a station computer has one
 * radio). Throws when the server fails, so the caller backs off; a box that fails is logged and
 * skipped, and the next round starts again from the server's cursor.
 */
export async function syncRound(
  context: SyncContext,
  log: GatewayLogger,
  /** Boxes last seen out of range, so that a car away for the day is logged once, not every round. */
  absent: Set<string>,
): Promise<BoxSyncReport[]> {
  const { boxes } = await context.server.boxes();
  if (boxes.length === 0) return [];
  const { cursors } = await context.server.logCursor({ boxIds: boxes.map((b) => b.boxId) });
  const cursorOf = new Map(cursors.map((c) => [c.boxId, c.nextSeq]));
  const reports: BoxSyncReport[] = [];
  for (const box of boxes) {
    if (context.signal.aborted) break;
    try {
      const report = await syncBox(box, cursorOf.get(box.boxId) ?? 1, context);
      reports.push(report);
      if (absent.delete(box.boxId)) log({ level: 'info', event: 'box in range', boxId: box.boxId });
      if (report.fetched > 0 || report.boxBehindServer) {
        log({
          level: report.rejected > 0 || report.boxBehindServer ? 'warn' : 'info',
          event: 'log sync',
          ...report,
        });
      }
      if (report.boxBehindServer) await reportReset(context, log, box.boxId, report.boxNextSeq);
    } catch (error) {
      if (error instanceof UploadFailed) throw error;
      const notThere = error instanceof BoxLinkError && error.code === 'NOT_FOUND';
      if (notThere) {
        if (!absent.has(box.boxId)) log({ level: 'info', event: 'box not in range', boxId: box.boxId });
        absent.add(box.boxId);
      } else {
        log({ level: 'warn', event: 'log sync failed', boxId: box.boxId, error: describeError(error) });
      }
    }
  }
  return reports;
}

/**
 * Tells the server about a box behind its cursor, when the link can (CONTRACT.md `gateway.boxReset`).
 * Best effort: the gateway's own warning line above already records it, and the next round
 * reports it again, so a failure here only gets a line of its own.
 */
async function reportReset(context: SyncContext, log: GatewayLogger, boxId: string, nextSeq?: number) {
  if (!context.server.boxReset || nextSeq === undefined || nextSeq < 1) return;
  try {
    await context.server.boxReset({ boxId, nextSeq });
  } catch (error) {
    log({ level: 'warn', event: 'box reset not reported', boxId, error: describeError(error) });
  }
}
