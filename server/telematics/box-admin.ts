/**
 * What the boxes and gateways pages show (/fuhrpark/boxen, /fuhrpark/gateways): per car its box
 * and how far its log reached the server; per station its gateways. Scoped like every fleet list:
 * a fleet manager sees their municipality's, the operator all.
 */
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { boxes, gateways, stations, vehicles } from '@/db/schema';
import { decodeResponse } from '@/telematics/protocol';
import type { SessionUser } from '../auth/queries';
import { managedBy } from '../auth/scope';
import { trustedGenerations } from './ca-keys';

/** A public key as people compare it: the first 8 bytes of its SHA-256, in groups of four hex digits. */
export function keyFingerprint(publicKey: Uint8Array): string {
  const hex = createHash('sha256').update(publicKey).digest('hex').slice(0, 16);
  return hex.match(/.{4}/g)?.join(' ') ?? hex;
}

type Caller = Pick<SessionUser, 'role' | 'municipalityId'>;

export async function listBoxes(db: Db, user: Caller) {
  const rows = await db
    .select({
      vehicleId: vehicles.id,
      plate: vehicles.plate,
      vehicleStatus: vehicles.status,
      stationName: stations.name,
      box: boxes,
      lastRecordAt: sql<Date | null>`(select max(r.received_at) from box_records r where r.box_id = ${boxes.id})`,
      lastAnswerAt: sql<Date | null>`(select max(j.finished_at) from gateway_jobs j where j.box_id = ${boxes.id} and j.state = 'done')`,
      lastResponse: sql<Uint8Array | null>`(select j.response from gateway_jobs j where j.box_id = ${boxes.id} and j.state = 'done' and j.response is not null order by j.finished_at desc limit 1)`,
    })
    .from(vehicles)
    .innerJoin(stations, eq(stations.id, vehicles.homeStationId))
    .leftJoin(boxes, and(eq(boxes.vehicleId, vehicles.id), isNull(boxes.replacedAt)))
    .where(managedBy(user, vehicles.ownerMunicipalityId))
    .orderBy(asc(vehicles.plate));
  const trusted = await trustedGenerations(db);
  return rows.map((row) => {
    const box = row.box;
    const held = box ? box.nextSeq - 1 : null;
    // The box's own word (logSeq of its newest signed answer) against what the server holds.
    const response = row.lastResponse ? decodeResponse(new Uint8Array(row.lastResponse)) : null;
    const reported = response?.ok ? response.frame.logSeq : null;
    const times = [row.lastRecordAt, row.lastAnswerAt].filter((t) => t !== null).map((t) => new Date(t));
    return {
      vehicleId: row.vehicleId,
      plate: row.plate,
      retired: row.vehicleStatus === 'retired',
      stationName: row.stationName,
      box: box && {
        boxId: box.id,
        address: box.bleAddress,
        fingerprint: keyFingerprint(box.publicKey),
        firmware: box.firmware,
        provisionedAt: box.provisionedAt,
        lastContactAt: times.length ? new Date(Math.max(...times.map((t) => t.getTime()))) : null,
        lastSeq: held,
        reportedSeq: reported,
        unsynced: reported !== null && held !== null ? Math.max(0, reported - held) : null,
        trusts: trusted.get(box.id) ?? [],
      },
    };
  });
}

export async function listGateways(db: Db, user: Caller) {
  return db
    .select({
      id: gateways.id,
      name: gateways.name,
      stationId: stations.id,
      stationName: stations.name,
      lastSeenAt: gateways.lastSeenAt,
      revokedAt: gateways.revokedAt,
      createdAt: gateways.createdAt,
    })
    .from(gateways)
    .innerJoin(stations, eq(stations.id, gateways.stationId))
    .where(managedBy(user, stations.municipalityId))
    .orderBy(asc(stations.name), desc(gateways.createdAt));
}
