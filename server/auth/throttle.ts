import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { signInAccountFailures, signInAddressCounts, users } from '@/db/schema';
import { notify } from '../notifications/outbox';
import {
  ACCOUNT_BACKOFF,
  ADDRESS_LIMIT,
  accountAttempt,
  addressAttempt,
  shouldNotify,
} from './throttle-rules';

/** One sign-in attempt: where it came from (clientAddressOf) and the account name typed. */
export type SignInAttempt = { address: string; email: string };

export type Admission = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** The key of an account name: as better-auth looks it up (lower case), bounded in length. */
export const accountKey = (email: string) => email.trim().toLowerCase().slice(0, 320);

/**
 * Lets an attempt through, counting it as a failure already, or refuses it with the seconds to
 * wait. Both rows are locked in one transaction, always account before address, so instances
 * sharing the database decide one after the other and never both on a stale count.
 */
export async function admitSignInAttempt(db: Db, attempt: SignInAttempt, now: Date): Promise<Admission> {
  const email = accountKey(attempt.email);
  let created = false;
  const admission = await db.transaction(async (tx): Promise<Admission> => {
    const newAccount = await tx
      .insert(signInAccountFailures)
      .values({ email, failures: 0, lastFailureAt: now })
      .onConflictDoNothing()
      .returning({ email: signInAccountFailures.email });
    const newAddress = await tx
      .insert(signInAddressCounts)
      .values({ address: attempt.address, attempts: 0, windowStartedAt: now })
      .onConflictDoNothing()
      .returning({ address: signInAddressCounts.address });

    const [account] = await tx
      .select()
      .from(signInAccountFailures)
      .where(eq(signInAccountFailures.email, email))
      .for('update');
    const [address] = await tx
      .select()
      .from(signInAddressCounts)
      .where(eq(signInAddressCounts.address, attempt.address))
      .for('update');

    const accountVerdict = accountAttempt(account && account.failures > 0 ? account : null, now);
    if (!accountVerdict.allowed) return accountVerdict;
    const addressVerdict = addressAttempt(address && address.attempts > 0 ? address : null, now);
    if (!addressVerdict.allowed) return addressVerdict;

    await tx
      .update(signInAccountFailures)
      .set(accountVerdict.next)
      .where(eq(signInAccountFailures.email, email));
    await tx
      .update(signInAddressCounts)
      .set(addressVerdict.next)
      .where(eq(signInAddressCounts.address, attempt.address));
    created = newAccount.length + newAddress.length > 0;
    return { allowed: true };
  });
  // Rows only appear here, so clearing what has run out whenever one appears bounds the tables.
  if (created) await purgeExpired(db, now);
  return admission;
}

/**
 * After the password was checked. Right: the account's run of failures ends and the address gets
 * its attempt back. Wrong: it stays counted, and the person is told once their account locks.
 */
export async function settleSignInAttempt(
  db: Db,
  attempt: SignInAttempt,
  succeeded: boolean,
  now: Date,
): Promise<void> {
  const email = accountKey(attempt.email);
  if (succeeded) {
    await db.delete(signInAccountFailures).where(eq(signInAccountFailures.email, email));
    await db
      .update(signInAddressCounts)
      .set({ attempts: sql`greatest(${signInAddressCounts.attempts} - 1, 0)` })
      .where(eq(signInAddressCounts.address, attempt.address));
    return;
  }
  await db.transaction(async (tx) => {
    const [account] = await tx
      .select()
      .from(signInAccountFailures)
      .where(eq(signInAccountFailures.email, email))
      .for('update');
    if (!account?.lockedUntil || !shouldNotify(account)) return;
    await tx
      .update(signInAccountFailures)
      .set({ notifiedAt: now })
      .where(eq(signInAccountFailures.email, email));
    const [person] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.email})`, email));
    if (!person) return;
    await notify(tx, {
      kind: 'sign_in_locked',
      recipientId: person.id,
      failures: account.failures,
      lockedUntil: account.lockedUntil.toISOString(),
    });
  });
}

/**
 * Removes windows and runs of failures that no longer count for anything. Rows another attempt
 * holds are skipped (it is about to renew them), so purging never waits and never deadlocks.
 */
async function purgeExpired(db: Db, now: Date): Promise<void> {
  const staleAddresses = db
    .select({ address: signInAddressCounts.address })
    .from(signInAddressCounts)
    .where(lt(signInAddressCounts.windowStartedAt, new Date(now.getTime() - ADDRESS_LIMIT.windowMs)))
    .for('update', { skipLocked: true });
  await db.delete(signInAddressCounts).where(inArray(signInAddressCounts.address, staleAddresses));
  const staleAccounts = db
    .select({ email: signInAccountFailures.email })
    .from(signInAccountFailures)
    .where(
      and(
        lt(signInAccountFailures.lastFailureAt, new Date(now.getTime() - ACCOUNT_BACKOFF.memoryMs)),
        or(isNull(signInAccountFailures.lockedUntil), lt(signInAccountFailures.lockedUntil, now)),
      ),
    )
    .for('update', { skipLocked: true });
  await db.delete(signInAccountFailures).where(inArray(signInAccountFailures.email, staleAccounts));
}

/** Ends the account's run of failures and its lock; true if it was locked. */
export async function clearAccountFailures(db: Db, email: string, now: Date): Promise<boolean> {
  const removed = await db
    .delete(signInAccountFailures)
    .where(eq(signInAccountFailures.email, accountKey(email)))
    .returning({ lockedUntil: signInAccountFailures.lockedUntil });
  return removed.some((row) => row.lockedUntil !== null && row.lockedUntil > now);
}
