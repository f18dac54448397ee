import { asc } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import type { SessionUser } from '../auth/queries';
import { assertMayManageOrNotFound, managedBy } from '../auth/scope';
import { AppError } from '../errors';
import { type LocalDate, periodBounds } from '../reports/rules';
import { findPerson, lookupsOf, recordLookup, tripsOfPerson } from './queries';
import type { LookupPurpose } from './rules';

/** A person's own trips: theirs to see, with nothing to state. */
export const myTrips = (db: Db, user: SessionUser) => tripsOfPerson(db, user.id);

/** Who looked at my trips, when and why. */
export const lookupsOfMe = (db: Db, user: SessionUser) => lookupsOf(db, user.id);

/** The people whose trips the caller may look up (names only): their own municipality's; the operator's: all. */
export const lookupCandidates = (db: Db, user: SessionUser) =>
  db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(managedBy(user, users.municipalityId))
    .orderBy(asc(users.name));

export interface TripLookup {
  userId: string;
  purpose: LookupPurpose;
  reason: string;
  from: LocalDate;
  to: LocalDate;
}

/**
 * One person's trips in a span, for a stated purpose and reason: only for whoever manages the
 * person's municipality (anyone else hears PERSON_NOT_FOUND, as for a person who does not exist),
 * and every lookup is written to the access log before the trips are read, in one transaction.
 */
export async function lookUpTrips(
  db: Db,
  viewer: SessionUser,
  input: TripLookup,
  zone: string,
  now = new Date(),
) {
  const person = await findPerson(db, input.userId);
  if (!person) throw new AppError('PERSON_NOT_FOUND');
  assertMayManageOrNotFound(viewer, person.municipalityId, 'PERSON_NOT_FOUND');
  const window = periodBounds(input.from, input.to, zone);
  return db.transaction(async (tx) => {
    await recordLookup(tx, {
      viewerId: viewer.id,
      subjectId: input.userId,
      purpose: input.purpose,
      reason: input.reason,
      periodFrom: input.from,
      periodTo: input.to,
      at: now,
    });
    return {
      person: { id: person.id, name: person.name },
      trips: await tripsOfPerson(tx, input.userId, window),
    };
  });
}
