import sharp from 'sharp';
import { expectAccessible } from './accessibility';
import { createWorld, pastTrip, personOf, removeWorld, type World } from './factories';
import { expect, signInThroughApi, test } from './fixtures';

const HOUR = 3_600_000;

let world: World;

test.beforeAll(async ({ playwright }, workerInfo) => {
  const request = await playwright.request.newContext({ baseURL: workerInfo.project.use.baseURL });
  world = await createWorld(request, { logbookRequired: true });
  await request.dispose();
});

test.afterAll(async ({ playwright }, workerInfo) => {
  const request = await playwright.request.newContext({ baseURL: workerInfo.project.use.baseURL });
  await removeWorld(request, world);
  await request.dispose();
});

test('at the car: a damage with a photo, then the logbook entry and its change in the history', async ({
  page,
}) => {
  const staff = personOf(world, 'staff');
  const [car] = world.cars;
  if (!car) throw new Error('the world has no car');
  const ended = Date.now() - HOUR;
  const booking = await pastTrip(page.request, {
    vehicleId: car.id,
    userId: staff.id,
    startsAt: new Date(ended - 2 * HOUR),
    endsAt: new Date(ended),
    km: 12,
  });
  await signInThroughApi(page.request, staff);
  await page.goto(`/buchungen/${booking.id}`);

  const damage = page.getByRole('region', { name: 'Schaden melden' });
  await expect(damage).toBeVisible();
  await expectAccessible(page, 'booking page with damage form and logbook');

  // Nothing filled in: German errors at their fields.
  await damage.getByRole('button', { name: 'Schaden melden' }).click();
  const description = damage.getByLabel('Was ist beschädigt?');
  await expect(description).toHaveAttribute('aria-invalid', 'true');
  await expect(damage.getByText('Bitte beschreiben Sie den Schaden in ein paar Worten.')).toBeVisible();
  await expect(damage.getByText('Bitte angeben, ob das Fahrzeug noch fahrbereit ist.')).toBeVisible();
  await expectAccessible(page, 'damage form with field errors');

  const photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#885533' } })
    .jpeg()
    .toBuffer();
  await description.fill('Kratzer an der Beifahrertür');
  await damage.getByLabel('Ja, fahrbereit').check();
  await damage
    .getByLabel(/^Fotos/)
    .setInputFiles({ name: 'kratzer.jpg', mimeType: 'image/jpeg', buffer: photo });
  await damage.getByRole('button', { name: 'Schaden melden' }).click();
  const result = damage.getByRole('status');
  await expect(result).toHaveText(/mit einem Foto gemeldet/);
  await expect(result).toBeFocused();
  await expect(damage.getByRole('img', { name: 'Foto 1 des Schadens' })).toBeVisible();
  await expectAccessible(page, 'damage reported with a photo');

  const logbook = page.getByRole('region', { name: 'Fahrtenbuch' });
  await logbook.getByLabel('Zweck der Fahrt').fill('Bauamtsbesprechung');
  await logbook.getByLabel('Ziel').fill('Landratsamt Borna');
  await logbook.getByRole('button', { name: 'Im Fahrtenbuch speichern' }).click();
  await expect(logbook.getByRole('status')).toHaveText('Der Fahrtenbucheintrag ist gespeichert.');
  await expect(logbook.getByRole('status')).toBeFocused();
  await expectAccessible(page, 'logbook entry saved');

  await logbook.getByLabel('Ziel').fill('Rathaus Naunhof');
  await logbook.getByRole('button', { name: 'Änderung speichern' }).click();
  const history = logbook.getByRole('list');
  await expect(history.getByRole('listitem')).toHaveCount(2);
  await expect(history.getByRole('listitem').nth(0)).toContainText('Landratsamt Borna');
  await expect(history.getByRole('listitem').nth(1)).toContainText('Rathaus Naunhof');
  await expectAccessible(page, 'logbook change in the history');
});
