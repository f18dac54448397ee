import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { recordAudit } from '../audit/record';
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
  const wasLocked = await db.transaction(async (tx) => {
    const locked = await clearAccountFailures(tx, person.email, now);
    // Logged even when no lock was on: the failed attempts counted so far are forgotten all the same.
    await recordAudit(tx, actor, {
      action: 'signin.unlock',
      objectType: 'user',
      objectId: userId,
      municipalityId: person.municipalityId,
      before: { locked },
      after: { locked: false },
    });
    return locked;
  });
  logger.info({ event: 'sign_in_unlocked', by: actor.id, userId, wasLocked }, 'sign-in lock lifted');
  return { wasLocked };
}
