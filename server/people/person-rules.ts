import { z } from 'zod';
import type { Role, SessionUser } from '../auth/queries';
import { mayManage } from '../auth/scope';
import type { FieldErrors } from '../errors';
import { peopleFieldTexts } from '../messages/fields-people';
import { singleLineText } from '../validation';

type Caller = Pick<SessionUser, 'id' | 'role' | 'municipalityId'>;

export const personName = singleLineText({ min: 1, max: 120 }).refine((name) => name.length > 0, {
  error: () => peopleFieldTexts().name,
});
/** As sign-in takes it (sign-in-guard.ts): an address of at most 254 characters, kept lower-case. */
export const personEmail = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(
    z.email({ error: () => peopleFieldTexts().email }).max(254, { error: () => peopleFieldTexts().email }),
  );
export const personRole = z.enum(['staff', 'fleet_manager', 'operator'], {
  error: () => peopleFieldTexts().role,
});

/** A person's role and municipality as a manager may set them. */
export type Placement = { role: Role; municipalityId: string | null };

/**
 * What is wrong with giving someone this role and municipality, by field: only the operator
 * makes operators; everyone else belongs to a municipality, and a fleet manager places people
 * in their own only.
 */
export function placementProblems(actor: Caller, placement: Placement): FieldErrors {
  const t = peopleFieldTexts();
  const problems: FieldErrors = {};
  if (placement.role === 'operator' && actor.role !== 'operator') problems.role = [t.operatorOnly];
  if (placement.municipalityId === null) {
    if (placement.role !== 'operator') problems.municipalityId = [t.municipality];
  } else if (!mayManage(actor, placement.municipalityId)) problems.municipalityId = [t.otherMunicipality];
  return problems;
}

/**
 * Whether the caller may act on this person at all: the operator on everyone, a fleet manager on
 * the staff and fleet managers of their municipality — not on operators, who may be filed under one.
 */
export function mayActOn(actor: Caller, person: Placement): boolean {
  if (actor.role === 'operator') return true;
  return (
    person.role !== 'operator' && person.municipalityId !== null && mayManage(actor, person.municipalityId)
  );
}
