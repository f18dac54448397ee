import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { municipalities } from '@/db/schema';
import type { SessionUser } from '../auth/queries';
import { assertMayManage } from '../auth/scope';
import { AppError } from '../errors';
import type { BookingPolicy } from './policy';
import { policyOf, savePolicy } from './policy-queries';

export async function policyFor(db: Db, municipalityId: string) {
  const [municipality] = await db
    .select({ id: municipalities.id })
    .from(municipalities)
    .where(eq(municipalities.id, municipalityId));
  if (!municipality)
    throw new AppError('INVALID_INPUT', {
      fieldErrors: { municipalityId: ['Diese Kommune gibt es nicht.'] },
    });
  return policyOf(db, municipalityId);
}

/** A municipality's fleet managers set its rules; the operator may set anyone's. */
export async function updatePolicy(
  db: Db,
  manager: SessionUser,
  input: BookingPolicy & { municipalityId: string },
) {
  const { municipalityId, ...policy } = input;
  await policyFor(db, municipalityId);
  assertMayManage(manager, municipalityId);
  await savePolicy(db, municipalityId, policy, manager.id);
  return policyOf(db, municipalityId);
}
