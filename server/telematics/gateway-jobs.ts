import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { boxes, gatewayJobs } from '@/db/schema';
import {
  bytesEqual,
  decodeCertificate,
  decodeChallenge,
  decodeInfo,
  decodeResponse,
  encodeCommand,
  frameDigest,
  fromHex,
  Op,
  type Response,
  Status,
  signCommand,
  toHex,
  verifyResponse,
} from '@/telematics/protocol';
import { AppError } from '../errors';
import { bookingConfirmedByBox } from './booking-state';
import { confirmTrustUpdate } from './ca-rotation';
import { relayCertificate } from './certificates';
import type { AuthenticatedGateway } from './gateways';
import type { FleetKeys } from './keys';
import { findKeyBooking } from './queries';
import { type Failure, fromUnixSeconds, keyRefusal, opName, REVOCATION_RETRY_MS, rightsFor } from './rules';
import { deriveTrips } from './trips';

/** A job a gateway holds: taken, and possibly challenged, but not answered yet. */
const open = ['sent', 'challenged'] as const;

async function ownJob(db: Db, gateway: AuthenticatedGateway, jobId: string) {
  const [job] = await db
    .select({ job: gatewayJobs, boxKey: boxes.publicKey })
    .from(gatewayJobs)
    .innerJoin(boxes, eq(boxes.id, gatewayJobs.boxId))
    .where(and(eq(gatewayJobs.id, jobId), eq(gatewayJobs.gatewayId, gateway.id)));
  if (!job) throw new AppError('JOB_NOT_FOUND');
  return job;
}

async function failJob(db: Db, jobId: string, failure: Failure, detail: string | null, now: Date) {
  await db
    .update(gatewayJobs)
    .set({ state: 'failed', failure, failureDetail: detail, finishedAt: now })
    .where(and(eq(gatewayJobs.id, jobId), inArray(gatewayJobs.state, ['queued', ...open])));
}

/** Jobs that carry a CA-signed frame to the box: retried until delivered or expired. */
const carriesFrame = (kind: string) => kind === 'revocation' || kind === 'trust';

/** A revocation or trust update not (provably) delivered: offered again after a pause, until the certificate is dead anyway. */
async function requeueRevocation(db: Db, jobId: string, now: Date) {
  await db
    .update(gatewayJobs)
    .set({
      state: 'queued',
      gatewayId: null,
      stage: null,
      sentAt: null,
      availableAt: new Date(now.getTime() + REVOCATION_RETRY_MS),
    })
    .where(and(eq(gatewayJobs.id, jobId), inArray(gatewayJobs.state, open)));
}

export async function reportProgress(
  db: Db,
  gateway: AuthenticatedGateway,
  input: { jobId: string; stage: 'connecting' | 'connected' },
) {
  await ownJob(db, gateway, input.jobId);
  await db
    .update(gatewayJobs)
    .set({ stage: input.stage })
    .where(and(eq(gatewayJobs.id, input.jobId), inArray(gatewayJobs.state, open)));
  return { ok: true as const };
}

/**
 * The gateway read the box's challenge: answer with a command signed by the relay key, but only
 * while the job is live and the booking still lets its owner do this.
 */
export async function answerChallenge(
  db: Db,
  keys: FleetKeys,
  gateway: AuthenticatedGateway,
  input: { jobId: string; info: string; challenge: string },
  now = new Date(),
) {
  const { job } = await ownJob(db, gateway, input.jobId);
  const op = opName(job.op ?? 0);
  const booking = job.bookingId ? await findKeyBooking(db, job.bookingId) : null;
  const stillAllowed =
    op !== null && booking !== null && keyRefusal(booking, job.requestedBy ?? '', op, now) === null;
  if (job.kind !== 'command' || job.state !== 'sent' || job.expiresAt <= now || !stillAllowed || !op) {
    await failJob(db, job.id, 'EXPIRED', stillAllowed ? null : 'booking no longer allows it', now);
    throw new AppError('JOB_EXPIRED');
  }
  const info = decodeInfo(fromHex(input.info));
  const challenge = decodeChallenge(fromHex(input.challenge));
  if (!info.ok || !challenge.ok) {
    await failJob(db, job.id, 'BAD_FRAME', 'info or challenge did not decode', now);
    throw new AppError('FRAME_MALFORMED');
  }
  if (toHex(info.frame.boxId) !== job.boxId.replaceAll('-', '')) {
    await failJob(db, job.id, 'WRONG_BOX', null, now);
    throw new AppError('BOX_MISMATCH');
  }
  const certificateRow = await relayCertificate(db, keys, {
    boxId: job.boxId,
    booking,
    rights: rightsFor(op),
    now,
  });
  const certificate = decodeCertificate(certificateRow.frame);
  if (!certificate.ok) throw new Error('a stored certificate did not decode');
  const command = encodeCommand(
    signCommand(
      { op: job.op ?? 0, nonce: challenge.frame.nonce, certificate: certificate.frame },
      keys.relay,
    ),
  );
  const moved = await db
    .update(gatewayJobs)
    .set({ state: 'challenged', nonce: challenge.frame.nonce, certificateId: certificateRow.id })
    .where(and(eq(gatewayJobs.id, job.id), eq(gatewayJobs.state, 'sent')))
    .returning({ id: gatewayJobs.id });
  if (moved.length === 0) throw new AppError('JOB_EXPIRED');
  return { command: toHex(command) };
}

export type ResultInput =
  | { jobId: string; response: string }
  | { jobId: string; failure: Failure; detail?: string | undefined };

/** Whether a verified response answers this job, not an older one replayed. */
function answersJob(response: Response, job: typeof gatewayJobs.$inferSelect): boolean {
  // Erratum 1 (and the trust update likewise): the answer names the frame it answers by its
  // digest, whatever the status.
  if (carriesFrame(job.kind))
    return (
      response.op === Op.NONE && job.frame !== null && bytesEqual(response.nonce, frameDigest(job.frame))
    );
  // A MALFORMED answer echoes nothing; it only ever fails the job.
  if (response.status === Status.MALFORMED) return true;
  return (
    job.state === 'challenged' &&
    response.op === job.op &&
    job.nonce !== null &&
    bytesEqual(response.nonce, job.nonce)
  );
}

/**
 * The box's answer, as the gateway carried it. Only a response signed by this box's key and
 * echoing this job's op and nonce counts; anything else fails the job and changes nothing.
 */
export async function recordResult(
  db: Db,
  gateway: AuthenticatedGateway,
  input: ResultInput,
  now = new Date(),
) {
  const { job, boxKey } = await ownJob(db, gateway, input.jobId);
  if (!open.some((state) => state === job.state)) return { ok: true as const };
  if ('failure' in input) {
    if (carriesFrame(job.kind) && job.expiresAt > now) await requeueRevocation(db, job.id, now);
    else await failJob(db, job.id, input.failure, input.detail ?? null, now);
    return { ok: true as const };
  }
  const decoded = decodeResponse(fromHex(input.response));
  if (!decoded.ok || !verifyResponse(decoded.frame, boxKey) || !answersJob(decoded.frame, job)) {
    if (carriesFrame(job.kind)) {
      // Not proof that this revocation or update reached the box (perhaps the answer to another one): the
      // job stays pending, so the key is still revoked when a gateway next reaches the car.
      if (job.expiresAt > now) await requeueRevocation(db, job.id, now);
      throw new AppError('RESPONSE_MISMATCH');
    }
    await failJob(db, job.id, 'BAD_RESPONSE', decoded.ok ? 'signature or echo wrong' : decoded.error, now);
    return { ok: true as const };
  }
  const response = decoded.frame;
  // One transaction: whoever sees the job done also sees the booking it moved on.
  return db.transaction(async (tx) => {
    const done = await tx
      .update(gatewayJobs)
      .set({
        state: 'done',
        status: response.status,
        response: fromHex(input.response),
        lockState: response.lockState,
        odometer: response.odometer,
        soc: response.soc,
        boxTime: fromUnixSeconds(response.boxTime),
        finishedAt: now,
      })
      .where(and(eq(gatewayJobs.id, job.id), inArray(gatewayJobs.state, open)))
      .returning({ id: gatewayJobs.id });
    if (done.length > 0 && response.status === Status.OK && job.kind === 'trust')
      await confirmTrustUpdate(tx, job, now);
    const op = opName(job.op ?? 0);
    if (done.length > 0 && response.status === Status.OK && job.kind === 'command' && job.bookingId && op) {
      await bookingConfirmedByBox(tx, job.bookingId, op, now);
      // The box's answer is evidence of the end: the trip closes now, not only when the log comes.
      if (op === 'end') await deriveTrips(tx, job.bookingId);
    }
    return { ok: true as const };
  });
}
