import type { inferRouterOutputs } from '@trpc/server';
import sharp from 'sharp';
import { instantOf } from '../app/lib/time';
import type { AppRouter } from '../server/root';
import { expectAccessible } from './accessibility';
import { createWorld, personOf, removeWorld, type World } from './factories';
import { dayAhead, expect, test as shared, signInThroughApi } from './fixtures';
import {
  confirmRetirement,
  fillCarForm,
  fillStationForm,
  fleetNavigation,
  previewRetirement,
} from './fleet-steps';
import { mutate, query } from './trpc';

/**
 * A world of its own per test: this spec adds a station and a car and retires one, which the
 * worker's shared world (the map's one station, the search's three cars) must not see afterwards.
 */
const test = shared.extend<{ ownWorld: World }>({
  ownWorld: async ({ request }, use) => {
    const world = await createWorld(request, { cars: [{ seats: 5 }, { seats: 5 }, { seats: 9 }] });
    await use(world);
    await removeWorld(request, world);
  },
  managerPage: async ({ browser, ownWorld }, use) => {
    const context = await browser.newContext();
    await signInThroughApi(context.request, personOf(ownWorld, 'fleet_manager'));
    await use(await context.newPage());
    await context.close();
  },
  staffPage: async ({ browser, ownWorld }, use) => {
    const context = await browser.newContext();
    await signInThroughApi(context.request, personOf(ownWorld, 'staff'));
    await use(await context.newPage());
    await context.close();
  },
});

type Out = inferRouterOutputs<AppRouter>;
type Car = Out['vehicles']['managed'][number];

const at = (day: string, time: string) => instantOf(day, time, 'Europe/Berlin');

// axe runs on every state the tests visit: more time than the default 30 s on a busy machine.
test.describe.configure({ timeout: 120_000 });

test('a fleet manager adds a station and a car at it, which staff then find', async ({
  managerPage: manager,
  staffPage: staff,
}) => {
  const tag = Date.now().toString(36).slice(-5).toUpperCase();
  const stationName = `Mobilitätsinsel Bahnhof ${tag}`;

  await manager.goto('/fuhrpark/stationen');
  await expect(manager.getByRole('heading', { level: 1, name: 'Stationen' })).toBeVisible();
  await expectAccessible(manager, 'stations page');
  const stationForm = manager.getByRole('form', { name: 'Neue Station' });
  await fillStationForm(stationForm, {
    name: stationName,
    address: 'Bahnhofstraße 2',
    latitude: '95',
    longitude: '12.6101',
    chargePoints: '2',
    notes: 'Rund um die Uhr.\nTresor links.',
  });
  await stationForm.getByRole('button', { name: 'Speichern' }).click();
  // The bad latitude is named at its field, in German, and tied to it for a screen reader.
  const latitude = stationForm.getByLabel('Breitengrad');
  await expect(latitude).toHaveAttribute('aria-invalid', 'true');
  await expect(latitude).toHaveAccessibleDescription(/Der Breitengrad liegt zwischen -90 und 90/);
  await expectAccessible(manager, 'station form with a field error');
  await latitude.fill('51.3337');
  await stationForm.getByRole('button', { name: 'Speichern' }).click();
  await expect(manager.getByRole('status')).toHaveText(`Die Station ${stationName} ist angelegt.`);
  await expect(manager.getByRole('heading', { level: 3, name: stationName })).toBeVisible();
  await expectAccessible(manager, 'station added');

  await fleetNavigation(manager).getByRole('link', { name: 'Fahrzeuge' }).click();
  await expect(manager.getByRole('heading', { level: 1, name: 'Fahrzeuge' })).toBeVisible();
  await expectAccessible(manager, 'vehicles page');
  const carForm = manager.getByRole('form', { name: 'Neues Fahrzeug' });
  const station = (await query<Out['stations']['list']>(manager, 'stations.list')).find(
    (s) => s.name === stationName,
  );
  if (!station) throw new Error('the new station is not in the list');
  await fillCarForm(carForm, {
    plate: `l-pm  ${tag}`,
    make: 'Renault',
    model: 'Zoe',
    seats: '5',
    batteryKwh: '52',
    rangeKm: '390',
    stationId: station.id,
  });
  await carForm.getByLabel('Kindersitz').check();
  await carForm.getByRole('button', { name: 'Speichern' }).click();
  const plate = `L-PM ${tag}`;
  await expect(manager.getByRole('status')).toHaveText(`Das Fahrzeug ${plate} ist angelegt.`);
  await expect(manager.getByRole('status')).toBeFocused();
  await expect(manager.getByRole('heading', { level: 3, name: `${plate} · Renault Zoe` })).toBeVisible();
  await expectAccessible(manager, 'car added');

  // Its photo, from the edit form: kept re-encoded and shown.
  await manager.getByRole('button', { name: `Bearbeiten: ${plate}` }).click();
  await expect(
    manager.getByRole('heading', { level: 2, name: `Fahrzeug ${plate} bearbeiten` }),
  ).toBeFocused();
  const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3060c0' } })
    .png()
    .toBuffer();
  await manager
    .getByLabel('Foto auswählen')
    .setInputFiles({ name: 'zoe.png', mimeType: 'image/png', buffer: photo });
  await manager.getByRole('button', { name: 'Foto hochladen' }).click();
  await expect(manager.getByText('Das Foto ist gespeichert.')).toBeVisible();
  await expect(manager.getByRole('img', { name: `Foto des Fahrzeugs ${plate}` })).toBeVisible();
  await expectAccessible(manager, 'car being edited, with its photo');

  // Staff find it at the new station, as the search offers it to them.
  const day = dayAhead(2);
  const found = await query<Out['vehicles']['search']>(staff, 'vehicles.search', {
    from: at(day, '10:00'),
    to: at(day, '12:00'),
    stationId: station.id,
  });
  expect(found.vehicles.map((v) => v.plate)).toEqual([plate]);
});

test('a fleet manager retires a car: the preview names the car a booking moves to, and it moves', async ({
  managerPage: manager,
  staffPage: staff,
}) => {
  const cars = await query<Car[]>(manager, 'vehicles.managed');
  const fives = cars
    .filter((c) => c.seats === 5 && c.status === 'in_service')
    .sort((a, b) => a.plate.localeCompare(b.plate));
  const [car, spare] = fives;
  if (!car || !spare) throw new Error('the world has no two 5-seat cars');
  const day = dayAhead(4);
  const booking = await mutate<Out['bookings']['create']>(staff, 'bookings.create', {
    vehicleId: car.id,
    from: at(day, '10:00'),
    to: at(day, '12:00'),
    purpose: 'Termin im Landratsamt',
  });

  const panel = await previewRetirement(manager, car.plate, dayAhead(2));
  await expect(panel.getByText('Eine Buchung ist betroffen:')).toBeVisible();
  await expect(panel.locator(`[data-booking="${booking.id}"]`)).toContainText(
    `wird umgebucht auf ${spare.plate}`,
  );
  await expectAccessible(manager, 'retirement preview');
  await confirmRetirement(manager, panel, car.plate);
  await expect(manager.getByRole('status')).toHaveText(
    `${car.plate} ist außer Dienst gestellt. Umgebucht: 1, storniert: 0.`,
  );
  const row = manager.locator(`[data-vehicle="${car.id}"]`);
  await expect(row).toContainText('Außer Dienst gestellt');
  await expect(row.getByRole('button', { name: /Außer Dienst stellen/ })).toHaveCount(0);
  await expectAccessible(manager, 'car retired');

  const mine = await query<Out['bookings']['mine']>(staff, 'bookings.mine');
  expect(mine.find((b) => b.id === booking.id)?.vehicle.id).toBe(spare.id);
});
