import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The built app under its Content-Security-Policy: every page a person reaches renders and runs
 * with no violation, and the headers are there on pages and on the API.
 */

/** Violations as the page itself reports them, and as Chromium logs them to the console. */
async function watchViolations(page: Page) {
  const logged: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) logged.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { cspViolations: seen });
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  return async () => [
    ...logged,
    ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)),
  ];
}

async function visit(page: Page, path: string, violations: () => Promise<string[]>) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  await page.waitForLoadState('networkidle');
  // The page hydrated: React answers to a click only after its scripts ran.
  await expect(page.locator('body')).not.toBeEmpty();
  expect(await violations(), path).toEqual([]);
}

test('no page breaks its Content-Security-Policy', async ({ page, staffPage, managerPage }) => {
  test.setTimeout(120_000);
  const anonymous = await watchViolations(page);
  await visit(page, '/anmelden', anonymous);
  // The sign-in form works under the policy: a wrong password gets the form's own answer.
  await page.getByLabel(/E-Mail/i).fill('niemand@example.invalid');
  await page.getByLabel(/Passwort/i).fill('falsch-falsch');
  await page.getByRole('button', { name: /Anmelden/i }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  expect(await anonymous()).toEqual([]);

  const staff = await watchViolations(staffPage);
  for (const path of ['/', '/buchungen', '/kalender']) await visit(staffPage, path, staff);
  const booking = staffPage.locator('a[href^="/buchungen/"]').first();
  await staffPage.goto('/buchungen');
  if ((await booking.count()) > 0) {
    await booking.click();
    await staffPage.waitForURL(/\/buchungen\/[0-9a-f-]{36}/);
    await staffPage.waitForLoadState('networkidle');
    expect(await staff()).toEqual([]);
  }

  const manager = await watchViolations(managerPage);
  for (const path of ['/fuhrpark', '/fuhrpark/freigaben', '/fuhrpark/regeln', '/fuhrpark/sperrzeiten'])
    await visit(managerPage, path, manager);
});

test('the violation watch sees markup injected with an inline handler, which the policy blocks', async ({
  page,
}) => {
  const violations = await watchViolations(page);
  await visit(page, '/anmelden', violations);
  // What an HTML injection looks like: parser-inserted markup with an inline event handler.
  await page.evaluate(() => {
    const box = document.createElement('div');
    box.innerHTML = '<img src="/kein-bild.png" onerror="document.title = \'eingeschleust\'">';
    document.body.append(box);
  });
  await expect.poll(async () => (await violations()).join('\n')).toContain('script-src');
  expect(await page.title()).not.toBe('eingeschleust');
});

test('pages and the API send the security headers', async ({ request }) => {
  const page = await request.get('/anmelden');
  const headers = page.headers();
  const policy = headers['content-security-policy'] ?? '';
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).not.toContain('unsafe-eval');
  expect(headers).toMatchObject({
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'DENY',
  });
  expect(headers['permissions-policy']).toContain('geolocation=(self)');
  // A fresh nonce per request.
  const again = (await request.get('/anmelden')).headers()['content-security-policy'];
  expect(again).not.toBe(policy);

  const api = (await request.get('/api/trpc/region.settings')).headers();
  expect(api['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
  expect(api['x-content-type-options']).toBe('nosniff');
});

test('the booking pages cannot be framed by another site', async ({ staffPage, baseURL }) => {
  const own = new URL(baseURL ?? '');
  // Another origin on this machine (127.0.0.1 instead of localhost) frames our booking page and,
  // as the control, a page of the same origin served without our headers, which does load.
  const other = `http://127.0.0.1:${own.port}`;
  await staffPage.route(`${other}/fremd`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<iframe id="ours" src="${own.origin}/buchungen"></iframe><iframe id="plain" src="${own.origin}/ohne-kopfzeilen"></iframe>`,
    }),
  );
  await staffPage.route(`${own.origin}/ohne-kopfzeilen`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<p>frei einbettbar</p>' }),
  );
  await staffPage.goto(`${other}/fremd`);
  await expect(staffPage.frameLocator('#plain').getByText('frei einbettbar')).toBeVisible();
  const ours = async () => (await staffPage.locator('#ours').elementHandle())?.contentFrame();
  await expect.poll(async () => (await ours())?.url()).toMatch(/^chrome-error:/);
});

test('a form post from another site changes nothing', async ({ staffPage }) => {
  const before = await staffPage.request.get('/api/trpc/calendar.feed');
  expect(before.status()).toBe(200);
  const refused = await staffPage.request.post('/api/trpc/calendar.createFeed', {
    headers: { origin: 'https://evil.example' },
    multipart: { x: '1' },
  });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.json.data.appCode).toBe('FOREIGN_ORIGIN');
  const after = await staffPage.request.get('/api/trpc/calendar.feed');
  expect(await after.json()).toEqual(await before.json());
});
