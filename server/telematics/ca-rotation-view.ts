/** The operator's view of the fleet CA: its generations and how far a rotation has reached the boxes. */
import { and, desc, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { boxes, gatewayJobs, vehicles } from '@/db/schema';
import { statusName } from '@/telematics/protocol';
import { keyFingerprint } from './box-admin';
import { caGenerations, trustedGenerations } from './ca-keys';
import type { FleetKeys } from './keys';

export async function rotationOverview(db: Db, keys: FleetKeys) {
  const generations = await caGenerations(db, keys);
  const active = generations.find((row) => row.state === 'active');
  const next = generations.find((row) => row.state === 'next');
  const retiredIds = new Set(
    generations.filter((row) => row.state === 'retired').map((row) => row.generation),
  );
  const inService = await db
    .select({ boxId: boxes.id, plate: vehicles.plate })
    .from(boxes)
    .innerJoin(vehicles, eq(vehicles.id, boxes.vehicleId))
    .where(and(ne(vehicles.status, 'retired'), isNull(boxes.replacedAt)))
    .orderBy(vehicles.plate);
  const trusted = await trustedGenerations(db);
  // The newest trust update per box: what the rotation is waiting for, or what the box answered.
  const jobs = await db
    .select({
      boxId: gatewayJobs.boxId,
      state: gatewayJobs.state,
      status: gatewayJobs.status,
      failure: gatewayJobs.failure,
    })
    .from(gatewayJobs)
    .where(eq(gatewayJobs.kind, 'trust'))
    .orderBy(desc(gatewayJobs.createdAt));
  const lastJob = new Map<string, (typeof jobs)[number]>();
  for (const job of jobs) if (!lastJob.has(job.boxId)) lastJob.set(job.boxId, job);

  const perBox = inService.map((box) => {
    // A box with nothing recorded was provisioned with the active key (ca-keys.ts).
    const holds = trusted.get(box.boxId) ?? (active ? [active.generation] : []);
    const job = lastJob.get(box.boxId);
    return {
      boxId: box.boxId,
      plate: box.plate,
      generations: holds,
      lastUpdate: job
        ? {
            state: job.state,
            status: job.status === null ? null : statusName(job.status),
            failure: job.failure,
          }
        : null,
    };
  });
  const count = (test: (generations: number[]) => boolean) =>
    perBox.filter((b) => test(b.generations)).length;
  return {
    generations: generations.map((row) => ({
      generation: row.generation,
      state: row.state,
      fingerprint: keyFingerprint(row.publicKey),
      activatedAt: row.activatedAt,
      retiredAt: row.retiredAt,
    })),
    phase: next
      ? ('adding' as const)
      : count((g) => g.some((n) => retiredIds.has(n))) > 0
        ? ('retiring' as const)
        : ('idle' as const),
    activeGeneration: active?.generation ?? null,
    nextGeneration: next?.generation ?? null,
    boxes: perBox,
    totals: {
      boxes: perBox.length,
      withNext: next ? count((g) => g.includes(next.generation)) : 0,
      stillOld: count((g) => g.some((n) => retiredIds.has(n))),
    },
  };
}
