import { describe, expect, it } from 'vitest';
import {
  claimValues,
  discoveryUrl,
  issuerProblem,
  type MappingRule,
  mapClaims,
  normalScopes,
} from './mapping';

const BRANDIS = '00000000-0000-4000-8000-000000000001';
const NAUNHOF = '00000000-0000-4000-8000-000000000002';
const rule = (r: Partial<MappingRule> & Pick<MappingRule, 'claim' | 'test' | 'value'>): MappingRule => ({
  role: null,
  municipalityId: null,
  ...r,
});

const rules: MappingRule[] = [
  rule({ claim: 'groups', test: 'contains', value: 'fuhrpark', role: 'fleet_manager' }),
  rule({ claim: 'email', test: 'ends_with', value: '@brandis.example', role: 'staff' }),
  rule({ claim: 'email', test: 'ends_with', value: '@brandis.example', municipalityId: BRANDIS }),
  rule({ claim: 'municipality', test: 'equals', value: 'Naunhof', municipalityId: NAUNHOF }),
];

describe('mapClaims', () => {
  it('gives the first matching role and municipality', () => {
    expect(
      mapClaims(rules, { email: 'Anna@Brandis.example', groups: ['Verwaltung', 'Fuhrpark-Brandis'] }),
    ).toEqual({
      role: 'fleet_manager',
      municipalityId: BRANDIS,
    });
    expect(mapClaims(rules, { email: 'anna@brandis.example', groups: [] })).toEqual({
      role: 'staff',
      municipalityId: BRANDIS,
    });
  });

  it('refuses whom no rule gives a role or a municipality', () => {
    expect(mapClaims(rules, { email: 'eve@example.org' })).toBeNull();
    // A role but no municipality: still refused.
    expect(mapClaims(rules, { email: 'eve@example.org', groups: ['fuhrpark'] })).toBeNull();
    // A municipality but no role: refused.
    expect(mapClaims(rules, { email: 'eve@example.org', municipality: 'naunhof' })).toBeNull();
    expect(mapClaims([], { email: 'anna@brandis.example' })).toBeNull();
  });

  it('does not let a look-alike domain pass an ends-with rule written with its @', () => {
    expect(mapClaims(rules, { email: 'eve@evilbrandis.example' })).toBeNull();
  });
});

describe('claimValues', () => {
  it('reads lists, single values and dotted names; ignores objects', () => {
    expect(claimValues({ groups: ['a', 1, { x: 1 }] }, 'groups')).toEqual(['a', '1']);
    expect(claimValues({ realm_access: { roles: ['fuhrpark'] } }, 'realm_access.roles')).toEqual([
      'fuhrpark',
    ]);
    expect(claimValues({ email: 'a@b' }, 'email.x')).toEqual([]);
    expect(claimValues({}, 'groups')).toEqual([]);
  });
});

describe('issuerProblem', () => {
  it('wants https, but takes plain http on this machine', () => {
    expect(issuerProblem('https://login.brandis.example/realms/rathaus')).toBeNull();
    expect(issuerProblem('http://localhost:4000')).toBeNull();
    expect(issuerProblem('http://127.0.0.1:4000/oidc')).toBeNull();
    expect(issuerProblem('http://login.brandis.example')).toBe('https');
    expect(issuerProblem('ftp://login.brandis.example')).toBe('format');
    expect(issuerProblem('login.brandis.example')).toBe('format');
    expect(issuerProblem('https://login.brandis.example/?x=1')).toBe('format');
  });

  it('finds the discovery document below the issuer', () => {
    expect(discoveryUrl('https://idp.example/realms/a/')).toBe(
      'https://idp.example/realms/a/.well-known/openid-configuration',
    );
  });
});

describe('normalScopes', () => {
  it('puts openid first and keeps each scope once', () => {
    expect(normalScopes('email  profile openid email groups')).toBe('openid email profile groups');
    expect(normalScopes('')).toBe('openid');
  });
});
