import { and, asc, eq, gt, inArray, lte } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { boxes, gatewayJobs } from '@/db/schema';
import { toHex } from '@/telematics/protocol';
import { atGatewayStation } from '../auth/scope';
import { queueTrustUpdates } from './ca-rotation';
import { revokeBookingKeys } from './certificates';
import type { AuthenticatedGateway } from './gateways';
import type { FleetKeys } from './keys';
import { expireJobs, staleCertificateBookings } from './queries';
import { watchStation } from './wakeups';

const PULL_BATCH = 16;

/** Hands queued jobs of the station to this gateway, each to one gateway only (SKIP LOCKED). */
async function claimJobs(db: Db, gateway: AuthenticatedGateway, now: Date) {
  const claimable = db
    .select({ id: gatewayJobs.id })
    .from(gatewayJobs)
    .where(
      and(
        atGatewayStation(gateway, gatewayJobs.stationId),
        eq(gatewayJobs.state, 'queued'),
        lte(gatewayJobs.availableAt, now),
        gt(gatewayJobs.expiresAt, now),
      ),
    )
    .orderBy(asc(gatewayJobs.createdAt))
    .limit(PULL_BATCH)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(gatewayJobs)
    .set({ state: 'sent', gatewayId: gateway.id, sentAt: now })
    .where(inArray(gatewayJobs.id, claimable))
    .returning({ id: gatewayJobs.id });
  if (claimed.length === 0) return [];
  const rows = await db
    .select({
      id: gatewayJobs.id,
      kind: gatewayJobs.kind,
      frame: gatewayJobs.frame,
      boxId: gatewayJobs.boxId,
      address: boxes.bleAddress,
      createdAt: gatewayJobs.createdAt,
    })
    .from(gatewayJobs)
    .innerJoin(boxes, eq(boxes.id, gatewayJobs.boxId))
    .where(
      inArray(
        gatewayJobs.id,
        claimed.map((c) => c.id),
      ),
    )
    .orderBy(asc(gatewayJobs.createdAt));
  return rows.map((row) =>
    row.kind !== 'command' && row.frame
      ? { id: row.id, kind: row.kind, boxId: row.boxId, address: row.address, frame: toHex(row.frame) }
      : { id: row.id, kind: 'command' as const, boxId: row.boxId, address: row.address },
  );
}

/**
 * Gives back jobs claimed for a request that was aborted meanwhile (the gateway stopped or its
 * connection broke): nobody would carry them, and the person waiting at the car would only see
 * them expire a minute later. Only jobs still untouched since the claim go back.
 */
async function releaseJobs(db: Db, gateway: AuthenticatedGateway, jobIds: string[]) {
  if (jobIds.length === 0) return;
  await db
    .update(gatewayJobs)
    .set({ state: 'queued', gatewayId: null, sentAt: null, stage: null })
    .where(
      and(
        inArray(gatewayJobs.id, jobIds),
        eq(gatewayJobs.gatewayId, gateway.id),
        eq(gatewayJobs.state, 'sent'),
      ),
    );
}

/** Stops keys of bookings cancelled through any path, so the gateway delivers their revocations now. */
async function sweepRevocations(db: Db, keys: FleetKeys, stationId: string, now: Date) {
  for (const bookingId of await staleCertificateBookings(db, stationId)) {
    await revokeBookingKeys(db, keys, { id: bookingId, stationId }, now);
  }
}

export interface PullOptions {
  /** The request's abort signal: an aborted pull returns at once and is handed no job. */
  signal?: AbortSignal | undefined;
  clock?: () => Date;
}

/** Long-poll: jobs at once when there are some, else as soon as one is queued, else after waitMs. */
export async function pullJobs(
  db: Db,
  keys: FleetKeys,
  gateway: AuthenticatedGateway,
  waitMs: number,
  { signal, clock = () => new Date() }: PullOptions = {},
) {
  await sweepRevocations(db, keys, gateway.stationId, clock());
  // A CA rotation's updates still owed to this station's boxes (one whose job expired included).
  await queueTrustUpdates(db, keys, { stationId: gateway.stationId }, clock());
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (signal?.aborted) return { jobs: [] };
    const waiter = await watchStation(db, gateway.stationId);
    try {
      const now = clock();
      await expireJobs(db, now, { stationId: gateway.stationId });
      const jobs = await claimJobs(db, gateway, now);
      if (signal?.aborted) {
        await releaseJobs(
          db,
          gateway,
          jobs.map((job) => job.id),
        );
        return { jobs: [] };
      }
      const left = deadline - Date.now();
      if (jobs.length > 0 || left <= 0) return { jobs };
      await waiter.wait(left, signal);
    } finally {
      waiter.close();
    }
  }
}
