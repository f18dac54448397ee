import { createHash, randomBytes } from 'node:crypto';

/**
 * The secret in a subscription URL (calendar clients cannot log in): 256 random bits, URL-safe
 * base64 without padding, 43 characters. Shown to the person once; only its hash is stored.
 */
export function newFeedToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What the database keeps: a leaked table does not reveal working feed URLs. A fast unsalted hash
 * suffices because the token is random and long, unlike a password; look tokens up by this hash.
 */
export function hashFeedToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A token as newFeedToken makes it; anything else is refused before touching the database. */
export function isFeedTokenShaped(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
