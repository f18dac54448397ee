import { LogEvent, Op, rightForOp, Status, statusName } from '@/telematics/protocol';
import type { BookingStatus } from '../bookings/lifecycle';
import type { AppErrorCode } from '../errors';
import { messagesFor } from '../messages/catalog';
import type { ServerMessages } from '../messages/de';
import type { Language } from '../messages/language';

const MINUTE = 60_000;
/** A key works from this long before the booking starts: people walk to the car early. */
const KEY_LEAD_MS = 10 * MINUTE;
/** …and this long after it ends, so a late return can still lock and end; the box adds 300 s more. */
const KEY_GRACE_MS = 15 * MINUTE;
/** A relay command nobody finished in this time fails itself: the user has stopped waiting. */
export const COMMAND_LIFETIME_MS = 60_000;
/** A revocation that could not be delivered is offered again after this pause. */
export const REVOCATION_RETRY_MS = 60_000;
/** The box accepts a certificate this long past notAfter; a revocation is pointless after that. */
export const BOX_TOLERANCE_MS = 300_000;

export const opCodes = { unlock: Op.UNLOCK, lock: Op.LOCK, end: Op.END_BOOKING } as const;
export type OpName = keyof typeof opCodes;
export const opNames = Object.keys(opCodes) as OpName[];

export function opName(code: number): OpName | null {
  return opNames.find((name) => opCodes[name] === code) ?? null;
}

export const rightsFor = (op: OpName): number => rightForOp(opCodes[op]);

export interface KeyBooking {
  /** Null once retention removed the person: then nobody's key. */
  userId: string | null;
  status: BookingStatus;
  startsAt: Date;
  endsAt: Date;
}

/** The window written into a certificate for the booking: the same for every key of it. */
export const certificateWindow = (booking: Pick<KeyBooking, 'startsAt' | 'endsAt'>) => ({
  notBefore: new Date(booking.startsAt.getTime() - KEY_LEAD_MS),
  notAfter: new Date(booking.endsAt.getTime() + KEY_GRACE_MS),
});

/**
 * Why this person may not use the booking's key for the op now, or null when they may. Opening
 * needs the booking window itself ([start − 10 min, end]); locking and ending an active booking
 * stay possible through the grace after the end, so a late driver is never left unable to lock.
 */
export function keyRefusal(booking: KeyBooking, userId: string, op: OpName, now: Date): AppErrorCode | null {
  // Someone else's booking is, to this caller, one that does not exist: its id tells them nothing.
  if (booking.userId !== userId) return 'BOOKING_NOT_FOUND';
  if (booking.status !== 'reserved' && booking.status !== 'active') return 'BOOKING_NOT_OPEN';
  // Ending needs a trip to end: a reservation never unlocked would be "ended" by a box that only locks.
  if (op === 'end' && booking.status !== 'active') return 'BOOKING_NOT_STARTED';
  const { notBefore, notAfter } = certificateWindow(booking);
  if (now < notBefore) return 'KEY_NOT_YET_VALID';
  const closing = op !== 'unlock' && booking.status === 'active';
  if (now > (closing ? notAfter : booking.endsAt)) return 'KEY_EXPIRED';
  return null;
}

/** Which of the two states the box refuses for (a door open, the ignition on) was the reason. */
export type VehicleStateCause = 'door' | 'ignition';

/**
 * From the newest ignition record before the refusal (gap-free log): ignition on with no ignition
 * off after it → the ignition; otherwise the ignition was off, so — the box refusing for exactly
 * these two — a door was open.
 */
export const vehicleStateCause = (newestIgnitionEvent: number | null): VehicleStateCause =>
  newestIgnitionEvent === LogEvent.IGNITION_ON ? 'ignition' : 'door';

/** What the box's answer means, in the words shown beside the button the person pressed. */
export function statusReason(
  status: number,
  op: OpName | 'revocation',
  cause: VehicleStateCause | null,
  language: Language,
): string {
  const t = messagesFor(language).car;
  if (status === Status.OK) return t.ok[op];
  if (status === Status.VEHICLE_STATE) return t.vehicleState[cause ?? 'unknown'];
  const known = statusKeys[status];
  return known ? t.status[known] : t.unknownStatus(statusName(status));
}

/** The box's refusals by their protocol names, as the message files name them. */
const statusKeys: Record<number, keyof ServerMessages['car']['status']> = {
  [Status.MALFORMED]: 'MALFORMED',
  [Status.BAD_CA_SIGNATURE]: 'BAD_CA_SIGNATURE',
  [Status.WRONG_BOX]: 'WRONG_BOX',
  [Status.NOT_YET_VALID]: 'NOT_YET_VALID',
  [Status.EXPIRED]: 'EXPIRED',
  [Status.BAD_HOLDER_SIGNATURE]: 'BAD_HOLDER_SIGNATURE',
  [Status.STALE_NONCE]: 'STALE_NONCE',
  [Status.REVOKED]: 'REVOKED',
  [Status.NOT_PERMITTED]: 'NOT_PERMITTED',
  [Status.STALE_UPDATE]: 'STALE_UPDATE',
  [Status.LAST_ANCHOR]: 'LAST_ANCHOR',
  [Status.ANCHORS_FULL]: 'ANCHORS_FULL',
};

/** Failures a gateway reports, and those the server records itself. */
export const gatewayFailures = ['NOT_IN_RANGE', 'LINK_DROPPED', 'TIMEOUT', 'BLUETOOTH', 'EXPIRED'] as const;
export type Failure = (typeof gatewayFailures)[number] | 'BAD_RESPONSE' | 'BAD_FRAME' | 'WRONG_BOX';

export const failureReason = (failure: string, language: Language): string => {
  const t = messagesFor(language).car;
  return t.failure[failure as Failure] ?? t.failed;
};

export interface JobRow {
  state: 'queued' | 'sent' | 'challenged' | 'done' | 'failed';
  kind: 'command' | 'revocation' | 'trust';
  op: number | null;
  stage: string | null;
  status: number | null;
  failure: string | null;
}

/**
 * A job as the web shows it while the person waits at the car. `cause` names the state behind a
 * VEHICLE_STATE refusal once the box's log tells it (null otherwise, and while it is not known).
 */
export function jobView(job: JobRow, cause: VehicleStateCause | null, language: Language) {
  const t = messagesFor(language).car;
  // A trust update (CA rotation) reads as a revocation does: a frame delivered, no car moved.
  const op = job.kind !== 'command' ? 'revocation' : (opName(job.op ?? 0) ?? 'unlock');
  const base = {
    state: job.state,
    stage: job.stage,
    status: job.status === null ? null : statusName(job.status),
    cause,
  };
  switch (job.state) {
    case 'queued':
      return { ...base, reason: t.queued };
    case 'sent':
      return {
        ...base,
        reason: job.stage === 'connected' ? t.connected : t.connecting,
      };
    case 'challenged':
      return { ...base, reason: t.transmitting };
    case 'done':
      return { ...base, reason: statusReason(job.status ?? Status.MALFORMED, op, cause, language) };
    case 'failed':
      return { ...base, reason: failureReason(job.failure ?? '', language) };
  }
}

/**
 * The seq after the newest gap-free record, given the cursor so far and the stored seqs at or
 * above it in ascending order: a gap stops it, so the missing record is asked for again.
 */
export function advanceCursor(cursor: number, seqsFromCursor: readonly number[]): number {
  let next = cursor;
  for (const seq of seqsFromCursor) {
    if (seq < next) continue;
    if (seq !== next) break;
    next += 1;
  }
  return next;
}

export const unixSeconds = (date: Date): number => Math.floor(date.getTime() / 1000);
export const fromUnixSeconds = (seconds: number): Date => new Date(seconds * 1000);
