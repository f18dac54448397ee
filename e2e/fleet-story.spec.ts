import type { Browser, Page } from '@playwright/test';
import type { inferRouterOutputs } from '@trpc/server';
import superjson from 'superjson';
import { instantOf } from '../app/lib/time';
import region from '../db/regions/partheland.json' with { type: 'json' };
import type { AppRouter } from '../server/root';
import { expectAccessible } from './accessibility';
import { operatorRotatesCaKey } from './boxes-steps';
import { clock, day, quartersAfter, startingNow } from './clock';
import { createWorld, type Person, personOf, removeWorld, type World } from './factories';
import { dayAhead, demoStaff, expect, signInThroughApi, test } from './fixtures';

import {
  bookFromSearch,
  confirmRetirement,
  fillCarForm,
  fillStationForm,
  fleetNavigation,
  previewRetirement,
} from './fleet-steps';
import { invitedAndSignedIn, newPerson } from './people-steps';
import { mutate, query } from './trpc';

const home = region.municipalities.find(
  (m) => m.slug === region.demoUsers.find((u) => u.email === demoStaff.email)?.municipality,
);
// The unlock and journey specs hold the home municipality's demo cars for their quarter (and its
// buffer): the story's unlock takes a car of a neighbour, as staff may across the region.
const neighbour = region.municipalities.find((m) => m !== home && m.stations.length > 0);

type Out = inferRouterOutputs<AppRouter>;

/**
 * The fleet-administration issue's story, in the browser. A fleet manager's day: a station and a
 * car added, a person invited who sets a password and may book once their licence check is
 * recorded, a damage that takes a car out of service and moves a booking, a car retired. Then the operator rotates the fleet CA key and a car
 * still opens. Its own world: it changes cars and stations.
 */
test.describe.configure({ timeout: 300_000 });

let world: World;
test.beforeAll(async ({ playwright }, info) => {
  const request = await playwright.request.newContext({ baseURL: info.project.use.baseURL });
  // Its member of staff is invited in the story itself.
  world = await createWorld(request, {
    cars: [{ seats: 5 }, { seats: 5 }],
    people: ['fleet_manager', 'operator'],
  });
  await request.dispose();
});
test.afterAll(async ({ playwright }, info) => {
  const request = await playwright.request.newContext({ baseURL: info.project.use.baseURL });
  await removeWorld(request, world);
  await request.dispose();
});

async function pageOf(browser: Browser, person: Person): Promise<Page> {
  const context = await browser.newContext();
  await signInThroughApi(context.request, person);
  return context.newPage();
}

test('a fleet manager adds a station and a car, invites a person who books once checked, blocks a damaged car and retires one', async ({
  browser,
}) => {
  const tag = Date.now().toString(36).slice(-5).toUpperCase();
  const manager = await pageOf(browser, personOf(world, 'fleet_manager'));
  const booker = await (await browser.newContext()).newPage();

  // A station and a car at it.
  const stationName = `Mobilitätsinsel Markt ${tag}`;
  await manager.goto('/fuhrpark/stationen');
  const stationForm = manager.getByRole('form', { name: 'Neue Station' });
  await fillStationForm(stationForm, {
    name: stationName,
    address: 'Markt 1',
    latitude: '51.2801',
    longitude: '12.5902',
    chargePoints: '1',
    notes: 'Schlüsseltresor am Rathaus.',
  });
  await stationForm.getByRole('button', { name: 'Speichern' }).click();
  await expect(manager.getByRole('status')).toHaveText(`Die Station ${stationName} ist angelegt.`);
  const station = (await query<Out['stations']['list']>(manager, 'stations.list')).find(
    (s) => s.name === stationName,
  );
  if (!station) throw new Error('the new station is not listed');
  await fleetNavigation(manager).getByRole('link', { name: 'Fahrzeuge' }).click();
  const plate = `L-PS ${tag}`;
  await fillCarForm(manager.getByRole('form', { name: 'Neues Fahrzeug' }), {
    plate,
    make: 'Volkswagen',
    model: 'ID.3',
    seats: '5',
    batteryKwh: '58',
    rangeKm: '420',
    stationId: station.id,
  });
  await manager
    .getByRole('form', { name: 'Neues Fahrzeug' })
    .getByRole('button', { name: 'Speichern' })
    .click();
  await expect(manager.getByRole('status')).toHaveText(`Das Fahrzeug ${plate} ist angelegt.`);
  await expectAccessible(manager, 'story: car added');

  // A new colleague is invited and sets a password; without a licence check they may not book.
  const staff = newPerson(tag.toLowerCase());
  await invitedAndSignedIn(manager, booker, staff, 'Sommer-im-Partheland-26');
  await expectAccessible(booker, 'story: invited person signed in');
  const [car, spare] = world.cars;
  if (!car || !spare) throw new Error('the world has two cars');
  const day = dayAhead(3);
  const attempt = {
    vehicleId: car.id,
    from: instantOf(day, '09:00', 'Europe/Berlin'),
    to: instantOf(day, '11:00', 'Europe/Berlin'),
  };
  const refused = await booker.request.post('/api/trpc/bookings.create', {
    data: superjson.serialize(attempt),
  });
  expect(refused.status()).toBe(403);
  await fleetNavigation(manager).getByRole('link', { name: 'Führerscheine' }).click();
  await manager.getByRole('button', { name: `Kontrolle für ${staff.name} erfassen` }).click();
  const check = manager.getByRole('form', { name: 'Kontrolle erfassen' });
  await check.getByLabel('Karte gültig bis (Feld 4b)').fill(dayAhead(1200));
  await check.getByRole('button', { name: 'Kontrolle speichern' }).click();
  await expect(check.getByRole('status')).toContainText(`Kontrolle für ${staff.name} gespeichert.`);
  await bookFromSearch(booker, {
    day,
    municipality: world.municipality.name,
    plate: car.plate,
    purpose: 'Ortsbegehung Schulweg',
  });
  const [booked] = (await query<Out['bookings']['mine']>(booker, 'bookings.mine')).filter(
    (b) => b.vehicle.id === car.id && b.status !== 'cancelled',
  );
  if (!booked) throw new Error('the booking is not in „Meine Buchungen“');

  // A damage found at the station: not drivable, so the car is blocked and the booking moves.
  await fleetNavigation(manager).getByRole('link', { name: 'Schäden' }).click();
  const record = manager.getByRole('form', { name: 'Schaden erfassen' });
  await record.getByRole('button', { name: 'Schaden erfassen' }).click();
  const carField = record.getByRole('combobox', { name: 'Fahrzeug' });
  await expect(carField).toHaveAttribute('aria-invalid', 'true');
  await expect(carField).toHaveAccessibleDescription('Bitte ein Fahrzeug wählen.');
  await expectAccessible(manager, 'story: damage form with field errors');
  await carField.selectOption(car.id);
  await record.getByLabel('Was ist beschädigt?').fill('Reifen vorn rechts platt, Felge verbogen');
  await record.getByLabel('Nein, nicht fahrbereit').check();
  await record.getByRole('button', { name: 'Schaden erfassen' }).click();
  const recorded = manager.getByRole('status').filter({ hasText: 'ist erfasst' });
  await expect(recorded).toHaveText(
    `Der Schaden an ${car.plate} ist erfasst. Das Fahrzeug ist gesperrt. Umgebucht: 1, storniert: 0. Meldung öffnen`,
  );
  await expect(recorded).toBeFocused();
  await expectAccessible(manager, 'story: damage recorded');
  const moved = await query<Out['bookings']['byId']>(booker, 'bookings.byId', { id: booked.id });
  expect(moved.vehicle.id).toBe(spare.id);
  await recorded.getByRole('link', { name: 'Meldung öffnen' }).click();
  await expect(manager.getByRole('heading', { level: 1 })).toHaveText(`Schaden an ${car.plate}`);
  await expect(manager.getByText('keine (vom Fuhrpark erfasst)')).toBeVisible();
  await expectAccessible(manager, 'story: damage recorded by the fleet, opened');

  // The new car is booked, then retired: its booking is moved or cancelled, and said so.
  const later = dayAhead(6);
  const onNewCar = await mutate<Out['bookings']['create']>(booker, 'bookings.create', {
    vehicleId: (await query<Out['vehicles']['managed']>(manager, 'vehicles.managed')).find(
      (c) => c.plate === plate,
    )?.id,
    from: instantOf(later, '13:00', 'Europe/Berlin'),
    to: instantOf(later, '15:00', 'Europe/Berlin'),
    purpose: 'Kreistag',
  });
  const panel = await previewRetirement(manager, plate, dayAhead(4));
  await expect(panel.getByText('Eine Buchung ist betroffen:')).toBeVisible();
  await confirmRetirement(manager, panel, plate);
  await expectAccessible(manager, 'story: car retired');
  const after = await query<Out['bookings']['byId']>(booker, 'bookings.byId', { id: onNewCar.id });
  expect(after.status === 'cancelled' || after.vehicle.plate !== plate).toBe(true);

  await manager.context().close();
  await booker.context().close();
});

// The operator's part of the story: the demo's cars are the ones with boxes behind gateways.
test('the operator rotates the fleet CA key; the demo boxes take it, and a demo car still opens', async ({
  browser,
}) => {
  const page = await pageOf(browser, personOf(world, 'operator'));
  const generation = await operatorRotatesCaKey(page);
  expect(generation).toBeGreaterThanOrEqual(2);

  // As e2e/unlock.spec.ts: the demo member of staff books a demo car for now and unlocks it, now
  // under the new key (the old one is gone from every box).
  const context = await browser.newContext();
  try {
    await signInThroughApi(context.request, demoStaff);
    const staff = await context.newPage();
    const from = await startingNow();
    const to = quartersAfter(from, 3);
    await staff.goto('/');
    await staff.getByLabel('Von (Datum)').fill(day(from));
    await staff.getByLabel('Von (Uhrzeit)').fill(clock(from));
    await staff.getByLabel('Bis (Datum)').fill(day(to));
    await staff.getByLabel('Bis (Uhrzeit)').fill(clock(to));
    await staff.getByLabel('Ort').selectOption({ label: `Alle Stationen: ${neighbour?.name}` });
    await staff.getByRole('button', { name: 'Suchen' }).click();
    const first = staff
      .getByRole('region', { name: /Fahrzeuge? frei/ })
      .locator('li[data-plate]')
      .first();
    await first.getByRole('button', { name: 'Buchen' }).click();
    await first.getByRole('button', { name: 'Verbindlich buchen' }).click();
    const booked = staff.getByRole('status').filter({ hasText: 'Gebucht:' });
    await booked.getByRole('link', { name: 'Buchung öffnen' }).click();
    const car = staff.getByRole('region', { name: 'Fahrzeug öffnen' });
    await car.getByRole('button', { name: 'Entriegeln' }).click();
    await expect(car.getByRole('status')).toHaveText('Box hat geantwortet: Das Fahrzeug ist entriegelt.', {
      timeout: 15_000,
    });
    await car.getByRole('button', { name: 'Fahrt beenden' }).click();
    await expect(car.getByRole('status')).toHaveText(
      'Box hat geantwortet: Die Fahrt ist beendet und das Fahrzeug verriegelt.',
      { timeout: 15_000 },
    );
  } finally {
    await context.close();
    await page.context().close();
  }
});
