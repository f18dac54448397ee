import { demoStaff, expect, test } from './fixtures';

test('after signing in, a „weiter“ pointing to another site leads to the start page instead', async ({
  page,
  baseURL,
}) => {
  await page.goto('/anmelden?weiter=%2F%5Cexample.com%2F');
  await page.getByLabel('E-Mail-Adresse').fill(demoStaff.email);
  await page.getByLabel('Passwort').fill(demoStaff.password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page).toHaveURL(`${baseURL}/`);
  // Focus goes to the new page's heading, not back to the top of the body.
  await expect(page.getByRole('heading', { name: 'Freies Fahrzeug finden', level: 1 })).toBeFocused();
});

test('too many wrong passwords: the page says how long to wait, not that the password is wrong', async ({
  page,
}, testInfo) => {
  // Every e2e request comes from 127.0.0.1, one address for the per-address limit (10 failures in
  // 15 minutes): one lock per run, on desktop, keeps the whole suite's failures below it.
  test.skip(testInfo.project.name !== 'desktop', 'one lock per run is enough');
  const nobody = `niemand-${Date.now().toString(36)}@test.example`;
  for (let attempt = 0; attempt < 5; attempt++) {
    const response = await page.request.post('/api/auth/sign-in/email', {
      data: { email: nobody, password: `falsch-${attempt}-geraten` },
    });
    expect(response.status()).toBe(401);
  }
  await page.goto('/anmelden');
  await page.getByLabel('E-Mail-Adresse').fill(nobody);
  await page.getByLabel('Passwort').fill('noch-einmal-falsch');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(
    /^Zu viele Versuche – bitte in \d+ Sekunden erneut versuchen$/,
  );
});

test('every page says in its title what it is, then the product, once', async ({ signedIn: page }) => {
  for (const [path, title] of [
    ['/', 'Freies Fahrzeug finden'],
    ['/zeitplan', 'Zeitplan'],
    ['/buchungen', 'Meine Buchungen'],
    ['/fahrten', 'Meine Fahrten'],
    ['/kalender', 'Buchungen im eigenen Kalender'],
    ['/gibt-es-nicht', 'Seite nicht gefunden'],
  ] as const) {
    await page.goto(path);
    await expect(page).toHaveTitle(`${title} – ParthelandMobil`);
  }
});
