import type { inferRouterOutputs } from '@trpc/server';
import { instantOf } from '../app/lib/time';
import type { AppRouter } from '../server/root';
import { expectAccessible } from './accessibility';
import { pastTrip } from './factories';
import { dayAhead, expect, test } from './fixtures';
import { mutate, query } from './trpc';

type Out = inferRouterOutputs<AppRouter>;
const HOUR = 3_600_000;

// axe runs on every state the test visits: more time than the default 30 s on a busy machine.
test.describe.configure({ timeout: 180_000 });

test('a not-drivable damage blocks the car and moves its booking; the fleet repairs it and cancels a booking from the calendar', async ({
  staffPage: staff,
  managerPage: manager,
  staff: booker,
  world,
}) => {
  const [car, spare] = world.cars;
  if (!car || !spare) throw new Error('the world has two cars');
  const tomorrow = dayAhead(1);
  const coming = await mutate<Out['bookings']['create']>(staff, 'bookings.create', {
    vehicleId: car.id,
    from: instantOf(tomorrow, '10:00', 'Europe/Berlin'),
    to: instantOf(tomorrow, '12:00', 'Europe/Berlin'),
    purpose: 'Bauausschuss',
  });
  const ended = Date.now() - HOUR;
  const trip = await pastTrip(staff.request, {
    vehicleId: car.id,
    userId: booker.id,
    startsAt: new Date(ended - 2 * HOUR),
    endsAt: new Date(ended),
    km: 8,
  });

  // At the car: reported as not drivable.
  await staff.goto(`/buchungen/${trip.id}`);
  const report = staff.getByRole('region', { name: 'Schaden melden' });
  await report.getByLabel('Was ist beschädigt?').fill('Bremse schleift, Warnleuchte leuchtet');
  await report.getByLabel('Nein, nicht fahrbereit').check();
  await report.getByRole('button', { name: 'Schaden melden' }).click();
  await expect(report.getByRole('status')).toHaveText(/Der Schaden wurde gemeldet/);
  await expectAccessible(staff, 'not-drivable damage reported');
  // The car is blocked at once: tomorrow's booking is on the other car now.
  const moved = await query<Out['bookings']['byId']>(staff, 'bookings.byId', { id: coming.id });
  expect(moved.vehicle.id).toBe(spare.id);

  // The fleet manager's list and the report.
  await manager.goto('/fuhrpark/schaeden?stand=new');
  const card = manager.locator('li', { hasText: 'Bremse schleift' });
  await expect(card).toContainText('Neu');
  await expect(card).toContainText(car.plate);
  await expectAccessible(manager, 'damage list, new reports');
  await card.getByRole('link', { name: /Meldung zu .* öffnen/ }).click();
  await expect(manager.getByRole('heading', { level: 1 })).toHaveText(`Schaden an ${car.plate}`);
  await expect(manager.getByText(/gesperrt seit/)).toBeVisible();
  await expectAccessible(manager, 'damage report, new');

  const form = manager.getByRole('region', { name: 'Stand ändern' });
  // No state chosen: said at the field.
  await form.getByRole('button', { name: 'Stand speichern' }).click();
  await expect(form.getByLabel('Neuer Stand')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('Bitte einen neuen Stand wählen.')).toBeVisible();
  await expectAccessible(manager, 'damage state form with a field error');

  await form.getByLabel('Neuer Stand').selectOption({ label: 'In Reparatur' });
  await form.getByLabel(/^Notiz/).fill('Werkstatt Müller, Naunhof');
  await form.getByRole('button', { name: 'Stand speichern' }).click();
  await expect(form.getByRole('status')).toHaveText('Der Stand ist jetzt „In Reparatur“.');
  await expect(form.getByRole('status')).toBeFocused();
  await expect(manager.getByText('Werkstatt Müller, Naunhof')).toBeVisible();
  await expectAccessible(manager, 'damage report in repair');

  await form.getByLabel('Neuer Stand').selectOption({ label: 'Repariert' });
  await form.getByRole('button', { name: 'Stand speichern' }).click();
  await expect(manager.getByText('Diese Meldung ist abgeschlossen.')).toBeVisible();
  await expect(manager.getByText(/war gesperrt von/)).toBeVisible();
  await expectAccessible(manager, 'damage report repaired');
  // Bookable again.
  const again = await query<Out['damage']['openOfCars']>(staff, 'damage.openOfCars', {
    vehicleIds: [car.id],
  });
  expect(again).toEqual([]);

  // The fleet calendar: tomorrow's booking, cancelled with a reason.
  await manager.goto(`/fuhrpark/kalender?tag=${tomorrow}&ansicht=tag`);
  const listed = manager.locator('li[data-booking]', { hasText: spare.plate });
  await expect(listed).toContainText(booker.name);
  await expect(manager.locator(`button[data-booking="${coming.id}"]`)).toBeVisible();
  await expectAccessible(manager, 'fleet calendar, a day');
  await listed.getByRole('button', { name: /bearbeiten/ }).click();
  const editor = manager.locator(`[data-editor="${coming.id}"]`);
  await expect(editor.getByRole('heading', { level: 2 })).toBeFocused();
  await editor.getByRole('button', { name: 'Buchung stornieren' }).click();
  await expect(editor.getByLabel(/^Begründung/)).toHaveAttribute('aria-invalid', 'true');
  await expect(editor.getByText('Bitte eine Begründung mit mindestens 3 Zeichen angeben.')).toBeVisible();
  await expectAccessible(manager, 'booking editor with a field error');
  await editor.getByLabel(/^Begründung/).fill('Fahrzeug wird für den Katastrophenschutz gebraucht');
  await editor.getByRole('button', { name: 'Buchung stornieren' }).click();
  await expect(manager.getByRole('status').filter({ hasText: 'storniert' })).toBeFocused();
  await expect(manager.getByText('In diesem Zeitraum gibt es keine Buchungen.')).toBeVisible();
  await expectAccessible(manager, 'fleet calendar after the cancellation');
  const cancelled = await query<Out['bookings']['byId']>(staff, 'bookings.byId', { id: coming.id });
  expect(cancelled.status).toBe('cancelled');
});
