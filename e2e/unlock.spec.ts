import region from '../db/regions/partheland.json' with { type: 'json' };
import { expectAccessible } from './accessibility';
import { clock, day, quartersAfter, startingNow } from './clock';
import { demoStaff, expect, test } from './fixtures';

// The demo's cars are the ones with simulated boxes and station gateways, so this spec books one of
// them as the demo's member of staff; the other specs make their own world (e2e/factories.ts).

const home = region.municipalities.find(
  (m) => m.slug === region.demoUsers.find((u) => u.email === demoStaff.email)?.municipality,
);

test('book a car for now, unlock it, drive 10 km in the simulator, end the trip and see it', async ({
  demoSignedIn: page,
}) => {
  test.setTimeout(180_000);
  const from = await startingNow();
  const to = quartersAfter(from, 3);
  if (!home) throw new Error('the demo staff member has no municipality in the region file');

  await page.goto('/');
  await page.getByLabel('Von (Datum)').fill(day(from));
  await page.getByLabel('Von (Uhrzeit)').fill(clock(from));
  await page.getByLabel('Bis (Datum)').fill(day(to));
  await page.getByLabel('Bis (Uhrzeit)').fill(clock(to));
  await page.getByLabel('Ort').selectOption({ label: `Alle Stationen: ${home.name}` });
  await page.getByRole('button', { name: 'Suchen' }).click();
  const first = page
    .getByRole('region', { name: /Fahrzeuge? frei/ })
    .locator('li[data-plate]')
    .first();
  const plate = await first.getAttribute('data-plate');
  expect(plate).toBeTruthy();
  await first.getByRole('button', { name: 'Buchen' }).click();
  await first.getByRole('button', { name: 'Verbindlich buchen' }).click();
  const booked = page.getByRole('status').filter({ hasText: 'Gebucht:' });
  await expect(booked).toBeFocused();
  await booked.getByRole('link', { name: 'Buchung öffnen' }).click();
  await expect(page.getByRole('heading', { name: 'Buchung bestätigt' })).toBeVisible();
  await expect(page.getByText(plate ?? '')).toBeVisible();
  await expectAccessible(page, 'booking page before unlocking');

  // Unlock: the demo gateway of the car's station carries it to the simulated box.
  const car = page.getByRole('region', { name: 'Fahrzeug öffnen' });
  // Nothing to end before the car was opened with this booking.
  await expect(car.getByRole('button', { name: 'Fahrt beenden' })).toHaveCount(0);
  await car.getByRole('button', { name: 'Entriegeln' }).click();
  await expect(car.getByRole('status')).toHaveText('Box hat geantwortet: Das Fahrzeug ist entriegelt.', {
    timeout: 15_000,
  });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Unterwegs');
  await expectAccessible(page, 'booking page, unlocked');

  // Drive 10 km in the simulator.
  const simulator = page.getByRole('region', { name: 'Simulator' });
  const gauges = simulator.getByTestId('simulator-state');
  await expect(gauges).toContainText('Entriegelt');
  const odometer = async () =>
    Number(
      (/Kilometerstand ([\d.,]+) km/.exec((await gauges.textContent()) ?? '')?.[1] ?? 'NaN')
        .replaceAll('.', '')
        .replace(',', '.'),
    );
  const before = await odometer();
  await simulator.getByRole('button', { name: '10 km fahren' }).click();
  await expect.poll(odometer).toBeCloseTo(before + 10, 1);
  await expect(gauges).toContainText('Zündung aus');

  // Locking with a door open: the box refuses, and the page says it was the door.
  await simulator.getByRole('button', { name: 'Tür öffnen' }).click();
  await car.getByRole('button', { name: 'Verriegeln' }).click();
  await expect(car.getByRole('alert')).toHaveText(
    'Die Box hat abgelehnt: Eine Tür ist noch offen. Bitte zuerst alle Türen schließen.',
    { timeout: 15_000 },
  );
  await expectAccessible(page, 'booking page, lock refused');
  await simulator.getByRole('button', { name: 'Tür schließen' }).click();

  // End the trip: locked, booking completed, and the trip from the box's log.
  await car.getByRole('button', { name: 'Fahrt beenden' }).click();
  await expect(car.getByRole('status')).toHaveText(
    'Box hat geantwortet: Die Fahrt ist beendet und das Fahrzeug verriegelt.',
    { timeout: 15_000 },
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Abgeschlossen');
  const trip = page.getByRole('region', { name: 'Ihre Fahrt' });
  await expect(trip.getByRole('definition').first()).toHaveText('10 km', { timeout: 20_000 });
  await expect(trip).toContainText('Energie');
  await expect(trip).toContainText(/1[23] min/);
  await expect(trip).toContainText(/\d+ % → \d+ %/);
  await expectAccessible(page, 'booking page, trip ended');
});
