import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookings, boxes, boxRecords, vehicles } from '@/db/schema';
import {
  bytesEqual,
  bytesToUuid,
  decodeLogRecord,
  fromHex,
  type LogRecord,
  uuidToBytes,
  verifyLogRecord,
} from '@/telematics/protocol';
import { atGatewayStation } from '../auth/scope';
import { AppError } from '../errors';
import type { AuthenticatedGateway } from './gateways';
import { findStationBox } from './queries';
import { advanceCursor, fromUnixSeconds } from './rules';
import { deriveTrips } from './trips';

const ZERO_ID = new Uint8Array(16);

/** Moves the box's cursor over every stored record that follows it without a gap. */
async function moveCursor(db: Db, boxId: string, from: number): Promise<number> {
  const rows = await db
    .select({ seq: boxRecords.seq })
    .from(boxRecords)
    .where(and(eq(boxRecords.boxId, boxId), gte(boxRecords.seq, from)))
    .orderBy(asc(boxRecords.seq));
  const next = advanceCursor(
    from,
    rows.map((r) => r.seq),
  );
  if (next === from) return from;
  // greatest(): two gateways uploading the same box at once never move it back.
  const [row] = await db
    .update(boxes)
    .set({ nextSeq: sql`greatest(${boxes.nextSeq}, ${next})` })
    .where(eq(boxes.id, boxId))
    .returning({ nextSeq: boxes.nextSeq });
  return row?.nextSeq ?? next;
}

/**
 * A batch of log records from a gateway. Each must decode, name this box and carry this box's
 * signature, else it is rejected and not kept; each (box, seq) is stored once, later copies are
 * counted as duplicates. Trips of the bookings touched are derived again from all their records.
 */
export async function uploadLog(
  db: Db,
  gateway: AuthenticatedGateway,
  input: { boxId: string; records: string[] },
) {
  const box = await findStationBox(db, gateway, input.boxId);
  if (!box) throw new AppError('BOX_NOT_FOUND');
  const boxIdBytes = uuidToBytes(box.id);
  const valid = new Map<number, { record: LogRecord; raw: Uint8Array }>();
  let rejected = 0;
  let duplicates = 0;
  for (const hex of input.records) {
    const raw = fromHex(hex);
    const decoded = decodeLogRecord(raw);
    const record = decoded.ok ? decoded.frame : null;
    if (
      !record ||
      !bytesEqual(record.boxId, boxIdBytes) ||
      record.seq < 1 ||
      !verifyLogRecord(record, box.publicKey)
    ) {
      rejected++;
    } else if (valid.has(record.seq)) duplicates++;
    else valid.set(record.seq, { record, raw });
  }

  const named = [...valid.values()]
    .map((v) => v.record.bookingId)
    .filter((id) => !bytesEqual(id, ZERO_ID))
    .map(bytesToUuid);
  // A record may name a booking this server never made (a foreign or test key): kept, but unlinked.
  const known = named.length
    ? new Set(
        (
          await db
            .select({ id: bookings.id })
            .from(bookings)
            .where(inArray(bookings.id, [...new Set(named)]))
        ).map((b) => b.id),
      )
    : new Set<string>();

  const values = [...valid.values()].map(({ record, raw }) => {
    const bookingId = bytesToUuid(record.bookingId);
    return {
      boxId: box.id,
      seq: record.seq,
      at: fromUnixSeconds(record.at),
      event: record.event,
      bookingId: known.has(bookingId) ? bookingId : null,
      odometer: record.odometer,
      soc: record.soc,
      raw,
      gatewayId: gateway.id,
    };
  });
  const stored = values.length
    ? await db
        .insert(boxRecords)
        .values(values)
        .onConflictDoNothing({ target: [boxRecords.boxId, boxRecords.seq] })
        .returning({ bookingId: boxRecords.bookingId })
    : [];
  duplicates += values.length - stored.length;

  const nextSeq = await moveCursor(db, box.id, box.nextSeq);
  const touched = new Set(stored.flatMap((r) => (r.bookingId ? [r.bookingId] : [])));
  for (const bookingId of touched) await deriveTrips(db, bookingId);
  return { stored: stored.length, duplicates, rejected, nextSeq };
}

/**
 * Where each box's log continues: the seq after the newest gap-free record (1 for a box we have
 * nothing of, and for a box of another station, which this gateway has no business reading).
 */
export async function logCursors(db: Db, gateway: AuthenticatedGateway, boxIds: string[]) {
  const rows = boxIds.length
    ? await db
        .select({ boxId: boxes.id, nextSeq: boxes.nextSeq })
        .from(boxes)
        .innerJoin(vehicles, eq(vehicles.id, boxes.vehicleId))
        .where(and(inArray(boxes.id, boxIds), atGatewayStation(gateway, vehicles.homeStationId)))
    : [];
  const known = new Map(rows.map((r) => [r.boxId, r.nextSeq]));
  return { cursors: boxIds.map((boxId) => ({ boxId, nextSeq: known.get(boxId) ?? 1 })) };
}
