import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, instant, updatedAt } from './columns';
import { municipalities } from './fleet';

export const role = pgEnum('role', ['staff', 'fleet_manager', 'operator']);
/** The languages of the UI, mails and calendar texts (app/lib/language.ts). */
export const language = pgEnum('language', ['de', 'en']);

/** better-auth's user model, with what the domain needs of a person beside it. */
export const users = pgTable(
  'users',
  {
    id: id(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    emailVerified: boolean('email_verified').notNull().default(false),
    image: text('image'),
    /** Staff and fleet managers work for a municipality; the operator works for all of them. */
    municipalityId: uuid('municipality_id').references(() => municipalities.id, { onDelete: 'restrict' }),
    role: role('role').notNull().default('staff'),
    licenceCheckValidUntil: date('licence_check_valid_until', { mode: 'string' }),
    /** Chosen by the person; pages, mails and calendar texts follow it. */
    language: language('language').notNull().default('de'),
    /** Set by a fleet manager: no sign-in, no sessions, no upcoming bookings (server/people/deactivate.ts). */
    deactivatedAt: instant('deactivated_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    index('users_municipality_idx').on(t.municipalityId),
    check(
      'users_municipality_unless_operator',
      sql`${t.role} = 'operator' or ${t.municipalityId} is not null`,
    ),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    token: text('token').notNull(),
    expiresAt: instant('expires_at').notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('sessions_token_key').on(t.token), index('sessions_user_idx').on(t.userId)],
);

export const accounts = pgTable(
  'accounts',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: instant('access_token_expires_at'),
    refreshTokenExpiresAt: instant('refresh_token_expires_at'),
    scope: text('scope'),
    password: text('password'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('accounts_provider_account_key').on(t.providerId, t.accountId),
    index('accounts_user_idx').on(t.userId),
  ],
);

export const verifications = pgTable(
  'verifications',
  {
    id: id(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: instant('expires_at').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('verifications_identifier_idx').on(t.identifier)],
);

/**
 * Sign-in failures per client address (server/auth/client-address.ts), in a fixed window. Kept in
 * the database, not in process memory, so every instance on one PostgreSQL counts together.
 * An attempt is counted before the password is checked and given back when it was right.
 */
export const signInAddressCounts = pgTable(
  'sign_in_address_counts',
  {
    address: text('address').primaryKey(),
    attempts: integer('attempts').notNull(),
    windowStartedAt: instant('window_started_at').notNull(),
  },
  (t) => [
    index('sign_in_address_counts_window_idx').on(t.windowStartedAt),
    check('sign_in_address_counts_attempts_positive', sql`${t.attempts} >= 0`),
  ],
);

/**
 * Consecutive failed sign-ins per account name (the e-mail as typed, lower-cased: names that
 * belong to nobody are throttled alike, so a lock reveals no account), and the back-off lock.
 */
export const signInAccountFailures = pgTable(
  'sign_in_account_failures',
  {
    email: text('email').primaryKey(),
    failures: integer('failures').notNull(),
    lastFailureAt: instant('last_failure_at').notNull(),
    lockedUntil: instant('locked_until'),
    /** When the person was told of this run of failures; one mail per run. */
    notifiedAt: instant('notified_at'),
  },
  (t) => [
    index('sign_in_account_failures_last_idx').on(t.lastFailureAt),
    check('sign_in_account_failures_failures_positive', sql`${t.failures} >= 0`),
    check('sign_in_account_failures_email_lower', sql`${t.email} = lower(${t.email})`),
  ],
);
