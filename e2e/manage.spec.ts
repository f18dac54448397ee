import type { Page } from '@playwright/test';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { instantOf } from '../app/lib/time';
import type { AppRouter } from '../server/root';
import { expectAccessible } from './accessibility';
import { dayAhead, expect, test } from './fixtures';
import { mutate, query } from './trpc';

type In = inferRouterInputs<AppRouter>;
type Out = inferRouterOutputs<AppRouter>;
type Car = Out['vehicles']['managed'][number];

const at = (day: string, time: string) => instantOf(day, time, 'Europe/Berlin');

const runId = () => Date.now().toString(36);

function book(staff: Page, car: Car, day: string, purpose: string) {
  const input: In['bookings']['create'] = {
    vehicleId: car.id,
    from: at(day, '10:00'),
    to: at(day, '12:00'),
    purpose,
  };
  return mutate<Out['bookings']['create']>(staff.request, 'bookings.create', input);
}

// axe runs on every state the tests visit: more time than the default 30 s on a busy machine.
test.describe.configure({ timeout: 120_000 });

/**
 * The car the server would move a booking to: same station, owner and powertrain, enough seats
 * (the managed cars are all the manager's municipality's).
 */
function standInFor(car: Car, cars: Car[]): Car | undefined {
  return cars
    .filter((c) => c.id !== car.id && c.station.id === car.station.id && c.status === 'in_service')
    .filter((c) => c.seats >= car.seats && c.powertrain === car.powertrain)
    .sort((a, b) => a.seats - b.seats || a.plate.localeCompare(b.plate))[0];
}

test('with „Freigabe“ on, a booking waits until the fleet manager approves or declines it', async ({
  staffPage: staff,
  managerPage: manager,
  staff: booker,
}) => {
  const me = await query<Out['auth']['me']>(manager, 'auth.me');
  const municipalityId = me?.municipalityId;
  if (!municipalityId) throw new Error('the fleet manager has no municipality');
  const before = await query<Out['policies']['get']>(manager, 'policies.get', { municipalityId });
  const [car] = (await query<Car[]>(manager, 'vehicles.managed')).filter((c) => c.status === 'in_service');
  if (!car) throw new Error('the fleet manager has no car in service');
  const day = dayAhead(4);
  const run = runId();

  try {
    await manager.goto('/fuhrpark/regeln');
    const approval = manager.getByLabel('Buchungen brauchen eine Freigabe');
    await expect(approval).not.toBeChecked();
    await expect(manager.getByLabel('Buchungshorizont (Tage)')).toHaveValue(String(before.horizonDays));
    await expectAccessible(manager, 'booking rules');
    await approval.check();
    await manager.getByRole('button', { name: 'Regeln speichern' }).click();
    await expect(manager.getByRole('status')).toHaveText('Die Buchungsregeln sind gespeichert.');
    await expectAccessible(manager, 'booking rules saved');

    const wanted = await book(staff, car, day, `Freigabe ja ${run}`);
    const unwanted = await mutate<Out['bookings']['create']>(staff.request, 'bookings.create', {
      vehicleId: car.id,
      from: at(day, '14:00'),
      to: at(day, '15:00'),
      purpose: `Freigabe nein ${run}`,
    });
    expect([wanted.status, unwanted.status]).toEqual(['pending', 'pending']);
    await staff.goto('/buchungen');
    const mine = staff.getByRole('listitem').filter({ hasText: `Freigabe ja ${run}` });
    await expect(mine).toContainText('Wartet auf Freigabe');

    await manager.getByRole('link', { name: 'Freigaben' }).click();
    await expect(manager.getByRole('heading', { name: 'Buchungen zur Freigabe' })).toBeVisible();
    const request = manager.getByRole('listitem').filter({ hasText: `Freigabe ja ${run}` });
    await expect(request).toContainText(booker.name);
    await expect(request).toContainText(car.plate);
    await expectAccessible(manager, 'approval queue');
    await request.getByRole('button', { name: 'Freigeben' }).click();
    await expect(manager.getByRole('status')).toHaveText(`Buchung von ${booker.name} freigegeben.`);
    await expect(request).toHaveCount(0);

    const other = manager.getByRole('listitem').filter({ hasText: `Freigabe nein ${run}` });
    await other.getByRole('button', { name: 'Ablehnen' }).click();
    await other.getByLabel('Grund der Ablehnung').fill('Fahrzeug wird für den Bauhof gebraucht');
    await expectAccessible(manager, 'declining with a reason');
    await other.getByRole('button', { name: 'Ablehnung senden' }).click();
    await expect(manager.getByRole('status')).toHaveText(`Buchung von ${booker.name} abgelehnt.`);
    await expect(other).toHaveCount(0);
    await expectAccessible(manager, 'approval queue after deciding');

    await staff.reload();
    await expect(mine).toContainText('Reserviert');
    await expect(staff.getByRole('listitem').filter({ hasText: `Freigabe nein ${run}` })).toContainText(
      'Storniert',
    );
    await mutate(staff.request, 'bookings.cancel', { id: wanted.id });
  } finally {
    await mutate(manager.request, 'policies.update', { municipalityId, ...before });
  }
});

test('a block over bookings shows first which are moved and which cancelled, then does it', async ({
  staffPage: staff,
  managerPage: manager,
  staff: booker,
}) => {
  const cars = (await query<Car[]>(manager, 'vehicles.managed')).filter((c) => c.status === 'in_service');
  // One car whose booking has nowhere to go, and one whose stand-in is not that car (it is booked too).
  const stranded = cars.find((c) => !standInFor(c, cars));
  const movable = cars.find((c) => c !== stranded && standInFor(c, cars) && standInFor(c, cars) !== stranded);
  const standIn = movable && standInFor(movable, cars);
  if (!movable || !stranded || !standIn)
    throw new Error('the world lacks a car with and one without a stand-in');
  const day = dayAhead(5);
  const run = runId();
  const moved = await book(staff, movable, day, `Umbuchen ${run}`);
  await book(staff, stranded, day, `Stornieren ${run}`);

  await manager.goto('/fuhrpark/sperrzeiten');
  const form = manager.getByRole('form', { name: 'Fahrzeug sperren' });
  await expect(form).toBeVisible();
  await expectAccessible(manager, 'blocks');
  for (const [car, outcome, result] of [
    [movable, `wird auf ${standIn.plate} umgebucht`, 'Sperrzeit eingetragen: 1 Buchung umgebucht.'],
    [stranded, 'wird storniert – kein Ersatzfahrzeug frei', 'Sperrzeit eingetragen: 1 Buchung storniert.'],
  ] as const) {
    await form.getByLabel('Fahrzeug').selectOption(car.id);
    await form.getByLabel('Von (Datum)').fill(day);
    await form.getByLabel('Von (Uhrzeit)').fill('08:00');
    await form.getByLabel('Bis (Datum)').fill(day);
    await form.getByLabel('Bis (Uhrzeit)').fill('16:00');
    await form.getByLabel('Art').selectOption({ label: 'Wartung' });
    await form.getByLabel('Grund').fill(`Reifenwechsel ${run}`);
    await form.getByRole('button', { name: 'Prüfen' }).click();

    const preview = form.getByRole('region', { name: 'Vorschau' });
    await expect(preview).toContainText('Diese Buchung liegt im Weg:');
    await expect(preview.getByRole('listitem')).toHaveCount(1);
    await expect(preview.getByRole('listitem')).toContainText(booker.name);
    await expect(preview.getByRole('listitem')).toContainText(outcome);
    await expectAccessible(manager, `block preview (${outcome})`);
    await preview.getByRole('button', { name: 'Sperren, umbuchen und stornieren' }).click();
    await expect(manager.getByRole('status')).toContainText(result);
    await expect(
      manager
        .getByRole('listitem')
        .filter({ hasText: car.plate })
        .filter({ hasText: `Reifenwechsel ${run}` }),
    ).toContainText('Wartung');
    await expectAccessible(manager, 'block entered');
  }

  await staff.goto('/buchungen');
  const movedBooking = staff.getByRole('listitem').filter({ hasText: `Umbuchen ${run}` });
  await expect(movedBooking).toContainText(standIn.plate);
  await expect(movedBooking).toContainText('Reserviert');
  await expect(staff.getByRole('listitem').filter({ hasText: `Stornieren ${run}` })).toContainText(
    'Storniert',
  );

  for (const car of [movable, stranded]) {
    const block = manager
      .getByRole('listitem')
      .filter({ hasText: car.plate })
      .filter({ hasText: `Reifenwechsel ${run}` });
    manager.once('dialog', (dialog) => dialog.accept());
    await block.getByRole('button', { name: 'Sperrzeit aufheben' }).click();
    await expect(manager.getByRole('status')).toHaveText('Sperrzeit aufgehoben.');
    await expect(block).toHaveCount(0);
  }
  await mutate(staff.request, 'bookings.cancel', { id: moved.id });
});

test('staff are sent away from the fleet pages and see no „Fuhrpark“ link', async ({ staffPage: staff }) => {
  await staff.goto('/buchungen');
  await expect(staff.getByRole('heading', { name: 'Meine Buchungen' })).toBeVisible();
  await expect(staff.getByRole('link', { name: 'Fuhrpark', exact: true })).toHaveCount(0);
  await staff.goto('/fuhrpark/freigaben');
  await expect(staff).toHaveURL(/\/$/);
});

test('the fleet manager reaches „Fuhrpark“ from the top bar; a wrong rule is refused at its field', async ({
  managerPage: manager,
}) => {
  await manager.goto('/');
  await manager.getByRole('link', { name: 'Fuhrpark', exact: true }).click();
  await expect(manager).toHaveURL(/\/fuhrpark\/freigaben$/);
  await manager.getByRole('link', { name: 'Buchungsregeln' }).click();
  await manager.getByLabel('Für andere buchbar ab (Uhrzeit)').fill('18:00');
  await manager.getByLabel('Für andere buchbar bis (Uhrzeit)').fill('07:00');
  await manager.getByRole('button', { name: 'Regeln speichern' }).click();
  await expect(manager.getByRole('main').getByRole('alert')).toHaveText(
    'Bitte prüfen Sie die markierten Eingaben.',
  );
  await expect(manager.getByText('Das Ende muss nach dem Beginn liegen.')).toBeVisible();
  await expectAccessible(manager, 'booking rules refused');
});
