import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookings, boxes, boxRecords, vehicles } from '@/db/schema';
import {
  bytesEqual,
  bytesToUuid,
  decodeLogRecord,
  fromHex,
  type LogRecord,
  toHex,
  uuidToBytes,
  verifyLogRecord,
} from '@/telematics/protocol';
import { atGatewayStation } from '../auth/scope';
import { AppError } from '../errors';
import { logger } from '../logger';
import type { AuthenticatedGateway } from './gateways';
import { findStationBox } from './queries';
import { advanceCursor, fromUnixSeconds } from './rules';
import { deriveTrips } from './trips';

const ZERO_ID = new Uint8Array(16);

interface Checked {
  record: LogRecord;
  raw: Uint8Array;
}

/** The records of a batch that decode, name this box and carry its signature, once per seq. */
function checkBatch(box: { id: string; publicKey: Uint8Array }, hexes: string[]) {
  const boxIdBytes = uuidToBytes(box.id);
  const valid = new Map<number, Checked>();
  let rejected = 0;
  let duplicates = 0;
  for (const hex of hexes) {
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
  return { valid: [...valid.values()], rejected, duplicates };
}

/** The bookings among `ids` this server knows: a record may name one it never made (a foreign key). */
async function knownBookings(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: bookings.id })
    .from(bookings)
    .where(inArray(bookings.id, [...new Set(ids)]));
  return new Set(rows.map((b) => b.id));
}

/** The seq after the newest gap-free record of the epoch, from `from` on. */
async function cursorAfter(db: Db, boxId: string, epoch: number, from: number): Promise<number> {
  const rows = await db
    .select({ seq: boxRecords.seq })
    .from(boxRecords)
    .where(and(eq(boxRecords.boxId, boxId), eq(boxRecords.epoch, epoch), gte(boxRecords.seq, from)))
    .orderBy(asc(boxRecords.seq));
  return advanceCursor(
    from,
    rows.map((r) => r.seq),
  );
}

/**
 * A batch of log records from a gateway, all or nothing in one transaction: records stored, the
 * cursor moved and the trips of the bookings touched derived again, or none of it.
 *
 * Each record must decode, name this box and carry this box's signature, else it is rejected. A
 * frame already stored (in any epoch) is a duplicate. A validly signed record whose seq the current
 * epoch holds with other bytes proves that the box's log restarted (a box never signs two records
 * under one seq of one log): the box enters a new epoch, and the batch's new records are stored
 * there, with the cursor counting from 1 again (telematics/PROTOCOL.md, "Log epochs").
 */
export async function uploadLog(
  db: Db,
  gateway: AuthenticatedGateway,
  input: { boxId: string; records: string[] },
) {
  const found = await findStationBox(db, gateway, input.boxId);
  if (!found) throw new AppError('BOX_NOT_FOUND');
  const checked = checkBatch(found, input.records);
  return db.transaction(async (tx) => {
    // Uploads of one box, one after another: the epoch and the cursor are decided on what is stored.
    const [box] = await tx.select().from(boxes).where(eq(boxes.id, found.id)).for('update');
    if (!box) throw new AppError('BOX_NOT_FOUND');
    let duplicates = checked.duplicates;
    const raws = checked.valid.map((v) => v.raw);
    const stored = raws.length
      ? await tx
          .select({ raw: boxRecords.raw })
          .from(boxRecords)
          .where(and(eq(boxRecords.boxId, box.id), inArray(boxRecords.raw, raws)))
      : [];
    const storedRaw = new Set(stored.map((r) => toHex(r.raw)));
    const fresh = checked.valid.filter((v) => !storedRaw.has(toHex(v.raw)));
    duplicates += checked.valid.length - fresh.length;

    const seqs = fresh.map((v) => v.record.seq);
    const taken = seqs.length
      ? await tx
          .select({ seq: boxRecords.seq })
          .from(boxRecords)
          .where(
            and(eq(boxRecords.boxId, box.id), eq(boxRecords.epoch, box.epoch), inArray(boxRecords.seq, seqs)),
          )
      : [];
    const restarted = taken.length > 0;
    const epoch = restarted ? box.epoch + 1 : box.epoch;
    if (restarted)
      logger.warn(
        { boxId: box.id, gatewayId: gateway.id, epoch, seq: Math.min(...taken.map((t) => t.seq)) },
        'box log restarted: new epoch',
      );

    const known = await knownBookings(
      tx,
      fresh
        .map((v) => v.record.bookingId)
        .filter((id) => !bytesEqual(id, ZERO_ID))
        .map(bytesToUuid),
    );
    const inserted = fresh.length
      ? await tx
          .insert(boxRecords)
          .values(
            fresh.map(({ record, raw }) => {
              const bookingId = bytesToUuid(record.bookingId);
              return {
                boxId: box.id,
                epoch,
                seq: record.seq,
                at: fromUnixSeconds(record.at),
                event: record.event,
                bookingId: known.has(bookingId) ? bookingId : null,
                odometer: record.odometer,
                soc: record.soc,
                raw,
                gatewayId: gateway.id,
              };
            }),
          )
          .returning({ bookingId: boxRecords.bookingId })
      : [];

    const nextSeq = await cursorAfter(tx, box.id, epoch, restarted ? 1 : box.nextSeq);
    if (restarted || nextSeq !== box.nextSeq)
      await tx.update(boxes).set({ epoch, nextSeq }).where(eq(boxes.id, box.id));
    const touched = new Set(inserted.flatMap((r) => (r.bookingId ? [r.bookingId] : [])));
    for (const bookingId of touched) await deriveTrips(tx, bookingId);
    return { stored: inserted.length, duplicates, rejected: checked.rejected, nextSeq };
  });
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
