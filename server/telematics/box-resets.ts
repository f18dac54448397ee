import type { Db } from '@/db/client';
import { AppError } from '../errors';
import { logger } from '../logger';
import { processSingleton } from '../singleton';
import type { AuthenticatedGateway } from './gateways';
import { findStationBox } from './queries';

/** What a gateway saw: a box whose log ends below the server's cursor. */
export interface BoxReset {
  boxId: string;
  gatewayId: string;
  stationId: string;
  /** The seq the box would write next, as its log end said. */
  boxNextSeq: number;
  /** The server's cursor for the box at the time. */
  serverNextSeq: number;
  at: Date;
}

// Kept per process, newest per box, so a gateway repeating its report every sync round logs one
// line, not one every five minutes. The durable trace is the log line: a table for it would be a
// schema change (see the report of the change that added this).
const known = () => processSingleton('boxResets', () => new Map<string, BoxReset>());

export type BoxResetLogger = (entry: Record<string, unknown>) => void;
// pino sets the line's level itself; the entry's own `level` would be a second, clashing key.
const warnLine: BoxResetLogger = ({ level: _level, ...entry }) => logger.warn(entry);

/**
 * A gateway reports that a box's log ends below the server's cursor: the box was wiped or
 * replaced (or, in the demo, restarted without its flash). Only logged, for an operator: the
 * server does not act on a gateway's word. The gateway then uploads the box's log from seq 1, and
 * the signed records themselves prove the restart and open a new epoch (ingest.ts).
 */
export async function reportBoxReset(
  db: Db,
  gateway: AuthenticatedGateway,
  input: { boxId: string; nextSeq: number },
  log: BoxResetLogger = warnLine,
  now = new Date(),
) {
  const box = await findStationBox(db, gateway, input.boxId);
  if (!box) throw new AppError('BOX_NOT_FOUND');
  const behind = input.nextSeq < box.nextSeq;
  if (behind) {
    const previous = known().get(box.id);
    const reset: BoxReset = {
      boxId: box.id,
      gatewayId: gateway.id,
      stationId: gateway.stationId,
      boxNextSeq: input.nextSeq,
      serverNextSeq: box.nextSeq,
      at: now,
    };
    known().set(box.id, reset);
    if (previous?.boxNextSeq !== reset.boxNextSeq || previous.serverNextSeq !== reset.serverNextSeq)
      log({ level: 'warn', event: 'box log behind server', ...reset, at: now.toISOString() });
  }
  return { behind, serverNextSeq: box.nextSeq };
}

/** The resets reported to this process, newest per box (for tests and a later operator view). */
export const reportedBoxResets = (): BoxReset[] => [...known().values()];
