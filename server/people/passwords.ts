import { hashPassword } from 'better-auth/crypto';
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import {
  accounts,
  notifications,
  passwordResetAddressCounts,
  personTokens,
  sessions,
  users,
} from '@/db/schema';
import { recordAudit } from '../audit/record';
import { clearAccountFailures } from '../auth/throttle';
import { AppError } from '../errors';
import { peopleFieldTexts } from '../messages/fields-people';
import { notify } from '../notifications/outbox';
import { passwordLink } from './invitations';
import { personEmail } from './person-rules';
import { type AddressWindow, RESET_ADDRESS_LIMIT, resetRequestAttempt } from './reset-rules';
import { issuePersonToken, spendToken, usableToken } from './tokens';

/** As better-auth's e-mail/password sign-in admits them (auth.ts minPasswordLength; its default maximum). */
export const newPassword = z
  .string()
  .min(10, { error: () => peopleFieldTexts().passwordLength })
  .max(128, { error: () => peopleFieldTexts().passwordLength });

/** What the page shows before the password is typed: for whom the link is, or why it no longer works. */
export async function linkStatus(db: Db, token: string, now = new Date()) {
  const link = await usableToken(db, token, now);
  const [person] = await db
    .select({ name: users.name, email: users.email, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(eq(users.id, link.userId));
  if (!person) throw new AppError('LINK_UNKNOWN');
  if (person.deactivatedAt) throw new AppError('ACCOUNT_DEACTIVATED');
  return { purpose: link.purpose, name: person.name, email: person.email, expiresAt: link.expiresAt };
}

/**
 * Sets the password a mailed link is for, once: hashed by better-auth's own hashing (the one its
 * sign-in verifies), stored in its credential account (provider "credential", account id = user
 * id, as the seed does). Every session the person had ends and a sign-in lock is lifted: whoever
 * knew the old password is out. A used, expired or replaced link changes nothing.
 */
export async function setPasswordWithLink(db: Db, token: string, password: string, now = new Date()) {
  // Hashed before the transaction: scrypt takes a while, and the link's row is locked only for the write.
  const hash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const link = await usableToken(tx, token, now, true);
    const [person] = await tx
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        municipalityId: users.municipalityId,
        deactivatedAt: users.deactivatedAt,
      })
      .from(users)
      .where(eq(users.id, link.userId));
    if (!person) throw new AppError('LINK_UNKNOWN');
    if (person.deactivatedAt) throw new AppError('ACCOUNT_DEACTIVATED');
    await tx
      .insert(accounts)
      .values({ userId: person.id, accountId: person.id, providerId: 'credential', password: hash })
      .onConflictDoUpdate({
        target: [accounts.providerId, accounts.accountId],
        set: { password: hash, updatedAt: now },
      });
    await spendToken(tx, link.id, now);
    // The other link of the pair goes too: a reset that set the password ends the invitation.
    await tx.delete(personTokens).where(and(eq(personTokens.userId, person.id), isNull(personTokens.usedAt)));
    await tx.delete(sessions).where(eq(sessions.userId, person.id));
    await clearAccountFailures(tx, person.email, now);
    // An invitation answered is the address confirmed.
    await tx.update(users).set({ emailVerified: true }).where(eq(users.id, person.id));
    await recordAudit(tx, person, {
      action: link.purpose === 'invitation' ? 'person.invitation.accepted' : 'person.password.reset',
      objectType: 'user',
      objectId: person.id,
      municipalityId: person.municipalityId,
    });
    return { email: person.email, purpose: link.purpose };
  });
}

export const resetRequestInput = z.object({ email: personEmail });

/** How many reset mails one person gets at most in an hour, however often it is asked for them. */
const RESET_MAILS_PER_HOUR = 3;

/**
 * „Passwort vergessen?“: mails a reset link if the address belongs to an active account. The
 * answer is the same whether it does or not, and the mail goes out later from the outbox, so the
 * answer takes about as long either way: a stranger learns nothing about who has an account. Refused (the same for every address) when
 * this client address asked too often; a person gets at most three mails an hour.
 */
export async function requestPasswordReset(
  db: Db,
  email: string,
  clientAddress: string,
  appUrl: string,
  now = new Date(),
): Promise<{ accepted: true }> {
  await db
    .transaction(async (tx) => {
      await tx
        .insert(passwordResetAddressCounts)
        .values({ address: clientAddress, attempts: 0, windowStartedAt: now })
        .onConflictDoNothing();
      const [window] = await tx
        .select()
        .from(passwordResetAddressCounts)
        .where(eq(passwordResetAddressCounts.address, clientAddress))
        .for('update');
      const verdict = resetRequestAttempt(
        window && window.attempts > 0 ? (window as AddressWindow) : null,
        now,
      );
      if (!verdict.allowed) return verdict;
      await tx
        .update(passwordResetAddressCounts)
        .set(verdict.next)
        .where(eq(passwordResetAddressCounts.address, clientAddress));
      return verdict;
    })
    .then((verdict) => {
      if (!verdict.allowed) throw new AppError('PASSWORD_RESET_THROTTLED');
    });
  // Windows that ran out count for nothing: cleared here, so the table stays as small as its traffic.
  await db
    .delete(passwordResetAddressCounts)
    .where(
      lt(passwordResetAddressCounts.windowStartedAt, new Date(now.getTime() - RESET_ADDRESS_LIMIT.windowMs)),
    );

  await db.transaction(async (tx) => {
    const [person] = await tx
      .select({ id: users.id, deactivatedAt: users.deactivatedAt })
      .from(users)
      .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
      .for('update');
    if (!person || person.deactivatedAt) return;
    // Counted by the mails queued: a new link replaces the last one, so the links themselves do not add up.
    const [recent] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(notifications)
      .where(
        and(
          eq(notifications.recipientId, person.id),
          eq(notifications.kind, 'password_reset'),
          gt(notifications.createdAt, new Date(now.getTime() - 60 * 60_000)),
        ),
      );
    if ((recent?.count ?? 0) >= RESET_MAILS_PER_HOUR) return;
    const { token, expiresAt } = await issuePersonToken(tx, person.id, 'password_reset', now);
    await notify(tx, {
      kind: 'password_reset',
      recipientId: person.id,
      link: passwordLink(appUrl, token),
      expiresAt: expiresAt.toISOString(),
    });
  });
  return { accepted: true };
}
