import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { municipalities, ssoMappingRules, ssoProviders } from '@/db/schema';
import type { Actor } from '../audit/record';
import { recordAudit } from '../audit/record';
import { AUTH_BASE_PATH } from '../auth/sign-in-guard';
import { AppError, type FieldErrors, invalidInput, sqlState } from '../errors';
import { logger } from '../logger';
import { ssoFieldTexts } from '../messages/fields-sso';
import { checkDiscovery } from './discovery';
import { issuerProblem, type MappingRule, normalScopes } from './mapping';
import type { SsoProviderInput } from './schema';
import { openSecret, sealingKey, sealSecret } from './sealed-secret';

type ProviderRow = typeof ssoProviders.$inferSelect;

/** A provider as the page and the audit log see it: whether a secret is set, never the secret. */
function withoutSecret({ clientSecret, ...row }: ProviderRow) {
  return { ...row, clientSecretSet: clientSecret.length > 0 };
}

async function rulesOf(db: Db, providerIds: string[]) {
  if (providerIds.length === 0) return [];
  return db
    .select()
    .from(ssoMappingRules)
    .where(inArray(ssoMappingRules.providerId, providerIds))
    .orderBy(asc(ssoMappingRules.providerId), asc(ssoMappingRules.position));
}

/** Every provider with its rules, for the operator's page; with the callback address to register at the provider. */
export async function listProviders(db: Db, appUrl: string) {
  const rows = await db
    .select({ provider: ssoProviders, municipalityName: municipalities.name })
    .from(ssoProviders)
    .innerJoin(municipalities, eq(municipalities.id, ssoProviders.municipalityId))
    .orderBy(asc(municipalities.name), asc(ssoProviders.name));
  const rules = await rulesOf(
    db,
    rows.map((row) => row.provider.id),
  );
  return rows.map(({ provider, municipalityName }) => ({
    ...withoutSecret(provider),
    municipalityName,
    callbackUrl: `${appUrl.replace(/\/+$/, '')}${AUTH_BASE_PATH}/callback/${provider.id}`,
    rules: rules.filter((rule) => rule.providerId === provider.id).map(ruleOf),
  }));
}

const ruleOf = (rule: typeof ssoMappingRules.$inferSelect): MappingRule => ({
  claim: rule.claim,
  test: rule.test,
  value: rule.value,
  // The table's CHECK keeps the operator's role out of rules.
  role: rule.role === 'operator' ? null : rule.role,
  municipalityId: rule.municipalityId,
});

/** The buttons of the sign-in page: enabled providers, by municipality. Nothing secret, nothing of the rules. */
export function signInOptions(db: Db) {
  return db
    .select({ id: ssoProviders.id, name: ssoProviders.name, municipalityName: municipalities.name })
    .from(ssoProviders)
    .innerJoin(municipalities, eq(municipalities.id, ssoProviders.municipalityId))
    .where(eq(ssoProviders.enabled, true))
    .orderBy(asc(municipalities.name), asc(ssoProviders.name));
}

/** An enabled provider with its secret and rules, for a sign-in through it (server/sso/plugin.ts). */
export async function providerForSignIn(db: Db, id: string) {
  const [provider] = await db.select().from(ssoProviders).where(eq(ssoProviders.id, id));
  if (!provider?.enabled) return null;
  const clientSecret = openSecret(provider.clientSecret, await sealingKey());
  if (clientSecret === null) {
    // Sealed under an AUTH_SECRET this instance does not hold: the operator enters the secret anew.
    logger.error({ event: 'sso_secret_unreadable', providerId: provider.id }, 'sso client secret unreadable');
    return null;
  }
  return { ...provider, clientSecret, rules: (await rulesOf(db, [provider.id])).map(ruleOf) };
}

async function existingMunicipalities(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: municipalities.id })
    .from(municipalities)
    .where(inArray(municipalities.id, ids));
  return new Set(rows.map((row) => row.id));
}

/** Every field's problem at once; the discovery is asked only once the issuer looks right. */
async function problemsOf(
  db: Db,
  input: SsoProviderInput,
  before: ProviderRow | undefined,
): Promise<FieldErrors> {
  const t = ssoFieldTexts();
  const problems: FieldErrors = {};
  const known = await existingMunicipalities(db, [
    input.municipalityId,
    ...input.rules.flatMap((rule) => (rule.municipalityId ? [rule.municipalityId] : [])),
  ]);
  if (!known.has(input.municipalityId)) problems.municipalityId = [t.municipalityNotFound];
  const issuer = issuerProblem(input.issuer);
  if (issuer) problems.issuer = [issuer === 'https' ? t.issuerHttps : t.issuerFormat];
  else {
    const discovery = await checkDiscovery(input.issuer);
    if (!discovery.ok)
      problems.issuer = [
        discovery.problem === 'issuer'
          ? t.issuerMismatch(discovery.reported)
          : t.discoveryFailed(discovery.url),
      ];
  }
  if (!before && input.clientSecret === '') problems.clientSecret = [t.secretRequired];
  input.rules.forEach((rule, index) => {
    if (rule.claim.trim() === '') problems[`rules.${index}.claim`] = [t.ruleRequired];
    if (rule.value.trim() === '') problems[`rules.${index}.value`] = [t.ruleRequired];
    if ((rule.role === null) === (rule.municipalityId === null))
      problems[`rules.${index}.target`] = [t.ruleTarget];
    else if (rule.municipalityId && !known.has(rule.municipalityId))
      problems[`rules.${index}.target`] = [t.ruleMunicipalityNotFound];
  });
  const gives = (kind: 'role' | 'municipalityId') => input.rules.some((rule) => rule[kind] !== null);
  if (input.enabled && !(gives('role') && gives('municipalityId'))) problems.rules = [t.rulesIncomplete];
  return problems;
}

/** Creates a provider or changes one, with its rules replaced by the page's list; audited without the secret. */
export async function saveProvider(db: Db, actor: Actor, input: SsoProviderInput) {
  const [before] = input.id ? await db.select().from(ssoProviders).where(eq(ssoProviders.id, input.id)) : [];
  if (input.id && !before) throw new AppError('SSO_PROVIDER_NOT_FOUND');
  const problems = await problemsOf(db, input, before);
  if (Object.keys(problems).length > 0) throw invalidInput(problems);
  const values = {
    municipalityId: input.municipalityId,
    name: input.name,
    issuer: input.issuer,
    clientId: input.clientId,
    // A change that leaves the field empty keeps the secret as it is sealed.
    clientSecret: input.clientSecret
      ? sealSecret(input.clientSecret, await sealingKey())
      : (before?.clientSecret ?? ''),
    scopes: normalScopes(input.scopes || 'openid email profile'),
    enabled: input.enabled,
  };
  const beforeRules = before ? (await rulesOf(db, [before.id])).map(ruleOf) : [];
  try {
    return await db.transaction(async (tx) => {
      const [row] = before
        ? await tx.update(ssoProviders).set(values).where(eq(ssoProviders.id, before.id)).returning()
        : await tx.insert(ssoProviders).values(values).returning();
      if (!row) throw new AppError('SSO_PROVIDER_NOT_FOUND');
      await tx.delete(ssoMappingRules).where(eq(ssoMappingRules.providerId, row.id));
      if (input.rules.length > 0)
        await tx.insert(ssoMappingRules).values(
          input.rules.map((rule, position) => ({
            ...rule,
            claim: rule.claim.trim(),
            value: rule.value.trim(),
            providerId: row.id,
            position,
          })),
        );
      await recordAudit(tx, actor, {
        action: before ? 'sso.provider.update' : 'sso.provider.create',
        objectType: 'sso_provider',
        objectId: row.id,
        municipalityId: row.municipalityId,
        before: before ? { ...withoutSecret(before), rules: beforeRules } : null,
        after: {
          ...withoutSecret(row),
          secretChanged: before !== undefined && input.clientSecret !== '',
          rules: input.rules,
        },
      });
      return withoutSecret(row);
    });
  } catch (error) {
    if (sqlState(error) === '23505') throw invalidInput({ name: [ssoFieldTexts().nameTaken] });
    throw error;
  }
}

/** Switches a provider on or off without touching its settings; off, its button and sign-ins end at once. */
export async function setProviderEnabled(db: Db, actor: Actor, input: { id: string; enabled: boolean }) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(ssoProviders).where(eq(ssoProviders.id, input.id));
    if (!before) throw new AppError('SSO_PROVIDER_NOT_FOUND');
    const [row] = await tx
      .update(ssoProviders)
      .set({ enabled: input.enabled })
      .where(eq(ssoProviders.id, before.id))
      .returning();
    if (!row) throw new AppError('SSO_PROVIDER_NOT_FOUND');
    await recordAudit(tx, actor, {
      action: input.enabled ? 'sso.provider.enable' : 'sso.provider.disable',
      objectType: 'sso_provider',
      objectId: row.id,
      municipalityId: row.municipalityId,
      before: { enabled: before.enabled },
      after: { enabled: row.enabled },
    });
    return withoutSecret(row);
  });
}
