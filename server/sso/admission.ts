import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { accounts, users } from '@/db/schema';
import { type Actor, recordAudit } from '../audit/record';
import { sqlState } from '../errors';
import { logger } from '../logger';
import { type MappingRule, mapClaims } from './mapping';

/** Why a person was turned away; the sign-in page says each in words (app/(auth)/anmelden). */
export type SsoRefusal = 'not_mapped' | 'email_unverified' | 'other_municipality' | 'deactivated';

export interface AdmittingProvider {
  id: string;
  name: string;
  rules: readonly MappingRule[];
}

export type Admission =
  | { admitted: true; userId: string; created: boolean }
  | { admitted: false; refusal: SsoRefusal };

const verified = (value: unknown) => value === true || value === 'true';
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/**
 * Decides, before better-auth looks for or makes anyone, whether the person the provider vouched
 * for may use the app, and with which role and municipality — and makes their account if they
 * have none, so better-auth only links and signs in (it makes no users: `disableSignUp`).
 *
 * - No rule gives them a role and a municipality: refused, nothing written, the refusal logged.
 * - Their account (linked to this provider, else the one of their verified e-mail) belongs to the
 *   mapped municipality: linked, not duplicated; a different mapped role replaces the stored one
 *   at this sign-in (the directory is the source of truth for roles), audited.
 * - It belongs to another municipality or is the operator's: refused — a municipality's directory
 *   vouches for its own people, not for another's account or the operator's.
 * - A deactivated account is refused before anything of it changes (no session would be given
 *   anyway: auth/active-accounts.ts).
 * - An e-mail the provider has not verified is never used to find or make an account.
 */
export async function admitSsoPerson(
  db: Db,
  provider: AdmittingProvider,
  claims: Record<string, unknown>,
): Promise<Admission> {
  const email = text(claims.email).toLowerCase();
  const subject = text(claims.sub);
  const refuse = (refusal: SsoRefusal): Admission => {
    logger.warn(
      { event: 'sso_refused', providerId: provider.id, refusal, subject, email },
      'single sign-on refused',
    );
    return { admitted: false, refusal };
  };
  const mapping = mapClaims(provider.rules, claims);
  if (!mapping) return refuse('not_mapped');
  if (!email || !subject || !verified(claims.email_verified ?? claims.emailVerified))
    return refuse('email_unverified');

  const actor: Actor = { id: null, name: `Single Sign-on (${provider.name})` };
  const owner = (await linkedOwner(db, provider.id, subject)) ?? (await ownerByEmail(db, email));
  if (!owner) {
    const created = await createPerson(db, actor, { email, name: text(claims.name) || email, ...mapping });
    return created
      ? { admitted: true, userId: created, created: true }
      : admitSsoPerson(db, provider, claims);
  }
  if (owner.role === 'operator' || owner.municipalityId !== mapping.municipalityId)
    return refuse('other_municipality');
  if (owner.deactivatedAt) return refuse('deactivated');
  await db.transaction(async (tx) => {
    // better-auth links a provider to an account only when the account's own e-mail is verified;
    // this municipality's directory has just verified it.
    if (!owner.emailVerified && owner.email.toLowerCase() === email)
      await tx.update(users).set({ emailVerified: true }).where(eq(users.id, owner.id));
    if (owner.role === mapping.role) return;
    await tx.update(users).set({ role: mapping.role }).where(eq(users.id, owner.id));
    await recordAudit(tx, actor, {
      action: 'user.sso.role',
      objectType: 'user',
      objectId: owner.id,
      municipalityId: owner.municipalityId,
      before: { role: owner.role },
      after: { role: mapping.role },
    });
  });
  return { admitted: true, userId: owner.id, created: false };
}

const ownerColumns = {
  id: users.id,
  email: users.email,
  emailVerified: users.emailVerified,
  role: users.role,
  municipalityId: users.municipalityId,
  deactivatedAt: users.deactivatedAt,
};

async function linkedOwner(db: Db, providerId: string, subject: string) {
  const [row] = await db
    .select(ownerColumns)
    .from(accounts)
    .innerJoin(users, eq(users.id, accounts.userId))
    .where(and(eq(accounts.providerId, providerId), eq(accounts.accountId, subject)));
  return row;
}

async function ownerByEmail(db: Db, email: string) {
  const [row] = await db.select(ownerColumns).from(users).where(sql`lower(${users.email}) = ${email}`);
  return row;
}

/** The new person's id; null when a parallel sign-in of the same person made them first. */
async function createPerson(
  db: Db,
  actor: Actor,
  person: { email: string; name: string; role: 'staff' | 'fleet_manager'; municipalityId: string },
): Promise<string | null> {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({ ...person, emailVerified: true })
        .returning();
      if (!row) throw new Error('user insert returned no row');
      await recordAudit(tx, actor, {
        action: 'user.sso.create',
        objectType: 'user',
        objectId: row.id,
        municipalityId: row.municipalityId,
        after: { name: row.name, email: row.email, role: row.role, municipalityId: row.municipalityId },
      });
      return row.id;
    });
  } catch (error) {
    if (sqlState(error) === '23505') return null;
    throw error;
  }
}
