import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { boxes, boxRecords, type gatewayJobs } from '@/db/schema';
import { decodeResponse, LogEvent, Status } from '@/telematics/protocol';
import { fromUnixSeconds, type VehicleStateCause, vehicleStateCause } from './rules';

/**
 * Why the box refused a command with VEHICLE_STATE, from its own signed log (PROTOCOL.md, "Which
 * state refused"): null while the records up to the refusal have not all arrived. The refusal's
 * record must be the one at the answer's logSeq, at the answer's time, so records of another log
 * epoch are never read as this one's.
 */
export async function refusalCause(
  db: Db,
  job: Pick<typeof gatewayJobs.$inferSelect, 'boxId' | 'status' | 'response'>,
): Promise<VehicleStateCause | null> {
  if (job.status !== Status.VEHICLE_STATE || !job.response) return null;
  const decoded = decodeResponse(job.response);
  if (!decoded.ok) return null;
  const { logSeq, boxTime } = decoded.frame;
  const [box] = await db.select().from(boxes).where(eq(boxes.id, job.boxId));
  if (!box || box.nextSeq <= logSeq) return null;
  const inEpoch = and(eq(boxRecords.boxId, box.id), eq(boxRecords.epoch, box.epoch));
  const [refusal] = await db
    .select({ event: boxRecords.event, at: boxRecords.at })
    .from(boxRecords)
    .where(and(inEpoch, eq(boxRecords.seq, logSeq)));
  if (
    refusal?.event !== LogEvent.COMMAND_REJECTED ||
    refusal.at.getTime() !== fromUnixSeconds(boxTime).getTime()
  )
    return null;
  const [ignition] = await db
    .select({ event: boxRecords.event })
    .from(boxRecords)
    .where(
      and(
        inEpoch,
        lt(boxRecords.seq, logSeq),
        inArray(boxRecords.event, [LogEvent.IGNITION_ON, LogEvent.IGNITION_OFF]),
      ),
    )
    .orderBy(desc(boxRecords.seq))
    .limit(1);
  return vehicleStateCause(ignition?.event ?? null);
}
