import { dayAhead, expect, test } from './fixtures';

test('a member of staff signs in, books a free car, finds it in „Meine Buchungen“ and cancels it', async ({
  page,
  world,
  staff,
}) => {
  await page.goto('/buchungen');
  await expect(page).toHaveURL(/\/anmelden/);
  await page.getByLabel('E-Mail-Adresse').fill(staff.email);
  await page.getByLabel('Passwort').fill(staff.password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('heading', { name: 'Meine Buchungen' })).toBeVisible();

  await page.getByRole('link', { name: 'Fahrzeug suchen' }).click();
  const day = dayAhead(3);
  await page.getByLabel('Von (Datum)').fill(day);
  await page.getByLabel('Von (Uhrzeit)').fill('09:00');
  await page.getByLabel('Bis (Datum)').fill(day);
  await page.getByLabel('Bis (Uhrzeit)').fill('11:30');
  await page.getByLabel('Ort').selectOption({ label: `Alle Stationen: ${world.municipality.name}` });
  await page.getByRole('button', { name: 'Suchen' }).click();

  const results = page.getByRole('region', { name: /Fahrzeuge? frei/ });
  await expect(results.getByRole('heading', { level: 2 })).toContainText('09:00');
  const first = results.locator('li[data-plate]').first();
  const plate = await first.getAttribute('data-plate');
  expect(plate).toBeTruthy();
  await first.getByRole('button', { name: /buchen$/ }).click();
  // Unique per run, so bookings left by earlier runs on a reused database never match.
  const purpose = `Ortstermin Bauhof ${Date.now().toString(36)}`;
  await first.getByLabel('Zweck der Fahrt').fill(purpose);
  await first.getByRole('button', { name: 'Verbindlich buchen' }).click();

  const booked = page.getByRole('status').filter({ hasText: 'Gebucht:' });
  await expect(booked).toBeFocused();
  await expect(booked).toContainText(plate ?? '');
  await booked.getByRole('link', { name: 'Buchung öffnen' }).click();
  await expect(page.getByRole('heading', { name: 'Buchung bestätigt' })).toBeVisible();
  await expect(page.getByText(plate ?? '').first()).toBeVisible();

  await page.getByRole('link', { name: 'Zu meinen Buchungen' }).click();
  const booking = page
    .getByRole('listitem')
    .filter({ hasText: plate ?? '' })
    .filter({ hasText: purpose });
  await expect(booking).toContainText('Reserviert');
  await expect(booking).toContainText('09:00');
  page.once('dialog', (dialog) => dialog.accept());
  await booking.getByRole('button', { name: 'Stornieren' }).click();
  await expect(page.getByRole('status')).toHaveText('Buchung storniert.');
  await expect(booking).toContainText('Storniert');
  await expect(booking.getByRole('button', { name: 'Stornieren' })).toHaveCount(0);
});

test('a wrong password is refused in German', async ({ page, staff }) => {
  await page.goto('/anmelden');
  await page.getByLabel('E-Mail-Adresse').fill(staff.email);
  await page.getByLabel('Passwort').fill('falsches-passwort');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(
    'E-Mail-Adresse oder Passwort ist falsch.',
  );
});

test('an end before the start is refused with the reason', async ({ signedIn: page }) => {
  await page.goto('/');
  await page.getByLabel('Von (Datum)').fill(dayAhead(3));
  await page.getByLabel('Von (Uhrzeit)').fill('12:00');
  await page.getByLabel('Bis (Datum)').fill(dayAhead(3));
  await page.getByLabel('Bis (Uhrzeit)').fill('10:00');
  await page.getByRole('button', { name: 'Suchen' }).click();
  const end = page.getByLabel('Bis (Uhrzeit)');
  await expect(end).toHaveAttribute('aria-invalid', 'true');
  await expect(end).toHaveAccessibleDescription('Das Ende muss nach dem Beginn liegen.');
});
