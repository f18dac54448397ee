/**
 * Steps 1–8 of "What the box checks", as one pure function of the frame and a snapshot of the box.
 * Step 9 (acting, which can still refuse with VEHICLE_STATE) belongs to the box.
 */
import type { KeyObject } from 'node:crypto';
import { bytesEqual } from '../protocol/bytes';
import { verifyCertificate } from '../protocol/certificate';
import { type Command, decodeCommand, verifyCommand } from '../protocol/command';
import {
  NONCE_LIFETIME_S,
  rightForOp,
  Status,
  type StatusCode,
  VALIDITY_TOLERANCE_S,
} from '../protocol/constants';

export interface NonceSlot {
  readonly value: Uint8Array;
  /** Box time of the challenge read that made it. */
  readonly madeAt: number;
  used: boolean;
}

export interface CheckContext {
  boxId: Uint8Array;
  /** The box's trust anchors: a certificate signed by any of them passes step 2. */
  caKeys: readonly KeyObject[];
  /** Box time: the clock, never below the newest accepted issuedAt. */
  now: number;
  nonce: NonceSlot | null;
  isRevoked(serial: number): boolean;
}

export type CommandCheck =
  | { status: typeof Status.MALFORMED; step: 1; command: null }
  | { status: StatusCode; step: 2 | 3 | 4 | 5 | 6 | 7 | 8; command: Command };

/** Status OK means steps 1–8 passed; `step` is the last step reached (8 when all passed). */
export function checkCommand(frame: Uint8Array, ctx: CheckContext): CommandCheck {
  const decoded = decodeCommand(frame);
  if (!decoded.ok) return { status: Status.MALFORMED, step: 1, command: null };
  const command = decoded.frame;
  const cert = command.certificate;
  const at = (step: 2 | 3 | 4 | 5 | 6 | 7 | 8, status: StatusCode): CommandCheck => ({
    status,
    step,
    command,
  });

  if (!ctx.caKeys.some((key) => verifyCertificate(cert, key))) return at(2, Status.BAD_CA_SIGNATURE);
  if (!bytesEqual(cert.boxId, ctx.boxId)) return at(3, Status.WRONG_BOX);
  if (ctx.now < cert.notBefore - VALIDITY_TOLERANCE_S) return at(4, Status.NOT_YET_VALID);
  if (ctx.now > cert.notAfter + VALIDITY_TOLERANCE_S) return at(4, Status.EXPIRED);
  if (!verifyCommand(command)) return at(5, Status.BAD_HOLDER_SIGNATURE);
  if (!nonceIsFresh(ctx.nonce, command.nonce, ctx.now)) return at(6, Status.STALE_NONCE);
  if (ctx.isRevoked(cert.serial)) return at(7, Status.REVOKED);
  // An op no right covers (anything but 1–3) has right 0 and so is never permitted.
  const right = rightForOp(command.op);
  if (right === 0 || (cert.rights & right) === 0) return at(8, Status.NOT_PERMITTED);
  return at(8, Status.OK);
}

/** Current, unused, and made in [now − 29, now]: "under 30 s old"; a nonce from the future is not fresh. */
function nonceIsFresh(slot: NonceSlot | null, nonce: Uint8Array, now: number): boolean {
  if (slot === null || slot.used) return false;
  const age = now - slot.madeAt;
  return age >= 0 && age < NONCE_LIFETIME_S && bytesEqual(slot.value, nonce);
}
