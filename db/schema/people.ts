import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { createdAt, id, instant } from './columns';

/** What a mailed link lets its holder do once: set the first password, or a new one. */
export const personTokenPurpose = pgEnum('person_token_purpose', ['invitation', 'password_reset']);

/**
 * The single-use links of invitations and password resets. Only the token's hash is kept (as for
 * calendar feeds and gateway tokens): a leaked table opens no account. A used link keeps its row
 * (used_at), so the page can say it was used; a replaced one is deleted and reads as unknown.
 */
export const personTokens = pgTable(
  'person_tokens',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: personTokenPurpose('purpose').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('person_tokens_token_hash_key').on(t.tokenHash),
    index('person_tokens_user_purpose_idx').on(t.userId, t.purpose),
    check('person_tokens_expires_after_created', sql`${t.expiresAt} > ${t.createdAt}`),
  ],
);

/**
 * Requests for a password reset mail per client address, in a fixed window (as sign-in failures
 * are counted in sign_in_address_counts): in the database, so every instance counts together.
 */
export const passwordResetAddressCounts = pgTable(
  'password_reset_address_counts',
  {
    address: text('address').primaryKey(),
    attempts: integer('attempts').notNull(),
    windowStartedAt: instant('window_started_at').notNull(),
  },
  (t) => [
    index('password_reset_address_counts_window_idx').on(t.windowStartedAt),
    check('password_reset_address_counts_attempts_positive', sql`${t.attempts} >= 0`),
  ],
);

/** The optional mails a person has switched off (server/people/mail-choices.ts names which may be). */
export const mailOptOuts = pgTable(
  'mail_opt_outs',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('mail_opt_outs_user_kind_key').on(t.userId, t.kind)],
);
