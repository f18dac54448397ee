/**
 * Which role and municipality a person gets from their identity provider's claims: pure, so the
 * rules are tested without a provider (mapping.test.ts) and used alike at sign-in and on the page.
 */

export type ClaimTest = 'equals' | 'contains' | 'ends_with';
export type MappedRole = 'staff' | 'fleet_manager';

export interface MappingRule {
  claim: string;
  test: ClaimTest;
  value: string;
  role: MappedRole | null;
  municipalityId: string | null;
}

export interface Mapping {
  role: MappedRole;
  municipalityId: string;
}

/**
 * The values a claim holds, as text: a list claim (`groups`) holds its entries, a single value
 * itself; objects and missing claims hold nothing. A dotted name reads a nested claim
 * (`realm_access.roles`, as Keycloak writes it).
 */
export function claimValues(claims: Record<string, unknown>, name: string): string[] {
  let value: unknown = claims;
  for (const part of name.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
    value = (value as Record<string, unknown>)[part];
  }
  const items = Array.isArray(value) ? value : [value];
  return items.filter((item) => ['string', 'number', 'boolean'].includes(typeof item)).map(String);
}

/**
 * Case-insensitive, as people and directories write names and addresses differently:
 * `equals` the whole value, `contains` a part of it, `ends_with` its end (an e-mail domain).
 */
function passes(rule: MappingRule, value: string): boolean {
  const have = value.toLowerCase();
  const want = rule.value.toLowerCase();
  if (rule.test === 'equals') return have === want;
  if (rule.test === 'contains') return have.includes(want);
  return have.endsWith(want);
}

export function ruleMatches(rule: MappingRule, claims: Record<string, unknown>): boolean {
  return claimValues(claims, rule.claim).some((value) => passes(rule, value));
}

/**
 * The first matching rule of each kind decides, in the order the page lists them (so a
 * `fuhrpark` group written above the e-mail domain rule makes a fleet manager, not staff).
 * Null when no rule gives a role or none gives a municipality: that person is refused.
 */
export function mapClaims(rules: readonly MappingRule[], claims: Record<string, unknown>): Mapping | null {
  const matching = rules.filter((rule) => ruleMatches(rule, claims));
  const role = matching.find((rule) => rule.role !== null)?.role;
  const municipalityId = matching.find((rule) => rule.municipalityId !== null)?.municipalityId;
  return role && municipalityId ? { role, municipalityId } : null;
}

/** Plain HTTP only for a provider on this machine (the tests' own); everything else over https. */
export function issuerProblem(issuer: string): 'format' | 'https' | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return 'format';
  }
  if (url.search || url.hash || url.username || url.password) return 'format';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return null;
  return url.protocol === 'http:' ? 'https' : 'format';
}

/** Where OpenID Connect Discovery 1.0 keeps the provider's configuration, below its issuer. */
export function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
}

/** The scopes as OAuth sends them, `openid` first and always present, each once. */
export function normalScopes(scopes: string): string {
  const list = scopes.split(/\s+/).filter(Boolean);
  return ['openid', ...list.filter((scope) => scope !== 'openid')]
    .filter((s, i, all) => all.indexOf(s) === i)
    .join(' ');
}
