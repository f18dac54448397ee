import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { role } from './auth';
import { createdAt, id, updatedAt } from './columns';
import { municipalities } from './fleet';

/**
 * A municipality's OpenID Connect provider (its identity service), set up by the operator on
 * /fuhrpark/anmeldung. The sign-in page offers one button per enabled row; better-auth reads the
 * row at each sign-in (server/sso/plugin.ts), so a change needs no restart.
 */
export const ssoProviders = pgTable(
  'sso_providers',
  {
    id: id(),
    /** Whose provider it is: the sign-in page lists it under this municipality. */
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id, { onDelete: 'restrict' }),
    /** Shown on the button: „Anmelden mit <name>". */
    name: text('name').notNull(),
    issuer: text('issuer').notNull(),
    clientId: text('client_id').notNull(),
    /**
     * Kept as the app needs it for the token request (the provider's own secret for this app, not a
     * password of a person); never sent back to a page, and never part of an audit entry.
     */
    clientSecret: text('client_secret').notNull(),
    /** Space-separated, as OAuth writes them; `openid` is always among them. */
    scopes: text('scopes').notNull().default('openid email profile'),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('sso_providers_municipality_name_key').on(t.municipalityId, t.name)],
);

/** How a rule compares a claim (a claim that is a list matches when one of its entries does). */
export const ssoClaimTest = pgEnum('sso_claim_test', ['equals', 'contains', 'ends_with']);

/**
 * One rule of a provider: when the claim passes the test, the person gets this role or this
 * municipality. The first matching rule of each kind decides (by position); a person whom no rule
 * gives both is refused and no account is made (server/sso/mapping.ts).
 */
export const ssoMappingRules = pgTable(
  'sso_mapping_rules',
  {
    id: id(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => ssoProviders.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    claim: text('claim').notNull(),
    test: ssoClaimTest('test').notNull(),
    value: text('value').notNull(),
    role: role('role'),
    municipalityId: uuid('municipality_id').references(() => municipalities.id, { onDelete: 'restrict' }),
  },
  (t) => [
    uniqueIndex('sso_mapping_rules_provider_position_key').on(t.providerId, t.position),
    index('sso_mapping_rules_municipality_idx').on(t.municipalityId),
    // A rule gives a role or a municipality, never both and never none; never the operator's role.
    check('sso_mapping_rules_one_target', sql`(${t.role} is null) <> (${t.municipalityId} is null)`),
    check('sso_mapping_rules_no_operator', sql`${t.role} is distinct from 'operator'`),
  ],
);
