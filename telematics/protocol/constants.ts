/**
 * Every number PMK1 puts on the wire, in one place (key-protocol.md). The gateway, the server and
 * the box import these instead of repeating literals, so a mismatch cannot creep in.
 */

export const PROTOCOL_VERSION = 1;

export const FrameType = {
  CERTIFICATE: 0x01,
  COMMAND: 0x02,
  RESPONSE: 0x03,
  REVOCATION: 0x04,
  LOG_RECORD: 0x05,
  LOG_REQUEST: 0x06,
  LOG_END: 0x07,
  /** A fleet CA key added to or retired from a box's trust anchors (PROTOCOL.md, CA rotation). */
  TRUST_ANCHOR: 0x08,
} as const;

/** Exact frame lengths in bytes; a frame of any other length is MALFORMED. */
export const FrameLength = {
  CERTIFICATE: 147,
  COMMAND: 230,
  RESPONSE: 102,
  REVOCATION: 90,
  LOG_RECORD: 112,
  LOG_REQUEST: 6,
  LOG_END: 6,
  TRUST_ANCHOR: 119,
  CHALLENGE: 24,
} as const;

/** The info payload is boxId[16] + version u8 + firmware; 512 bytes is the largest GATT attribute value. */
export const INFO_MIN_LENGTH = 17;
export const INFO_MAX_LENGTH = 512;

export const Status = {
  OK: 0x00,
  MALFORMED: 0x01,
  BAD_CA_SIGNATURE: 0x02,
  WRONG_BOX: 0x03,
  NOT_YET_VALID: 0x04,
  EXPIRED: 0x05,
  BAD_HOLDER_SIGNATURE: 0x06,
  STALE_NONCE: 0x07,
  REVOKED: 0x08,
  NOT_PERMITTED: 0x09,
  VEHICLE_STATE: 0x0a,
  /** A trust update whose issuedAt is not after the newest one the box accepted (a replay). */
  STALE_UPDATE: 0x0b,
  /** A retire of the box's only trust anchor: it would trust nothing afterwards. */
  LAST_ANCHOR: 0x0c,
  /** An add while the box already holds its two anchors: one must be retired first. */
  ANCHORS_FULL: 0x0d,
} as const;
export type StatusCode = (typeof Status)[keyof typeof Status];
type StatusName = keyof typeof Status;

export const Op = {
  /** Only in responses to a revocation or a trust update. */
  NONE: 0x00,
  UNLOCK: 0x01,
  LOCK: 0x02,
  /** Lock and close the trip. */
  END_BOOKING: 0x03,
} as const;

/** Certificate rights, a bit set. */
export const Right = {
  UNLOCK: 0x01,
  LOCK: 0x02,
  END_BOOKING: 0x04,
  READ_LOG: 0x08,
} as const;

export const LogEvent = {
  UNLOCKED: 0x01,
  LOCKED: 0x02,
  IGNITION_ON: 0x03,
  IGNITION_OFF: 0x04,
  BOOKING_ENDED: 0x05,
  CHARGING_STARTED: 0x06,
  CHARGING_STOPPED: 0x07,
  COMMAND_REJECTED: 0x08,
} as const;

export const LockState = { LOCKED: 0, UNLOCKED: 1 } as const;

/** State of charge byte when the box cannot read it. */
export const SOC_UNKNOWN = 255;

/** Seconds a nonce stays usable after the challenge read that made it (it must be younger). */
export const NONCE_LIFETIME_S = 30;
/** Seconds of clock tolerance on both ends of a certificate's window. */
export const VALIDITY_TOLERANCE_S = 300;
/** Records per log page. */
export const LOG_PAGE_SIZE = 32;
/** Seconds after an unlock within which a door must open, or the box locks again. */
export const AUTO_LOCK_S = 120;

const uuid = (prefix: string): string => `${prefix}-3a52-4f0e-9a3c-5041524d4f00`;

export const GattUuid = {
  SERVICE: uuid('6a8b0001'),
  INFO: uuid('6a8b0002'),
  CHALLENGE: uuid('6a8b0003'),
  COMMAND: uuid('6a8b0004'),
  RESPONSE: uuid('6a8b0005'),
  LOG_CONTROL: uuid('6a8b0006'),
  LOG_DATA: uuid('6a8b0007'),
} as const;

const statusNames = new Map<number, StatusName>(
  Object.entries(Status).map(([name, code]) => [code, name as StatusName]),
);

/** The spec's name for a status byte, for logs and messages; unknown bytes say so. */
export function statusName(code: number): string {
  return statusNames.get(code) ?? `UNKNOWN_0x${code.toString(16).padStart(2, '0')}`;
}

/** The right a certificate needs for an op; 0 for an op no right covers. */
export function rightForOp(op: number): number {
  if (op === Op.UNLOCK) return Right.UNLOCK;
  if (op === Op.LOCK) return Right.LOCK;
  if (op === Op.END_BOOKING) return Right.END_BOOKING;
  return 0;
}
