import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { personTokens } from '@/db/schema';
import { AppError } from '../errors';

export type TokenPurpose = (typeof personTokens.$inferSelect)['purpose'];

/** How long a mailed link holds: an invitation a week (people read mail late), a reset an hour. */
export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  invitation: 7 * 24 * 60 * 60_000,
  password_reset: 60 * 60_000,
};

/**
 * The secret in the link: 256 random bits, URL-safe base64, 43 characters. Only its hash is
 * stored; a fast unsalted hash suffices as the token is random and long, unlike a password.
 */
export const hashPersonToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

const isTokenShaped = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);

/**
 * Makes the person's one valid link of this purpose: earlier unused ones are deleted, so a
 * re-sent invitation replaces the old link. Returns the token, which only the mail carries.
 */
export async function issuePersonToken(
  db: Db,
  userId: string,
  purpose: TokenPurpose,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  await db
    .delete(personTokens)
    .where(
      and(eq(personTokens.userId, userId), eq(personTokens.purpose, purpose), isNull(personTokens.usedAt)),
    );
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]);
  await db
    .insert(personTokens)
    .values({ userId, purpose, tokenHash: hashPersonToken(token), expiresAt, createdAt: now });
  return { token, expiresAt };
}

/** A link's row if it may still be used; otherwise why not (used, expired, unknown or replaced). */
export async function usableToken(db: Db, token: string, now: Date, lock = false) {
  if (!isTokenShaped(token)) throw new AppError('LINK_UNKNOWN');
  const query = db
    .select({
      id: personTokens.id,
      userId: personTokens.userId,
      purpose: personTokens.purpose,
      expiresAt: personTokens.expiresAt,
      usedAt: personTokens.usedAt,
    })
    .from(personTokens)
    .where(eq(personTokens.tokenHash, hashPersonToken(token)));
  const [row] = await (lock ? query.for('update') : query);
  if (!row) throw new AppError('LINK_UNKNOWN');
  if (row.usedAt) throw new AppError('LINK_USED');
  if (row.expiresAt <= now) throw new AppError('LINK_EXPIRED');
  return row;
}

/** Marks the link used, in the transaction that uses it: a second use finds it used. */
export async function spendToken(db: Db, tokenId: string, now: Date): Promise<void> {
  await db.update(personTokens).set({ usedAt: now }).where(eq(personTokens.id, tokenId));
}
