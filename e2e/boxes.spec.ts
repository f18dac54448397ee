import { randomBytes, randomUUID } from 'node:crypto';
import { expectAccessible } from './accessibility';
import { createWorld, personOf, removeWorld, type World } from './factories';
import { expect, test as shared, signInThroughApi } from './fixtures';

/**
 * A world of its own with an operator: this spec provisions a box and registers a gateway at its
 * station, which the worker's shared world must not see; the rotation works on the demo's boxes.
 */
const test = shared.extend<{ ownWorld: World; operatorPage: import('@playwright/test').Page }>({
  ownWorld: async ({ request }, use) => {
    const world = await createWorld(request, {
      cars: [{ seats: 5 }],
      people: ['staff', 'fleet_manager', 'operator'],
    });
    await use(world);
    await removeWorld(request, world);
  },
  operatorPage: async ({ browser, ownWorld }, use) => {
    const context = await browser.newContext();
    await signInThroughApi(context.request, personOf(ownWorld, 'operator'));
    await use(await context.newPage());
    await context.close();
  },
});

test.describe.configure({ timeout: 180_000 });

const mac = () =>
  [...randomBytes(6)]
    .map((b, i) => (i === 0 ? (b & 0xfc) | 0x02 : b).toString(16).padStart(2, '0'))
    .join(':');

test('the operator provisions a box, sees field errors in German first, and registers a gateway', async ({
  operatorPage: page,
  ownWorld,
}) => {
  const car = ownWorld.cars[0];
  if (!car) throw new Error('world without car');
  await page.goto('/fuhrpark/boxen');
  await expect(page).toHaveTitle(/Telematikboxen/);
  const card = page.locator(`li[data-vehicle="${car.id}"]`);
  await expect(card).toContainText('Keine Box eingerichtet.');
  await card.getByRole('button', { name: `Box einrichten: ${car.plate}` }).click();
  const form = page.getByRole('form', { name: `Box für ${car.plate}` });
  await expect(form.getByRole('heading')).toBeFocused();

  // Wrong at every field: each says so at the field, nothing is written.
  await form.getByLabel('Box-ID').fill('keine-uuid');
  await form.getByLabel('Bluetooth-Adresse').fill('12:34');
  await form.getByLabel('Öffentlicher Schlüssel der Box').fill('abc');
  await form.getByRole('button', { name: 'Box speichern' }).click();
  await expect(form.getByLabel('Box-ID')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('Eine Box-ID als UUID')).toBeVisible();
  await expect(form.getByText('Eine Bluetooth-Adresse wie AA:BB:CC:DD:EE:FF.')).toBeVisible();
  await expect(form.getByText('32 Bytes als 64 Hexadezimalziffern.')).toBeVisible();
  await expectAccessible(page, 'box form with field errors');

  const boxId = randomUUID();
  // A real box's key: any Ed25519 public key; this one is the RFC 8032 test key 1's.
  const publicKey = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';
  await form.getByLabel('Box-ID').fill(boxId);
  await form.getByLabel('Bluetooth-Adresse').fill(mac());
  await form.getByLabel('Öffentlicher Schlüssel der Box').fill(publicKey);
  await form.getByLabel('Firmware (optional)').fill('pmk1 2.1.0');
  await form.getByRole('button', { name: 'Box speichern' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Die Box für ${car.plate} ist eingerichtet.` }),
  ).toBeFocused();
  await expect(card).toContainText(boxId);
  await expect(card).toContainText('pmk1 2.1.0');
  await expect(card).toContainText('noch nie');
  await expectAccessible(page, 'boxes page with the new box');

  // Register a gateway at the world's station: the token is shown once.
  await page.goto('/fuhrpark/gateways');
  const name = `Gateway ${randomUUID().slice(0, 8)}`;
  await page.getByLabel('Station').selectOption({ label: ownWorld.station.name });
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  const shown = page.locator('[data-token-shown]');
  await expect(shown).toContainText(`Das Gateway „${name}“ ist angemeldet.`);
  const token = (await shown.locator('[data-token]').textContent()) ?? '';
  expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  await expectAccessible(page, 'gateway registered, token shown');
  // Never again: not after a reload, not in the list.
  await page.reload();
  await expect(page.locator('[data-token-shown]')).toHaveCount(0);
  await expect(page.getByText(token)).toHaveCount(0);
  const listed = page.locator('li[data-gateway]').filter({ hasText: name });
  await expect(listed).toContainText('noch nie');
  // The token works for the gateway's API until the gateway is revoked.
  const boxes = await page.request.get('/api/trpc/gateway.boxes', {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(boxes.ok()).toBe(true);
  await listed.getByRole('button', { name: `Gateway ${name} sperren` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'ist gesperrt' })).toBeVisible();
  await expect(listed).toContainText('gesperrt');
  const refused = await page.request.get('/api/trpc/gateway.boxes', {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(refused.status()).toBe(401);
});
