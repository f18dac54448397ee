/**
 * Rotating the fleet CA key without locking anyone out (telematics/PROTOCOL.md, "Rotating the
 * fleet CA key"): start → a next generation, carried to every box as a trust update (add) signed
 * by the key it trusts now; while it travels each box is signed for with the newest key it
 * confirmed; finish (once every box confirmed) → the next key becomes active, the old one is
 * retired and a second update (retire), signed by the new key, is carried to every box.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, isNull, ne, notExists, type SQL, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { boxes, boxTrustAnchors, fleetCaKeys, gatewayJobs, vehicles } from '@/db/schema';
import {
  decodeTrustAnchor,
  encodeTrustAnchor,
  signTrustAnchor,
  TrustAction,
  toHex,
  uuidToBytes,
} from '@/telematics/protocol';
import { type Actor, recordAudit, systemActor } from '../audit/record';
import { AppError, sqlState } from '../errors';
import {
  activeCaKey,
  type CaKeyRow,
  caGenerations,
  caKeyPair,
  recordAnchor,
  recordAnchorRetired,
  recordImplicitAnchors,
  signingKeyFor,
} from './ca-keys';
import type { FleetKeys } from './keys';
import { unixSeconds } from './rules';
import { wakeStation } from './wakeups';

/** A trust update waits this long for a gateway to reach its box; then the next pull queues it anew. */
const TRUST_JOB_LIFETIME_MS = 24 * 3_600_000;

/** Boxes in cars still in service: the ones a rotation must reach. */
const inService = ne(vehicles.status, 'retired');

const holds = (caKeyId: string) =>
  sql`exists (select 1 from box_trust_anchors a where a.box_id = ${boxes.id} and a.ca_key_id = ${caKeyId}::uuid and a.retired_at is null)`;

/** A job for this step is waiting, travelling or answered (a refusal stays for the operator to see). */
const updateUnderWay = (caKeyId: string, action: number) =>
  sql`exists (select 1 from gateway_jobs j where j.box_id = ${boxes.id} and j.kind = 'trust'
    and j.ca_key_id = ${caKeyId}::uuid and get_byte(j.frame, 18) = ${action}
    and j.state in ('queued', 'sent', 'challenged', 'done'))`;

/**
 * Queues the trust updates still owed: the next key to every box that does not hold it, each
 * retired key's retire to every box that still holds it; one job per box and step, none while one
 * is pending or answered. Only for one station when given (a gateway's pull). Returns the stations.
 */
export async function queueTrustUpdates(
  db: Db,
  keys: FleetKeys,
  where: { stationId?: string } = {},
  now = new Date(),
): Promise<string[]> {
  const generations = await caGenerations(db, keys);
  type Step = { row: CaKeyRow; action: number; owed: SQL };
  const steps = generations.flatMap((row): Step[] =>
    row.state === 'next'
      ? [{ row, action: TrustAction.ADD, owed: sql`not ${holds(row.id)}` }]
      : row.state === 'retired'
        ? [{ row, action: TrustAction.RETIRE, owed: holds(row.id) }]
        : [],
  );
  const stations = new Set<string>();
  for (const step of steps) {
    const owed = await db
      .select({ boxId: boxes.id, stationId: vehicles.homeStationId })
      .from(boxes)
      .innerJoin(vehicles, eq(vehicles.id, boxes.vehicleId))
      .where(
        and(
          inService,
          isNull(boxes.replacedAt),
          where.stationId ? eq(vehicles.homeStationId, where.stationId) : undefined,
          step.owed,
          sql`not ${updateUnderWay(step.row.id, step.action)}`,
        ),
      );
    for (const box of owed) {
      await queueTrustUpdate(db, keys, { ...box, row: step.row, action: step.action }, now);
      stations.add(box.stationId);
    }
  }
  return [...stations];
}

async function queueTrustUpdate(
  db: Db,
  keys: FleetKeys,
  update: { boxId: string; stationId: string; row: CaKeyRow; action: number },
  now: Date,
) {
  const signer = await signingKeyFor(db, keys, update.boxId);
  const frame = encodeTrustAnchor(
    signTrustAnchor(
      {
        boxId: uuidToBytes(update.boxId),
        action: update.action,
        key: update.row.publicKey,
        issuedAt: unixSeconds(now),
      },
      signer,
    ),
  );
  await db
    .insert(gatewayJobs)
    .values({
      id: randomUUID(),
      stationId: update.stationId,
      boxId: update.boxId,
      kind: 'trust',
      frame,
      caKeyId: update.row.id,
      createdAt: now,
      availableAt: now,
      expiresAt: new Date(now.getTime() + TRUST_JOB_LIFETIME_MS),
    })
    .onConflictDoNothing();
}

async function wakeAll(db: Db, stationIds: string[]) {
  for (const stationId of stationIds) await wakeStation(db, stationId);
}

const caEntry = (action: string, row: CaKeyRow) => ({
  action,
  objectType: 'fleet_ca',
  objectId: row.id,
  municipalityId: null,
});

const caSnapshot = (row: CaKeyRow) => ({
  generation: row.generation,
  publicKey: toHex(row.publicKey),
  state: row.state,
});

/** Starts a rotation: a new generation whose seed this server makes (or reads from its configuration). */
export async function startRotation(
  db: Db,
  keys: FleetKeys,
  user: Actor,
  input: { activeGeneration: number },
  now = new Date(),
) {
  const generations = await caGenerations(db, keys);
  const active = await activeCaKey(db, keys);
  if (active.generation !== input.activeGeneration) throw new AppError('CA_GENERATION_CHANGED');
  if (generations.some((row) => row.state === 'next') || (await retireOutstanding(db)))
    throw new AppError('CA_ROTATION_RUNNING');
  const generation = Math.max(...generations.map((row) => row.generation)) + 1;
  const pair = await keys.caGeneration(generation);
  const next = await oneStart(db, async (tx) => {
    await recordImplicitAnchors(tx, active.id);
    const [row] = await tx
      .insert(fleetCaKeys)
      .values({ generation, publicKey: pair.publicKey, state: 'next', createdAt: now })
      .returning();
    if (!row) throw new Error('CA generation not recorded');
    await recordAudit(tx, user, {
      ...caEntry('ca.rotation.start', row),
      before: caSnapshot(active),
      after: caSnapshot(row),
    });
    return row;
  });
  await wakeAll(db, await queueTrustUpdates(db, keys, {}, now));
  return caSnapshot(next);
}

/** Two tabs starting at once: the one-next-key index lets one through; the other hears why. */
async function oneStart<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(work);
  } catch (error) {
    if (sqlState(error) === '23505') throw new AppError('CA_ROTATION_RUNNING', { cause: error });
    throw error;
  }
}

/** Boxes in service that still hold a retired key: the last rotation's retire is still travelling. */
async function retireOutstanding(db: Db): Promise<boolean> {
  const [row] = await db
    .select({ boxId: boxTrustAnchors.boxId })
    .from(boxTrustAnchors)
    .innerJoin(fleetCaKeys, eq(fleetCaKeys.id, boxTrustAnchors.caKeyId))
    .innerJoin(boxes, eq(boxes.id, boxTrustAnchors.boxId))
    .innerJoin(vehicles, eq(vehicles.id, boxes.vehicleId))
    .where(
      and(
        eq(fleetCaKeys.state, 'retired'),
        isNull(boxTrustAnchors.retiredAt),
        isNull(boxes.replacedAt),
        inService,
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** Boxes in service that have not confirmed the given key. */
async function boxesWithout(db: Db, caKeyId: string): Promise<number> {
  const rows = await db
    .select({ boxId: boxes.id })
    .from(boxes)
    .innerJoin(vehicles, eq(vehicles.id, boxes.vehicleId))
    .where(
      and(
        inService,
        isNull(boxes.replacedAt),
        notExists(
          db
            .select({ one: sql`1` })
            .from(boxTrustAnchors)
            .where(
              and(
                eq(boxTrustAnchors.boxId, boxes.id),
                eq(boxTrustAnchors.caKeyId, caKeyId),
                isNull(boxTrustAnchors.retiredAt),
              ),
            ),
        ),
      ),
    );
  return rows.length;
}

/**
 * Finishes a rotation once every box in service confirmed the next key: it becomes active, the old
 * one is retired (the server never signs with it again) and each box is told to drop it.
 */
export async function finishRotation(
  db: Db,
  keys: FleetKeys,
  user: Actor,
  input: { nextGeneration: number },
  now = new Date(),
) {
  const generations = await caGenerations(db, keys);
  const next = generations.find((row) => row.state === 'next');
  const active = generations.find((row) => row.state === 'active');
  if (!next || !active) throw new AppError('CA_ROTATION_NOT_RUNNING');
  if (next.generation !== input.nextGeneration) throw new AppError('CA_GENERATION_CHANGED');
  await caKeyPair(keys, next);
  const missing = await boxesWithout(db, next.id);
  if (missing > 0) throw new AppError('CA_ROTATION_INCOMPLETE');
  const after = await db.transaction(async (tx) => {
    await tx
      .update(fleetCaKeys)
      .set({ state: 'retired', retiredAt: now })
      .where(and(eq(fleetCaKeys.id, active.id), eq(fleetCaKeys.state, 'active')));
    const [made] = await tx
      .update(fleetCaKeys)
      .set({ state: 'active', activatedAt: now })
      .where(and(eq(fleetCaKeys.id, next.id), eq(fleetCaKeys.state, 'next')))
      .returning();
    if (!made) throw new AppError('CA_ROTATION_NOT_RUNNING');
    await recordAudit(tx, user, {
      ...caEntry('ca.rotation.finish', made),
      before: { active: caSnapshot(active), next: caSnapshot(next) },
      after: { active: caSnapshot(made), retired: { ...caSnapshot(active), state: 'retired' } },
    });
    return made;
  });
  await wakeAll(db, await queueTrustUpdates(db, keys, {}, now));
  return caSnapshot(after);
}

/**
 * A box's verified OK to a trust update: what it now holds, written down and audited with the
 * job's result (the caller's transaction).
 */
export async function confirmTrustUpdate(
  tx: Db,
  job: { boxId: string; caKeyId: string | null; frame: Uint8Array | null },
  now: Date,
) {
  const decoded = job.frame ? decodeTrustAnchor(job.frame) : null;
  if (!decoded?.ok || !job.caKeyId) return;
  const adding = decoded.frame.action === TrustAction.ADD;
  if (adding) await recordAnchor(tx, job.boxId, job.caKeyId, now);
  else await recordAnchorRetired(tx, job.boxId, job.caKeyId, now);
  const [place] = await tx
    .select({ municipalityId: vehicles.ownerMunicipalityId, generation: fleetCaKeys.generation })
    .from(boxes)
    .innerJoin(vehicles, eq(vehicles.id, boxes.vehicleId))
    .innerJoin(fleetCaKeys, eq(fleetCaKeys.id, sql`${job.caKeyId}::uuid`))
    .where(eq(boxes.id, job.boxId));
  await recordAudit(tx, systemActor, {
    action: adding ? 'box.trust.add' : 'box.trust.retire',
    objectType: 'box',
    objectId: job.boxId,
    municipalityId: place?.municipalityId ?? null,
    after: { generation: place?.generation ?? null, publicKey: toHex(decoded.frame.key) },
  });
}
