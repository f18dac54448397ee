import { expectAccessible } from './accessibility';
import { dayAhead, expect, test } from './fixtures';

test('the default window is bookable now, at any time of day', async ({ signedIn: page, world }) => {
  await page.goto('/');
  await expectAccessible(page, 'search form');
  await page.getByLabel('Ort').selectOption({ label: `Alle Stationen: ${world.municipality.name}` });
  await page.getByRole('button', { name: 'Suchen' }).click();
  const heading = page.getByRole('heading', { level: 2, name: /Fahrzeuge? frei/ });
  await expect(heading).toBeFocused();
  await expectAccessible(page, 'search results');
});

test('a night from 22:00 to 02:00 is booked by keyboard alone', async ({ signedIn: page, world }) => {
  await page.goto('/');
  await page.getByLabel('Von (Datum)').fill(dayAhead(4));
  await page.getByLabel('Von (Uhrzeit)').fill('22:00');
  await page.getByLabel('Bis (Datum)').fill(dayAhead(5));
  await page.getByLabel('Bis (Uhrzeit)').fill('02:00');
  await page.getByLabel('Ort').selectOption({ label: `Alle Stationen: ${world.municipality.name}` });
  await page.getByLabel('Bis (Uhrzeit)').press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: /Fahrzeuge? frei/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAccessibleName(/ buchen$/);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Zweck der Fahrt (optional)')).toBeFocused();
  await expectAccessible(page, 'inline booking');
  await page.keyboard.type('Nachtdienst');
  await page.keyboard.press('Enter');
  const booked = page.getByRole('status').filter({ hasText: 'Gebucht:' });
  await expect(booked).toBeFocused();
  await expect(booked).toContainText('22:00');
  await expectAccessible(page, 'booked');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Buchung öffnen' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/buchungen\/[0-9a-f-]+$/);
});

test('cars beyond the booking horizon are not offered, and the rule is named', async ({
  signedIn: page,
  world,
}) => {
  await page.goto('/');
  await page.getByLabel('Von (Datum)').fill(dayAhead(70));
  await page.getByLabel('Von (Uhrzeit)').fill('09:00');
  await page.getByLabel('Bis (Datum)').fill(dayAhead(70));
  await page.getByLabel('Bis (Uhrzeit)').fill('11:00');
  await page.getByLabel('Ort').selectOption({ label: `Alle Stationen: ${world.municipality.name}` });
  await page.getByRole('button', { name: 'Suchen' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /0 Fahrzeuge frei/ })).toBeFocused();
  await expect(page.getByText(/weitere freie Fahrzeuge sind für Sie nicht buchbar/)).toBeVisible();
  await expect(page.getByText(/höchstens 60 Tage im Voraus/)).toBeVisible();
  await expectAccessible(page, 'hidden by rule');
});

test('a time the clock skips in spring is explained at its field', async ({ signedIn: page }) => {
  await page.goto('/');
  await page.getByLabel('Von (Datum)').fill('2027-03-28');
  await page.getByLabel('Von (Uhrzeit)').fill('02:30');
  await page.getByLabel('Bis (Datum)').fill('2027-03-28');
  await page.getByLabel('Bis (Uhrzeit)').fill('05:00');
  await page.getByRole('button', { name: 'Suchen' }).click();
  const start = page.getByLabel('Von (Uhrzeit)');
  await expect(start).toHaveAttribute('aria-invalid', 'true');
  await expect(start).toHaveAccessibleDescription(/Sommerzeit/);
  await expectAccessible(page, 'clock gap');
});

test('what is typed before the page has its scripts is kept', async ({ signedIn: page, world }) => {
  // A phone on a slow line shows the server's form before its scripts have run: the person types.
  let release = () => {};
  const scriptsHeld = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/_next/static/chunks/**', async (route) => {
    await scriptsHeld;
    await route.continue();
  });
  await page.goto('/', { waitUntil: 'commit' });
  await page.getByLabel('Von (Datum)').fill(dayAhead(4));
  await page.getByLabel('Von (Uhrzeit)').fill('22:00');
  await page.getByLabel('Bis (Datum)').fill(dayAhead(5));
  await page.getByLabel('Bis (Uhrzeit)').fill('02:00');
  release();
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Ort').selectOption({ label: `Alle Stationen: ${world.municipality.name}` });
  await page.getByRole('button', { name: 'Suchen' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /Fahrzeuge? frei/ })).toBeFocused();
  await expect(page.getByLabel('Von (Datum)')).toHaveValue(dayAhead(4));
  await expect(page.getByLabel('Von (Uhrzeit)')).toHaveValue('22:00');
  await expect(page.getByLabel('Bis (Datum)')).toHaveValue(dayAhead(5));
  await expect(page.getByLabel('Bis (Uhrzeit)')).toHaveValue('02:00');
});
