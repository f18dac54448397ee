import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { AppError } from '../errors';
import { logger } from '../logger';
import type { SessionUser } from './queries';
import { assertMayManage } from './scope';
import { clearAccountFailures } from './throttle';

/**
 * Lifts a person's sign-in lock and forgets their failed attempts: a fleet manager for the
 * people of their own municipality, the operator for everyone. Operator accounts belong to no
 * municipality, so only the operator lifts theirs.
 */
export async function unlockSignIn(
  db: Db,
  actor: SessionUser,
  userId: string,
  now = new Date(),
): Promise<{ wasLocked: boolean }> {
  const [person] = await db
    .select({ email: users.email, municipalityId: users.municipalityId })
    .from(users)
    .where(eq(users.id, userId));
  if (!person) throw new AppError('PERSON_NOT_FOUND');
  if (person.municipalityId === null) {
    if (actor.role !== 'operator') throw new AppError('OTHER_MUNICIPALITY');
  } else assertMayManage(actor, person.municipalityId);
  const wasLocked = await clearAccountFailures(db, person.email, now);
  logger.info({ event: 'sign_in_unlocked', by: actor.id, userId, wasLocked }, 'sign-in lock lifted');
  return { wasLocked };
}
