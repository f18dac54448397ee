import { and, asc, count, eq, ilike, inArray, isNotNull, isNull, ne, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { bookings, municipalities, users } from '@/db/schema';
import { recordAudit } from '../audit/record';
import type { SessionUser } from '../auth/queries';
import { managedBy } from '../auth/scope';
import { upcomingBookingStatuses } from '../bookings/rules';
import { AppError, invalidInput } from '../errors';
import { peopleFieldTexts } from '../messages/fields-people';
import { singleLineText } from '../validation';
import { municipalityNames, openInvitation, passwordSet, personToManage } from './people-queries';
import { personRole, placementProblems } from './person-rules';

export const peopleFilter = z.object({
  search: singleLineText({ max: 120 }).default(''),
  municipalityId: z.uuid().nullable().default(null),
  role: personRole.nullable().default(null),
  active: z.boolean().nullable().default(null),
});

const personColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  municipalityId: users.municipalityId,
  municipalityName: municipalities.name,
  deactivatedAt: users.deactivatedAt,
  licenceCheckValidUntil: users.licenceCheckValidUntil,
  hasPassword: passwordSet,
  invitationExpiresAt: openInvitation,
};

/** Who the caller may manage: everyone for the operator; a fleet manager's own staff and managers. */
function manageable(actor: SessionUser): SQL | undefined {
  const scope = managedBy(actor, users.municipalityId);
  return actor.role === 'operator' ? scope : and(scope, ne(users.role, 'operator'));
}

/** The people the caller manages, by name, filtered by text (name or e-mail), municipality, role and state. */
export function listPeople(db: Db, actor: SessionUser, filter: z.infer<typeof peopleFilter>) {
  const search = filter.search.replace(/[\\%_]/g, (c) => `\\${c}`);
  return db
    .select(personColumns)
    .from(users)
    .leftJoin(municipalities, eq(municipalities.id, users.municipalityId))
    .where(
      and(
        manageable(actor),
        search ? or(ilike(users.name, `%${search}%`), ilike(users.email, `%${search}%`)) : undefined,
        filter.municipalityId ? eq(users.municipalityId, filter.municipalityId) : undefined,
        filter.role ? eq(users.role, filter.role) : undefined,
        filter.active === null
          ? undefined
          : filter.active
            ? isNull(users.deactivatedAt)
            : isNotNull(users.deactivatedAt),
      ),
    )
    .orderBy(asc(users.name), asc(users.email))
    .limit(500);
}

/** One person's page: who they are, their state, and how many bookings a deactivation would cancel. */
export async function personDetail(db: Db, actor: SessionUser, userId: string) {
  await personToManage(db, actor, userId);
  const [person] = await db
    .select(personColumns)
    .from(users)
    .leftJoin(municipalities, eq(municipalities.id, users.municipalityId))
    .where(eq(users.id, userId));
  if (!person) throw new AppError('PERSON_NOT_FOUND');
  const [upcoming] = await db
    .select({ count: count() })
    .from(bookings)
    .where(and(eq(bookings.userId, userId), inArray(bookings.status, [...upcomingBookingStatuses])));
  return { ...person, upcomingBookings: upcoming?.count ?? 0 };
}

export const placementInput = z.object({
  userId: z.uuid(),
  role: personRole,
  municipalityId: z.uuid().nullable(),
});

/**
 * Changes a person's role and municipality. The caller must manage the person as they are and
 * place them where they may (person-rules.ts); their own role and municipality someone else
 * changes, so no fleet manager demotes or moves themselves out of their office by accident.
 */
export async function changePlacement(db: Db, actor: SessionUser, input: z.infer<typeof placementInput>) {
  const before = await personToManage(db, actor, input.userId);
  if (actor.id === input.userId) throw new AppError('CHANGE_OWN_ROLE');
  const problems = placementProblems(actor, input);
  if (
    input.municipalityId &&
    !problems.municipalityId &&
    !(await municipalityNames(db, input.municipalityId))
  )
    problems.municipalityId = [peopleFieldTexts().municipalityNotFound];
  if (Object.keys(problems).length > 0) throw invalidInput(problems);
  if (before.role === input.role && before.municipalityId === input.municipalityId) return { changed: false };
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ role: input.role, municipalityId: input.municipalityId })
      .where(eq(users.id, input.userId));
    await recordAudit(tx, actor, {
      action: 'person.placement',
      objectType: 'user',
      objectId: input.userId,
      // The entry belongs to the part of the log of the municipality the person came from.
      municipalityId: before.municipalityId ?? input.municipalityId,
      before: { role: before.role, municipalityId: before.municipalityId },
      after: { role: input.role, municipalityId: input.municipalityId },
    });
  });
  return { changed: true };
}
