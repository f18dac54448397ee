import { AppError } from '../errors';
import type { SessionUser } from './queries';

/**
 * The one access rule for administrative acts: a fleet manager acts on their own municipality's
 * objects (cars, stations, people, policies, gateways, bookings of its cars); the operator on all.
 * Every area asks here; none writes its own variant.
 */
export function mayManage(
  user: Pick<SessionUser, 'role' | 'municipalityId'>,
  municipalityId: string,
): boolean {
  if (user.role === 'operator') return true;
  return (
    user.role === 'fleet_manager' && user.municipalityId !== null && user.municipalityId === municipalityId
  );
}

/** Throws OTHER_MUNICIPALITY unless the caller may manage objects of this municipality. */
export function assertMayManage(
  user: Pick<SessionUser, 'role' | 'municipalityId'>,
  municipalityId: string,
): void {
  if (!mayManage(user, municipalityId)) throw new AppError('OTHER_MUNICIPALITY');
}
