import { eq, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { AppError, type AppErrorCode } from '../errors';
import type { SessionUser } from './queries';

type Caller = Pick<SessionUser, 'role' | 'municipalityId'>;

/**
 * The one access rule for administrative acts: a fleet manager acts on their own municipality's
 * objects (cars, stations, people, policies, gateways, bookings of its cars); the operator on all.
 * Every area asks here; none writes its own variant.
 */
export function mayManage(user: Caller, municipalityId: string): boolean {
  if (user.role === 'operator') return true;
  return (
    user.role === 'fleet_manager' && user.municipalityId !== null && user.municipalityId === municipalityId
  );
}

/**
 * Throws OTHER_MUNICIPALITY unless the caller may manage objects of this municipality. For objects
 * everyone signed in may see anyway (stations, cars, policies, gateways of a station).
 */
export function assertMayManage(user: Caller, municipalityId: string): void {
  if (!mayManage(user, municipalityId)) throw new AppError('OTHER_MUNICIPALITY');
}

/**
 * For objects whose mere existence is not the caller's business (bookings, jobs): whoever may not
 * manage it hears the same `notFound` as for an id that does not exist, so a foreign id tells them
 * nothing. `municipalityId` is the owner of the object, or null/undefined when there is no object.
 */
export function assertMayManageOrNotFound(
  user: Caller,
  municipalityId: string | null | undefined,
  notFound: AppErrorCode,
): asserts municipalityId is string {
  if (!municipalityId || !mayManage(user, municipalityId)) throw new AppError(notFound);
}

/**
 * The same rule as a query condition on a municipality column: the rows of municipalities the
 * caller manages (no condition for the operator, none at all for anyone else).
 */
export function managedBy(user: Caller, municipalityColumn: AnyPgColumn): SQL | undefined {
  if (user.role === 'operator') return undefined;
  if (user.role !== 'fleet_manager' || user.municipalityId === null) return sql`false`;
  return eq(municipalityColumn, user.municipalityId);
}

/**
 * Who may see a booking and what hangs on it (its trips, its key jobs): the person who booked it,
 * and whoever manages the car's municipality.
 */
export function maySeeBooking(
  user: Pick<SessionUser, 'id' | 'role' | 'municipalityId'>,
  booking: { userId: string | null; municipalityId: string },
): boolean {
  return booking.userId === user.id || mayManage(user, booking.municipalityId);
}

/**
 * A station gateway's whole reach, as a query condition: the boxes (and jobs) of its own station.
 * Anything else is, to the gateway, something that does not exist.
 */
export const atGatewayStation = (gateway: { stationId: string }, stationColumn: AnyPgColumn): SQL =>
  eq(stationColumn, gateway.stationId);
