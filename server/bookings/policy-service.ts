import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { municipalities } from '@/db/schema';
import { recordAudit } from '../audit/record';
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
  return db.transaction(async (tx) => {
    const before = await policyOf(tx, municipalityId);
    await savePolicy(tx, municipalityId, policy, manager.id);
    const after = await policyOf(tx, municipalityId);
    const entry = { action: 'policy.update', objectType: 'policy', objectId: municipalityId, municipalityId };
    await recordAudit(tx, manager, { ...entry, before: { ...before }, after: { ...after } });
    return after;
  });
}
