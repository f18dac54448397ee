/** The English twins of ./sso.ts; imported into en.ts only. */
import type { ssoDe } from './sso';

export const ssoEn: typeof ssoDe = {
  nav: 'Sign-in services',
  title: 'Single sign-on',
  intro:
    "The municipalities' identity services (OpenID Connect) and the rules that decide who signs in with which role for which municipality. Whom no rule covers is refused. Passwords keep working.",
  newTitle: 'New sign-in service',
  editTitle: (name: string) => `Edit sign-in service “${name}”`,
  municipality: 'Municipality',
  name: 'Name',
  nameHint: 'Shown on the sign-in page as “Sign in with …”.',
  issuer: 'Issuer',
  issuerHint:
    "The provider's address, e.g. https://login.brandis.de/realms/rathaus. Saving reads its OpenID Connect configuration.",
  clientId: 'Client ID',
  clientSecret: 'Client secret',
  secretNew: 'Not shown again after saving.',
  secretSet: 'A secret is stored. Leave empty to keep it.',
  scopes: 'Scopes',
  scopesHint: 'Separated by spaces; openid is always requested.',
  enabled: 'Offer on the sign-in page',
  redirect: 'Redirect address (enter it at the provider)',
  redirectAfterSave: 'Shown after the first save.',
  rules: 'Mapping rules',
  rulesHint:
    'The first matching rule of each kind decides. One rule must give a role and one a municipality. A list claim (e.g. groups) matches when one entry does; case does not count.',
  rule: (n: number) => `Rule ${n}`,
  claim: 'Claim',
  claimHint: 'e.g. groups, email, municipality',
  test: 'Comparison',
  tests: { equals: 'equals', contains: 'contains', ends_with: 'ends with' },
  value: 'Value',
  target: 'Gives',
  roleTarget: { staff: 'Role: staff', fleet_manager: 'Role: fleet manager' },
  municipalityTarget: (name: string) => `Municipality: ${name}`,
  addRule: 'Add rule',
  removeRule: (n: number) => `Remove rule ${n}`,
  noRules: 'No rule yet: every sign-in would be refused.',
  created: (name: string) => `Sign-in service “${name}” added.`,
  saved: (name: string) => `Sign-in service “${name}” saved.`,
  listTitle: 'Sign-in services set up',
  none: 'No sign-in service set up yet.',
  active: 'offered',
  inactive: 'switched off',
  enable: 'Offer',
  disable: 'Switch off',
  enabledNotice: (name: string) => `“${name}” is offered on the sign-in page.`,
  disabledNotice: (name: string) => `“${name}” is switched off.`,
  ruleCount: (n: number) => (n === 1 ? '1 rule' : `${n} rules`),
  signIn: {
    groupLabel: 'Sign in through your municipality',
    with: (name: string) => `Sign in with ${name}`,
    orPassword: 'Or with e-mail address and password:',
    refusals: {
      not_mapped:
        'Your account is not enabled for ParthelandMobil. Please contact the fleet management of your municipality.',
      email_unverified:
        'Your sign-in service did not send a verified e-mail address. Please contact the IT of your municipality.',
      other_municipality:
        'There is an account for your e-mail address that cannot sign in through this service. Please sign in with your password or contact the fleet management.',
      deactivated: 'Your account is deactivated. Please contact the fleet management of your municipality.',
    } as Record<string, string>,
    failed: 'Signing in through the sign-in service failed. Please try again.',
    unavailable: 'This sign-in service is not available right now. Please try again later.',
  },
};
