import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, auditLog, ssoMappingRules, ssoProviders, users } from '@/db/schema';
import { AUTH_CONFIG, PASSWORD, personWithPassword, post, signInTestKit } from '../auth/sign-in-test-kit';
import { makeMunicipality, makeUser } from '../test-support';
import { type OidcTestProvider, startOidcTestProvider } from './oidc-test-provider';
import { saveProvider, setProviderEnabled, signInOptions } from './providers';
import type { SsoProviderInput } from './schema';
import { openSecret, sealingKey, sealSecret } from './sealed-secret';
import { signInThroughProvider } from './sso-test-flow';

const { database, auth, signIn } = signInTestKit();
const APP = AUTH_CONFIG.baseURL;
let idp: OidcTestProvider;

beforeAll(async () => {
  idp = await startOidcTestProvider({
    clientId: 'parthelandmobil',
    clientSecret: 'client-secret-of-the-test',
    callbackPrefix: `${APP}/api/auth/callback/`,
  });
});
afterAll(() => idp?.close());

const operator = { id: null, name: 'Test-Betreiber' };

/** A municipality with its provider: `fuhrpark` group → fleet manager, its mail domain → staff and it. */
async function municipalityWithProvider(overrides: Partial<SsoProviderInput> = {}) {
  const db = database.db;
  const municipality = await makeMunicipality(db);
  const domain = `@${municipality.slug}.example`;
  const provider = await saveProvider(db, operator, {
    municipalityId: municipality.id,
    name: `Rathaus ${municipality.slug}`,
    issuer: idp.issuer,
    clientId: 'parthelandmobil',
    clientSecret: 'client-secret-of-the-test',
    scopes: 'openid email profile groups',
    enabled: true,
    rules: [
      { claim: 'groups', test: 'contains', value: 'fuhrpark', role: 'fleet_manager', municipalityId: null },
      { claim: 'email', test: 'ends_with', value: domain, role: 'staff', municipalityId: null },
      { claim: 'email', test: 'ends_with', value: domain, role: null, municipalityId: municipality.id },
    ],
    ...overrides,
  });
  const person = (local: string) => `${local}-${randomUUID().slice(0, 6)}${domain}`;
  return { municipality, provider, person };
}

const userByEmail = async (email: string) =>
  (await database.db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`))[0];

const sessionOf = async (cookie: string) => {
  const response = await auth().handler(new Request(`${APP}/api/auth/get-session`, { headers: { cookie } }));
  return (await response.json()) as { user: { id: string; email: string } } | null;
};

describe('single sign-on against a real OpenID Connect provider', () => {
  it('signs a mapped person in with the role and municipality their claims map to, making their account once', async () => {
    const { municipality, provider, person } = await municipalityWithProvider();
    const email = person('lena.fuhrpark');
    idp.addIdentity({ email, name: 'Lena Fuhrpark', groups: ['verwaltung', 'fuhrpark'] });

    const { response, jar } = await signInThroughProvider(auth().handler, APP, provider.id, email);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/');
    const session = await sessionOf(jar.header(APP));
    const user = await userByEmail(email);
    expect(user).toMatchObject({
      role: 'fleet_manager',
      municipalityId: municipality.id,
      name: 'Lena Fuhrpark',
    });
    expect(session?.user.id).toBe(user?.id);
    const created = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.objectId, user?.id ?? ''));
    expect(created.map((entry) => entry.action)).toEqual(['user.sso.create']);

    // The second sign-in finds the linked account: the same person, no second one.
    const again = await signInThroughProvider(auth().handler, APP, provider.id, email);
    expect(again.response.headers.get('location')).toBe('/');
    expect((await sessionOf(again.jar.header(APP)))?.user.id).toBe(user?.id);
    const linked = await database.db
      .select()
      .from(accounts)
      .where(eq(accounts.userId, user?.id ?? ''));
    expect(linked.map((account) => account.providerId)).toEqual([provider.id]);
  });

  it('refuses a person no rule maps, makes no account, and says why on the sign-in page', async () => {
    const { provider } = await municipalityWithProvider();
    const email = `eve-${randomUUID().slice(0, 6)}@elsewhere.example`;
    idp.addIdentity({ email, groups: ['fuhrpark'] });

    const { response, jar } = await signInThroughProvider(auth().handler, APP, provider.id, email);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/anmelden?sso=not_mapped');
    expect(await userByEmail(email)).toBeUndefined();
    expect(await sessionOf(jar.header(APP))).toBeNull();
  });

  it('links a person who has a password to their SSO sign-in, and the mapping sets their role (audited)', async () => {
    const { municipality, provider, person } = await municipalityWithProvider();
    const email = person('paul.passwort');
    const existing = await makeUser(database.db, municipality, 'fleet_manager');
    await database.db.update(users).set({ email, emailVerified: true }).where(eq(users.id, existing.id));
    idp.addIdentity({ email, groups: [] });

    const { response, jar } = await signInThroughProvider(auth().handler, APP, provider.id, email);
    expect(response.headers.get('location')).toBe('/');
    expect((await sessionOf(jar.header(APP)))?.user.id).toBe(existing.id);
    expect((await userByEmail(email))?.role).toBe('staff');
    const entries = await database.db.select().from(auditLog).where(eq(auditLog.objectId, existing.id));
    expect(entries.map((e) => [e.action, e.before, e.after])).toEqual([
      ['user.sso.role', { role: 'fleet_manager' }, { role: 'staff' }],
    ]);
    expect(await database.db.select().from(users).where(sql`lower(${users.email}) = ${email}`)).toHaveLength(
      1,
    );
  });

  it('refuses a deactivated person, gives no session and changes nothing of their account', async () => {
    const { municipality, provider, person } = await municipalityWithProvider();
    const email = person('dora.deaktiviert');
    const existing = await makeUser(database.db, municipality, 'fleet_manager');
    await database.db
      .update(users)
      .set({ email, emailVerified: true, deactivatedAt: new Date() })
      .where(eq(users.id, existing.id));
    idp.addIdentity({ email, groups: [] });

    const { response, jar } = await signInThroughProvider(auth().handler, APP, provider.id, email);
    expect(response.headers.get('location')).toBe('/anmelden?sso=deactivated');
    expect(await sessionOf(jar.header(APP))).toBeNull();
    expect((await userByEmail(email))?.role).toBe('fleet_manager');
    expect(await database.db.select().from(auditLog).where(eq(auditLog.objectId, existing.id))).toEqual([]);
    expect(await database.db.select().from(accounts).where(eq(accounts.userId, existing.id))).toEqual([]);
  });

  it('keeps the password working beside SSO', async () => {
    const { person, municipality } = await personWithPassword(database.db);
    const response = await signIn(person.email, PASSWORD, { 'x-pm-client-address': '192.0.2.77' });
    expect(response.status).toBe(200);
    expect(municipality.id).toBe(person.municipalityId);
  });

  it("refuses to take over an account of another municipality or the operator's", async () => {
    const { provider, person } = await municipalityWithProvider();
    const email = person('fremd');
    const other = await makeMunicipality(database.db);
    const stranger = await makeUser(database.db, other, 'staff');
    await database.db.update(users).set({ email, emailVerified: true }).where(eq(users.id, stranger.id));
    idp.addIdentity({ email });
    const { response } = await signInThroughProvider(auth().handler, APP, provider.id, email);
    expect(response.headers.get('location')).toBe('/anmelden?sso=other_municipality');
    expect(await database.db.select().from(accounts).where(eq(accounts.userId, stranger.id))).toHaveLength(0);
  });

  it('refuses an e-mail the provider has not verified', async () => {
    const { provider, person } = await municipalityWithProvider();
    const email = person('unbestaetigt');
    idp.addIdentity({ email, emailVerified: false });
    const { response } = await signInThroughProvider(auth().handler, APP, provider.id, email);
    expect(response.headers.get('location')).toBe('/anmelden?sso=email_unverified');
    expect(await userByEmail(email)).toBeUndefined();
  });

  it('refuses a callback whose state is not the one it issued, without a 500', async () => {
    const { provider, person } = await municipalityWithProvider();
    const email = person('manipuliert');
    idp.addIdentity({ email });
    // A genuine start, then a callback with a made-up state (and code): sent back to the page.
    const started = await post(auth(), '/sign-in/social', { provider: provider.id, callbackURL: '/' });
    expect(started.status).toBe(200);
    const cookie = started.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .join('; ');
    const forged = await auth().handler(
      new Request(
        `${APP}/api/auth/callback/${provider.id}?code=abc&state=${randomUUID()}&iss=${idp.issuer}`,
        {
          headers: { cookie },
        },
      ),
    );
    expect(forged.status).toBe(302);
    expect(forged.headers.get('location')).toMatch(/^\/anmelden\?error=/);
    // No state at all, and an id that is no provider: the same.
    const none = await auth().handler(new Request(`${APP}/api/auth/callback/${randomUUID()}?code=abc`));
    expect(none.status).toBe(302);
    expect(none.headers.get('location')).toMatch(/^\/anmelden\?error=/);
    expect(await userByEmail(email)).toBeUndefined();
  });

  it('opens only the start and the callbacks of rows, and the start only for an enabled provider', async () => {
    const { provider } = await municipalityWithProvider();
    const idToken = await post(auth(), '/sign-in/social', {
      provider: provider.id,
      idToken: { token: 'x.y.z' },
    });
    expect(idToken.status).toBe(404);
    const scopes = await post(auth(), '/sign-in/social', {
      provider: provider.id,
      scopes: ['offline_access'],
    });
    expect(scopes.status).toBe(404);
    expect((await post(auth(), '/sign-in/social', { provider: 'github' })).status).toBe(404);
    const foreign = await post(
      auth(),
      '/sign-in/social',
      { provider: provider.id, callbackURL: '/' },
      {
        origin: 'https://evil.example',
      },
    );
    expect(foreign.status).toBe(403);
    const notARow = await auth().handler(new Request(`${APP}/api/auth/callback/github?code=x&state=y`));
    expect(notARow.status).toBe(404);
    expect((await post(auth(), '/link-social', { provider: provider.id })).status).toBe(404);

    await setProviderEnabled(database.db, operator, { id: provider.id, enabled: false });
    expect((await post(auth(), '/sign-in/social', { provider: provider.id, callbackURL: '/' })).status).toBe(
      404,
    );
    expect((await signInOptions(database.db)).map((option) => option.id)).not.toContain(provider.id);
  });
});

describe('a secret sealed under another AUTH_SECRET', () => {
  it('makes its provider unavailable to sign in through, not a 500', async () => {
    const { provider } = await municipalityWithProvider();
    const start = () => post(auth(), '/sign-in/social', { provider: provider.id, callbackURL: '/' });
    expect((await start()).status).toBe(200);
    await database.db
      .update(ssoProviders)
      .set({ clientSecret: sealSecret('geheim', randomBytes(32)), updatedAt: new Date() })
      .where(eq(ssoProviders.id, provider.id));
    expect((await start()).status).toBe(404);
  });
});

describe('setting up a provider', () => {
  it('checks the issuer and its discovery at the issuer field, and writes nothing on a problem', async () => {
    const municipality = await makeMunicipality(database.db);
    const input: SsoProviderInput = {
      municipalityId: municipality.id,
      name: 'Rathaus',
      issuer: 'http://login.example',
      clientId: 'pm',
      clientSecret: 'geheim',
      scopes: 'openid email',
      enabled: true,
      rules: [
        { claim: 'email', test: 'ends_with', value: '@x.example', role: 'staff', municipalityId: null },
      ],
    };
    await expect(saveProvider(database.db, operator, input)).rejects.toMatchObject({
      fieldErrors: {
        issuer: ['Der Anbieter muss über https erreichbar sein (http nur für localhost).'],
        rules: ['Ohne eine Regel für die Rolle und eine für die Kommune wird jede Anmeldung abgewiesen.'],
      },
    });
    await expect(
      saveProvider(database.db, operator, { ...input, issuer: 'http://127.0.0.1:9/idp' }),
    ).rejects.toMatchObject({
      fieldErrors: {
        issuer: [
          'Unter http://127.0.0.1:9/idp/.well-known/openid-configuration ist keine OpenID-Connect-Konfiguration abrufbar. Bitte die Adresse prüfen.',
        ],
      },
    });
    await expect(
      saveProvider(database.db, operator, { ...input, issuer: `${idp.issuer}/` }),
    ).rejects.toMatchObject({
      fieldErrors: {
        issuer: [`Der Anbieter nennt sich selbst „${idp.issuer}“. Bitte genau diese Adresse eintragen.`],
      },
    });
    expect(
      await database.db.select().from(ssoProviders).where(eq(ssoProviders.municipalityId, municipality.id)),
    ).toEqual([]);
  });

  it('keeps the secret when a change leaves it empty, never shows it, and audits without it', async () => {
    const { provider, municipality } = await municipalityWithProvider();
    expect(provider).not.toHaveProperty('clientSecret');
    expect(provider.clientSecretSet).toBe(true);
    const changed = await saveProvider(database.db, operator, {
      id: provider.id,
      municipalityId: municipality.id,
      name: provider.name,
      issuer: idp.issuer,
      clientId: 'parthelandmobil',
      clientSecret: '',
      scopes: 'email openid',
      enabled: true,
      rules: [
        { claim: 'email', test: 'ends_with', value: '@x.example', role: 'staff', municipalityId: null },
        {
          claim: 'email',
          test: 'ends_with',
          value: '@x.example',
          role: null,
          municipalityId: municipality.id,
        },
      ],
    });
    expect(changed.scopes).toBe('openid email');
    const [row] = await database.db.select().from(ssoProviders).where(eq(ssoProviders.id, provider.id));
    // Kept sealed: the database alone does not give the directory's credential away.
    expect(row?.clientSecret).toMatch(/^v1\./);
    expect(row?.clientSecret).not.toContain('client-secret-of-the-test');
    expect(openSecret(row?.clientSecret ?? '', await sealingKey())).toBe('client-secret-of-the-test');
    expect(
      await database.db
        .select()
        .from(ssoMappingRules)
        .where(and(eq(ssoMappingRules.providerId, provider.id))),
    ).toHaveLength(2);
    const entries = await database.db.select().from(auditLog).where(eq(auditLog.objectId, provider.id));
    expect(entries.map((entry) => entry.action)).toEqual(['sso.provider.create', 'sso.provider.update']);
    expect(JSON.stringify(entries)).not.toContain('client-secret-of-the-test');
  });
});
