/** The outcome columns most rows of the authorization matrix share (authorization-rows*.ts). */
import type { Persona, World } from './authorization-fixtures';
import type { AppErrorCode } from './errors';

/**
 * `ok`: answered (and, where the row says what A's object looks like in the answer, it is there);
 * `hidden`: answered without A's object (a list or cursor that must not show another's things);
 * otherwise the AppError code of the refusal, which fixes its tRPC code (errors.ts).
 */
export type Outcome = 'ok' | 'hidden' | AppErrorCode;

export interface Row {
  /** A valid input naming A's object. Called once per persona: a call that changes state makes its own. */
  input: (w: World) => unknown;
  /**
   * The same input naming an object that does not exist. Required where one persona reaches the
   * object and another is answered NOT_FOUND: that answer must be exactly the one for a
   * non-existent id (code, AppError code, message), so it tells nothing.
   */
  missing?: (w: World) => unknown;
  /** Whether an answer shows A's object; with it, `ok` means shown and `hidden` means not. */
  shows?: (answer: unknown, w: World) => boolean;
  expect: Record<Persona, Outcome>;
}

// The columns most rows share.
export const noSession = {
  anonymous: 'UNAUTHENTICATED',
  gatewayOwn: 'UNAUTHENTICATED',
  gatewayOther: 'UNAUTHENTICATED',
} as const;
export const everyone = {
  anonymous: 'ok',
  staffOwn: 'ok',
  staffOther: 'ok',
  fleetOwn: 'ok',
  fleetOther: 'ok',
  operator: 'ok',
  gatewayOwn: 'ok',
  gatewayOther: 'ok',
} as const;
export const signedIn = { ...everyone, ...noSession } as const;
export const noStaff = { staffOwn: 'FORBIDDEN_ROLE', staffOther: 'FORBIDDEN_ROLE' } as const;
/** Administrative acts on A's things everyone may see (cars, stations, gateways, policies). */
export const managersOfA = {
  ...noSession,
  ...noStaff,
  fleetOwn: 'ok',
  fleetOther: 'OTHER_MUNICIPALITY',
  operator: 'ok',
} as const;
/** Lists of managed things: each manager gets a list, but only of what they manage. */
export const managedList = {
  ...noSession,
  ...noStaff,
  fleetOwn: 'ok',
  fleetOther: 'hidden',
  operator: 'ok',
} as const;
/** Private to the booker: anyone else hears what they would for a booking that does not exist. */
export const bookerOnly = (notFound: AppErrorCode) =>
  ({
    ...noSession,
    staffOwn: 'ok',
    staffOther: notFound,
    fleetOwn: notFound,
    fleetOther: notFound,
    operator: notFound,
  }) as const;
/** What hangs on a booking (trips, jobs): its booker and whoever manages the car's municipality. */
export const bookingReaders = (notFound: AppErrorCode) =>
  ({
    ...noSession,
    staffOwn: 'ok',
    staffOther: notFound,
    fleetOwn: 'ok',
    fleetOther: notFound,
    operator: 'ok',
  }) as const;
/** Keys and the car itself: the booker alone (telematics/rules.ts keyRefusal); to anyone else the booking does not exist. */
export const keyHolder = (booker: Outcome) =>
  ({
    ...noSession,
    staffOwn: booker,
    staffOther: 'BOOKING_NOT_FOUND',
    fleetOwn: 'BOOKING_NOT_FOUND',
    fleetOther: 'BOOKING_NOT_FOUND',
    operator: 'BOOKING_NOT_FOUND',
  }) as const;
/** Station gateways by token: people are not gateways; a gateway reaches its own station only. */
export const gateways = (other: Outcome) =>
  ({
    anonymous: 'GATEWAY_UNAUTHORIZED',
    staffOwn: 'GATEWAY_UNAUTHORIZED',
    staffOther: 'GATEWAY_UNAUTHORIZED',
    fleetOwn: 'GATEWAY_UNAUTHORIZED',
    fleetOther: 'GATEWAY_UNAUTHORIZED',
    operator: 'GATEWAY_UNAUTHORIZED',
    gatewayOwn: 'ok',
    gatewayOther: other,
  }) as const;

export const HOUR = 3_600_000;
export const none = () => undefined;
export const ids = (answer: unknown) => (answer as { id: string }[]).map((row) => row.id);
export const reason = 'Fahrzeug wird für den Winterdienst gebraucht';
