import type { Browser, Page } from '@playwright/test';
import superjson from 'superjson';
import { type OidcTestProvider, startOidcTestProvider } from '../server/sso/oidc-test-provider';
import { expectAccessible } from './accessibility';
import { createWorld, personOf, removeWorld, type World } from './factories';
import { expect, test as shared, signInThroughApi } from './fixtures';

/**
 * Single sign-on through a real OpenID Connect provider (oidc-provider on 127.0.0.1, started here):
 * the operator sets up the world's provider and its rules on /fuhrpark/anmeldung, then strangers
 * sign in through the provider's own login and consent pages. A world of its own: the spec makes
 * people and a provider the shared world must not see.
 */
const test = shared.extend<{ ownWorld: World; idp: OidcTestProvider }>({
  ownWorld: async ({ request }, use) => {
    const world = await createWorld(request, { people: ['operator'] });
    await use(world);
    await removeWorld(request, world);
  },
  idp: async ({ baseURL }, use) => {
    const idp = await startOidcTestProvider({
      clientId: 'parthelandmobil-e2e',
      clientSecret: 'e2e-client-secret',
      callbackPrefix: `${baseURL}/api/auth/callback/`,
    });
    await use(idp);
    await idp.close();
  },
});

// Three browsers through the provider's pages, axe on each state: on a phone and a busy machine, more than 2 minutes.
test.describe.configure({ timeout: 240_000 });

async function query<T>(page: Page, path: string, input?: unknown): Promise<T> {
  const search =
    input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
  const response = await page.request.get(`/api/trpc/${path}${search}`);
  expect(response.ok(), await response.text()).toBe(true);
  return superjson.deserialize<T>((await response.json()).result.data);
}

type Me = { role: string; municipalityId: string | null; email: string } | null;

/** A stranger's browser on the sign-in page, through the provider's login and consent, back to the app. */
async function signInThroughProvider(browser: Browser, buttonName: string, login: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/anmelden');
  await page.getByRole('button', { name: buttonName }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('beliebig-am-testanbieter');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  return { context, page };
}

test('the operator sets up a provider; a mapped person signs in through it, an unmapped one is refused', async ({
  browser,
  ownWorld: world,
  idp,
  baseURL,
}) => {
  const operatorContext = await browser.newContext();
  await signInThroughApi(operatorContext.request, personOf(world, 'operator'));
  const operator = await operatorContext.newPage();
  const tag = world.municipality.slug.slice(-8);
  const domain = `@${tag}.sso.example`;
  const providerName = `Rathaus ${tag}`;

  await operator.goto('/fuhrpark/anmeldung');
  await expect(
    operator.getByRole('heading', { level: 1, name: 'Anmeldung über Single Sign-on' }),
  ).toBeVisible();
  await expectAccessible(operator, 'sso page');
  const form = operator.getByRole('form', { name: 'Neuer Anmeldedienst' });
  await form.getByLabel('Kommune', { exact: true }).selectOption({ label: world.municipality.name });
  await form.getByLabel('Name', { exact: true }).fill(providerName);
  await form.getByLabel('Aussteller (Issuer)').fill('http://login.example');
  await form.getByLabel('Client-ID').fill('parthelandmobil-e2e');
  await form.getByLabel('Client-Geheimnis').fill('e2e-client-secret');
  await form.getByLabel('Scopes').fill('openid email profile groups');
  const rules: [string, string, string, string][] = [
    ['groups', 'enthält', 'fuhrpark', 'Rolle: Fuhrparkverwaltung'],
    ['email', 'endet auf', domain, 'Rolle: Mitarbeitende'],
    ['email', 'endet auf', domain, `Kommune: ${world.municipality.name}`],
  ];
  for (const [index, [claim, test, value, target]] of rules.entries()) {
    await form.getByRole('button', { name: 'Regel hinzufügen' }).click();
    const rule = form.getByRole('group', { name: `Regel ${index + 1}` });
    await rule.getByLabel('Claim').fill(claim);
    await rule.getByLabel('Vergleich').selectOption({ label: test });
    await rule.getByLabel('Wert').fill(value);
    await rule.getByLabel('Ergibt').selectOption({ label: target });
  }
  await form.getByRole('button', { name: 'Speichern' }).click();
  // Plain http elsewhere than on this machine: named at the issuer, in German, nothing saved.
  const issuer = form.getByLabel('Aussteller (Issuer)');
  await expect(issuer).toHaveAttribute('aria-invalid', 'true');
  await expect(issuer).toHaveAccessibleDescription(/Der Anbieter muss über https erreichbar sein/);
  await expectAccessible(operator, 'sso form with an error');
  // A provider that is not there: its discovery fails, said at the issuer.
  await issuer.fill('http://127.0.0.1:9');
  await form.getByRole('button', { name: 'Speichern' }).click();
  await expect(issuer).toHaveAccessibleDescription(/keine OpenID-Connect-Konfiguration abrufbar/);
  await issuer.fill(idp.issuer);
  await form.getByRole('button', { name: 'Speichern' }).click();
  await expect(operator.getByRole('status')).toHaveText(`Anmeldedienst „${providerName}“ angelegt.`);
  // The secret is never shown again: the edit form says only that one is set.
  const edit = operator.getByRole('form', { name: `Anmeldedienst „${providerName}“ bearbeiten` });
  await expect(edit.getByLabel('Client-Geheimnis')).toHaveValue('');
  await expect(edit.getByLabel('Client-Geheimnis')).toHaveAccessibleDescription(
    /Ein Geheimnis ist hinterlegt/,
  );
  await expect(operator.locator('body')).not.toContainText('e2e-client-secret');
  await expectAccessible(operator, 'sso page with a provider');

  // A fleet manager of the world's municipality, by their directory group.
  const lena = `lena${domain}`;
  idp.addIdentity({ email: lena, name: 'Lena Fuhrpark', groups: ['Fuhrpark'] });
  const mapped = await signInThroughProvider(browser, `Anmelden mit ${providerName}`, lena);
  await expect(mapped.page).toHaveURL(`${baseURL}/`);
  const me = await query<Me>(mapped.page, 'auth.me');
  expect(me).toMatchObject({ email: lena, role: 'fleet_manager', municipalityId: world.municipality.id });
  await mapped.page.goto('/fuhrpark/freigaben');
  await expect(mapped.page.getByRole('heading', { level: 1 })).toBeVisible();
  await mapped.context.close();

  // Someone no rule maps: refused in German, not signed in, no account made.
  const eve = `eve-${tag}@elsewhere.example`;
  idp.addIdentity({ email: eve, groups: ['fuhrpark'] });
  const refused = await signInThroughProvider(browser, `Anmelden mit ${providerName}`, eve);
  await expect(refused.page).toHaveURL(`${baseURL}/anmelden?sso=not_mapped`);
  await expect(refused.page.getByRole('main').getByRole('alert')).toHaveText(
    'Ihr Konto ist für ParthelandMobil nicht freigeschaltet. Bitte wenden Sie sich an die Fuhrparkverwaltung Ihrer Kommune.',
  );
  await expectAccessible(refused.page, 'sign-in page after a refusal');
  expect(await query<Me>(refused.page, 'auth.me')).toBeNull();
  await refused.context.close();
  const made = await query<{ entries: { action: string; after: { email?: string } | null }[] }>(
    operator,
    'audit.list',
    { municipalityId: world.municipality.id },
  );
  const created = made.entries.filter((entry) => entry.action === 'user.sso.create');
  expect(created.map((entry) => entry.after?.email)).toEqual([lena]);

  // A callback with a state this app never issued: back to the sign-in page with a German sentence, no 500.
  const [provider] = await query<{ id: string; name: string }[]>(operator, 'sso.providers');
  const forger = await browser.newContext();
  const forged = await forger.newPage();
  const answer = await forged.goto(
    `/api/auth/callback/${provider?.id}?code=erfunden&state=erfunden&iss=${encodeURIComponent(idp.issuer)}`,
  );
  expect(answer?.status()).toBeLessThan(500);
  await expect(forged).toHaveURL(/\/anmelden\?error=/);
  await expect(forged.getByRole('main').getByRole('alert')).toHaveText(
    'Die Anmeldung über den Anmeldedienst ist fehlgeschlagen. Bitte versuchen Sie es erneut.',
  );
  expect(await query<Me>(forged, 'auth.me')).toBeNull();
  await forger.close();

  // Switched off, the button is gone from the sign-in page at once (no restart).
  await operator.getByRole('button', { name: `Abschalten: ${providerName}` }).click();
  await expect(operator.getByRole('status')).toHaveText(`„${providerName}“ ist abgeschaltet.`);
  const later = await browser.newContext();
  const signInPage = await later.newPage();
  await signInPage.goto('/anmelden');
  await expect(signInPage.getByRole('button', { name: 'Anmelden', exact: true })).toBeVisible();
  await expect(signInPage.getByRole('button', { name: `Anmelden mit ${providerName}` })).toHaveCount(0);
  await later.close();
  await operatorContext.close();
});
