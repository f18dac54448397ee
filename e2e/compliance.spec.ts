import type { Browser, BrowserContext, Page } from '@playwright/test';
import superjson from 'superjson';
import { expectAccessible } from './accessibility';
import { createWorld, personOf, removeWorld, type World } from './factories';
import { dayAhead, expect, signInThroughApi, test } from './fixtures';
import { bookFromSearch } from './fleet-steps';

// axe runs on every state the test visits: more time than the default 30 s on a busy machine.
test.describe.configure({ timeout: 120_000 });

let world: World;
test.beforeAll(async ({ playwright }, info) => {
  const request = await playwright.request.newContext({ baseURL: info.project.use.baseURL });
  // Everyone of this world is overdue: their last check ran out long ago.
  world = await createWorld(request, { cars: [{ seats: 5 }], licenceCheckValidUntil: '2025-01-31' });
  await request.dispose();
});
test.afterAll(async ({ playwright }, info) => {
  const request = await playwright.request.newContext({ baseURL: info.project.use.baseURL });
  await removeWorld(request, world);
  await request.dispose();
});

/** A browser context of its own, signed in as this person of the world. */
async function contextOf(browser: Browser, role: 'staff' | 'fleet_manager'): Promise<BrowserContext> {
  const context = await browser.newContext();
  await signInThroughApi(context.request, personOf(world, role));
  return context;
}

async function tryToBook(page: Page, vehicleId: string) {
  const from = new Date(Date.now() + 5 * 86_400_000);
  const input = { vehicleId, from, to: new Date(from.getTime() + 2 * 3_600_000) };
  return page.request.post('/api/trpc/bookings.create', { data: superjson.serialize(input) });
}

test('a fleet manager records a licence check for someone overdue, who can then book', async ({
  browser,
}) => {
  const staff = personOf(world, 'staff');
  const car = world.cars[0];
  if (!car) throw new Error('the world has no car');
  const staffContext = await contextOf(browser, 'staff');
  const managerContext = await contextOf(browser, 'fleet_manager');
  const booker = await staffContext.newPage();
  const manager = await managerContext.newPage();

  const refused = await tryToBook(booker, car.id);
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toContain('Führerscheinkontrolle abgelaufen am 31.01.2025');

  await manager.goto('/fuhrpark/fuehrerscheine');
  await expect(manager.getByRole('heading', { name: 'Führerscheinkontrollen', level: 1 })).toBeVisible();
  const row = manager.locator(`tr[data-person="${staff.id}"]`);
  await expect(row).toContainText('überfällig');
  await expect(row).toContainText('31.01.2025');
  await expectAccessible(manager, 'the overdue list');

  await row.getByRole('button', { name: `Kontrolle für ${staff.name} erfassen` }).click();
  await expect(manager.getByRole('heading', { name: 'Kontrolle erfassen' })).toBeFocused();
  const form = manager.getByRole('form', { name: 'Kontrolle erfassen' });
  await expect(form.getByLabel('Person')).toHaveValue(staff.id);
  await form.getByRole('checkbox', { name: 'BE' }).check();
  await form.getByLabel('Karte gültig bis (Feld 4b)').fill(dayAhead(900));
  const codes = form.getByLabel('Schlüsselzahlen (Feld 12)');
  await codes.fill('01, 7B');
  await form.getByRole('button', { name: 'Kontrolle speichern' }).click();
  await expect(codes).toHaveAttribute('aria-invalid', 'true');
  await expect(codes).toBeFocused();
  await expect(codes).toHaveAccessibleDescription(/Keine Schlüsselzahl: „7B“/);
  await expectAccessible(manager, 'a code refused at its field');

  await codes.fill('01, B96');
  await form.getByRole('button', { name: 'Kontrolle speichern' }).click();
  const saved = form.getByRole('status');
  await expect(saved).toContainText(`Kontrolle für ${staff.name} gespeichert. Gültig bis`);
  await expect(saved).toBeFocused();
  await expect(row).toHaveCount(0);
  const history = manager.getByRole('region', { name: `Kontrollen von ${staff.name}` }).first();
  await expect(history.getByRole('row').nth(1)).toContainText('B, BE');
  await expect(history.getByRole('row').nth(1)).toContainText('01, B96');
  await expectAccessible(manager, 'the check recorded, with the history');

  // The person books at once: in the browser, through the search.
  await bookFromSearch(booker, {
    day: dayAhead(4),
    municipality: world.municipality.name,
    plate: car.plate,
    purpose: `Ortstermin ${Date.now().toString(36)}`,
  });
  await expectAccessible(booker, 'booked after the check');

  // UVV: a failed inspection takes the car out of service and cancels that booking (no equal car).
  await manager.goto('/fuhrpark/uvv');
  await expect(manager.getByRole('heading', { name: 'UVV-Prüfungen und Unterweisungen' })).toBeVisible();
  await expectAccessible(manager, 'the UVV page');
  const inspection = manager.getByRole('form', { name: 'Prüfung erfassen' });
  await inspection.getByLabel('Fahrzeug').selectOption(car.id);
  await inspection.getByLabel('Prüfer (befähigte Person)').fill('Kfz-Meister Lehmann');
  await inspection.getByLabel('Ergebnis').selectOption('failed');
  await inspection.getByRole('button', { name: 'Prüfung speichern' }).click();
  const defects = inspection.getByLabel('Festgestellte Mängel');
  await expect(defects).toHaveAttribute('aria-invalid', 'true');
  await expect(defects).toHaveAccessibleDescription(/Bitte die festgestellten Mängel beschreiben/);
  await defects.fill('Bremsbeläge vorn verschlissen');
  await inspection.getByRole('button', { name: 'Prüfung speichern' }).click();
  await expect(inspection.getByRole('status')).toContainText('0 Buchung(en) umgebucht, 1 storniert');
  await expect(manager.locator(`tr[data-vehicle="${car.id}"]`)).toContainText('nicht bestanden');
  await expectAccessible(manager, 'a failed inspection recorded');

  await staffContext.close();
  await managerContext.close();
});
