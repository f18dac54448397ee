import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookings, boxes, gatewayJobs, vehicles } from '@/db/schema';
import type { SessionUser } from '../auth/queries';
import { maySeeBooking } from '../auth/scope';
import { licenceViolation } from '../bookings/policy';
import { AppError } from '../errors';
import type { Language } from '../messages/language';
import { certificateView, issueKeyCertificate } from './certificates';
import type { FleetKeys } from './keys';
import { expireJobs, findKeyBooking } from './queries';
import { refusalCause } from './refusal-cause';
import { COMMAND_LIFETIME_MS, jobView, keyRefusal, type OpName, opCodes, rightsFor } from './rules';
import { wakeStation } from './wakeups';

/**
 * The booking, if this person may use its key for the op now; a refusal otherwise. Opening also
 * needs a valid licence check, by the rule and in the words booking uses; locking and ending do
 * not, so nobody is left unable to lock the car.
 */
async function usableBooking(
  db: Db,
  user: SessionUser,
  bookingId: string,
  op: OpName,
  now: Date,
  timeZone: string,
) {
  const booking = await findKeyBooking(db, bookingId);
  if (!booking) throw new AppError('BOOKING_NOT_FOUND');
  const refusal = keyRefusal(booking, user.id, op, now);
  if (refusal) throw new AppError(refusal);
  const licence = op === 'unlock' ? licenceViolation(user.licenceCheckValidUntil, now, timeZone) : null;
  if (licence) throw new AppError('LICENCE_CHECK_EXPIRED', { message: licence.message });
  if (!booking.boxId) throw new AppError('BOX_NOT_FOUND');
  return { ...booking, boxId: booking.boxId };
}

/** A person presses Unlock, Lock or End: the job waits for the gateway of the car's station. */
export async function requestCommand(
  db: Db,
  user: SessionUser,
  input: { bookingId: string; op: OpName },
  timeZone: string,
  now = new Date(),
) {
  const booking = await usableBooking(db, user, input.bookingId, input.op, now, timeZone);
  const jobId = randomUUID();
  await db.insert(gatewayJobs).values({
    id: jobId,
    stationId: booking.stationId,
    boxId: booking.boxId,
    bookingId: booking.id,
    requestedBy: user.id,
    kind: 'command',
    op: opCodes[input.op],
    createdAt: now,
    availableAt: now,
    expiresAt: new Date(now.getTime() + COMMAND_LIFETIME_MS),
  });
  await wakeStation(db, booking.stationId);
  return { jobId };
}

/** Progress of a job, in the reader's language, for whoever may see its booking (the booker, its car's managers). */
export async function jobStatus(
  db: Db,
  user: SessionUser,
  jobId: string,
  language: Language,
  now = new Date(),
) {
  await expireJobs(db, now, { jobId });
  const [row] = await db
    .select({ job: gatewayJobs, booker: bookings.userId, owner: vehicles.ownerMunicipalityId })
    .from(gatewayJobs)
    .innerJoin(boxes, eq(boxes.id, gatewayJobs.boxId))
    .innerJoin(vehicles, eq(vehicles.id, boxes.vehicleId))
    .leftJoin(bookings, eq(bookings.id, gatewayJobs.bookingId))
    .where(eq(gatewayJobs.id, jobId));
  // Someone else's job is, to this caller, a job that does not exist.
  if (!row || !maySeeBooking(user, { userId: row.booker, municipalityId: row.owner }))
    throw new AppError('JOB_NOT_FOUND');
  return jobView(row.job, await refusalCause(db, row.job), language);
}

/**
 * A key for the person's phone (offline fallback): the CA certifies their public key for this
 * booking's window, with the rights to open, lock and end.
 */
export async function issuePhoneKey(
  db: Db,
  keys: FleetKeys,
  user: SessionUser,
  input: { bookingId: string; holderPublicKey: Uint8Array },
  timeZone: string,
  now = new Date(),
) {
  const booking = await usableBooking(db, user, input.bookingId, 'unlock', now, timeZone);
  const row = await issueKeyCertificate(db, keys, {
    boxId: booking.boxId,
    booking,
    holder: 'phone',
    holderPublicKey: input.holderPublicKey,
    rights: rightsFor('unlock') | rightsFor('lock') | rightsFor('end'),
    now,
    issuedBy: user,
  });
  return certificateView(row);
}
