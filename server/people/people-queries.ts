import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { accounts, municipalities, personTokens, users } from '@/db/schema';
import type { SessionUser } from '../auth/queries';
import { AppError } from '../errors';
import { mayActOn } from './person-rules';

/** A person as the administration needs them, or PERSON_NOT_FOUND for one the caller may not act on. */
export async function personToManage(db: Db, actor: SessionUser, userId: string, lock = false) {
  const query = db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      municipalityId: users.municipalityId,
      deactivatedAt: users.deactivatedAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  const [person] = await (lock ? query.for('update') : query);
  // Someone the caller may not act on hears what they would for an id that does not exist.
  if (!person || !mayActOn(actor, person)) throw new AppError('PERSON_NOT_FOUND');
  return person;
}

/** Whether the person has set a password (an invited one has not yet). */
export async function hasPassword(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.userId, userId), eq(accounts.providerId, 'credential')));
  return row !== undefined;
}

/** A municipality's names as mails need them, or null when there is none of that id. */
export async function municipalityNames(db: Db, municipalityId: string) {
  const [row] = await db
    .select({ name: municipalities.name, genitive: municipalities.nameGenitive })
    .from(municipalities)
    .where(eq(municipalities.id, municipalityId));
  return row ?? null;
}

/** The open invitation of a person: when its link runs out, or null. */
export const openInvitation = sql<Date | null>`(
  select max(${personTokens.expiresAt}) from ${personTokens}
  where ${personTokens.userId} = ${users.id} and ${personTokens.purpose} = 'invitation'
    and ${personTokens.usedAt} is null
)`.mapWith((value: string | Date | null) => (value === null ? null : new Date(value)));

export const passwordSet = sql<boolean>`exists (
  select 1 from ${accounts}
  where ${accounts.userId} = ${users.id} and ${accounts.providerId} = 'credential'
)`.mapWith(Boolean);
