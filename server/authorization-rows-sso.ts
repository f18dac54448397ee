/** The authorization matrix's rows of single sign-on (server/sso; one table: authorization-rows.ts). */
import { randomUUID } from 'node:crypto';
import { ssoProviders } from '@/db/schema';
import type { World } from './authorization-fixtures';
import { everyone, none, noSession, noStaff, type Row } from './authorization-presets';

/** The operator alone sets up sign-in services: a provider's rules hand out roles. */
const operatorOnly = (operator: Row['expect']['operator']) =>
  ({
    ...noSession,
    ...noStaff,
    fleetOwn: 'FORBIDDEN_ROLE',
    fleetOther: 'FORBIDDEN_ROLE',
    operator,
  }) as const;

async function freshProvider(w: World) {
  const [row] = await w.db
    .insert(ssoProviders)
    .values({
      municipalityId: w.municipalityId,
      name: `Rathaus ${randomUUID().slice(0, 8)}`,
      issuer: 'https://login.example',
      clientId: 'pm',
      clientSecret: 'geheim',
    })
    .returning();
  if (!row) throw new Error('no provider');
  return row;
}

export const ssoRows: Record<string, Row> = {
  // The buttons of the sign-in page: before sign-in, names only.
  'sso.signInOptions': { input: none, expect: everyone },
  'sso.providers': { input: none, expect: operatorOnly('ok') },
  // The operator gets past access to the issuer check (plain http elsewhere than localhost): no
  // provider on the network is asked.
  'sso.save': {
    input: (w) => ({
      municipalityId: w.municipalityId,
      name: `Rathaus ${randomUUID().slice(0, 8)}`,
      issuer: 'http://login.example',
      clientId: 'pm',
      clientSecret: 'geheim',
      scopes: 'openid email',
      enabled: false,
      rules: [],
    }),
    expect: operatorOnly('INVALID_INPUT'),
  },
  'sso.setEnabled': {
    input: async (w) => ({ id: (await freshProvider(w)).id, enabled: false }),
    expect: operatorOnly('ok'),
  },
};
