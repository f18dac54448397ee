import type { Page } from '@playwright/test';
import { expectAccessible } from './accessibility';
import { dayAhead, expect, test } from './fixtures';

/**
 * Desktop and phone share the worker's world: each books on its own day, and on none that another
 * spec books (the night search ends on day 5 at 02:00, and its buffer reaches into 02:00–04:00).
 */
const dayOf = (project: string) => dayAhead(project === 'phone' ? 9 : 8);

async function openTimeline(page: Page, municipalityId: string, day: string, view: 'tag' | 'woche') {
  await page.goto(`/zeitplan?kommune=${municipalityId}&tag=${day}&ansicht=${view}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Zeitplan' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Legende' })).toContainText('belegt');
}

test('the day and week views list the cars with a legend', async ({ signedIn: page, world }, info) => {
  const day = dayOf(info.project.name);
  await openTimeline(page, world.municipality.id, day, 'tag');
  const grid = page.getByRole('region', { name: 'Zeitplan' });
  for (const car of world.cars) await expect(grid).toContainText(car.plate);
  await expectAccessible(page, 'timeline, day view');

  await page.getByRole('radio', { name: 'Woche' }).check();
  await page.getByRole('button', { name: 'Anzeigen' }).click();
  await expect(page).toHaveURL(/ansicht=woche/);
  await expect(page.getByRole('heading', { level: 2, name: world.municipality.name })).toContainText('–');
  await expectAccessible(page, 'timeline, week view');
});

test('dragging over free hours chooses a slot that is booked right there', async ({
  signedIn: page,
  world,
}, info) => {
  const day = dayOf(info.project.name);
  const car = world.cars[0];
  if (!car) throw new Error('no car');
  await openTimeline(page, world.municipality.id, day, 'tag');
  const track = page.locator(`[data-vehicle="${car.id}"]`);
  const box = await track.boundingBox();
  if (!box) throw new Error('no track');
  // From 02:00 to the end of 03:00, near the left where a phone shows it too.
  const at = (hour: number) => box.x + (box.width * hour) / 24;
  await page.mouse.move(at(2.5), box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(at(3.2), box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  const chosen = page.getByRole('status').filter({ hasText: 'Ausgewählt' });
  await expect(chosen).toBeFocused();
  await expect(chosen).toContainText(`${car.plate}`);
  await expect(chosen).toContainText('02:00 – 04:00');
  await expect(track).toContainText('Ihre Auswahl');
  await expectAccessible(page, 'timeline, slot dragged');

  await page.getByLabel('Zweck der Fahrt').fill('Bauausschuss');
  await page.getByRole('button', { name: 'Verbindlich buchen' }).click();
  const result = page.locator('#timeline-problem');
  await expect(result).toBeFocused();
  await expect(result).toContainText(`Gebucht: ${car.plate}`);
  await expect(track).toContainText('Ihre Buchung 02:00–04:00');
  await expectAccessible(page, 'timeline, booked by drag');
  await result.getByRole('link', { name: 'Buchung öffnen' }).click();
  await expect(page).toHaveURL(/\/buchungen\/[0-9a-f-]{36}$/);
});

test('the form chooses a slot by keyboard and books it', async ({ signedIn: page, world }, info) => {
  const day = dayOf(info.project.name);
  const car = world.cars[1];
  if (!car) throw new Error('no car');
  await openTimeline(page, world.municipality.id, day, 'tag');
  const form = page.getByRole('region', { name: 'Zeitraum wählen und buchen' });
  await form.getByRole('button', { name: 'Verbindlich buchen' }).click();
  await expect(form.getByRole('alert')).toContainText('Bitte Fahrzeug, Datum, Beginn und Ende angeben.');
  await expect(form.getByLabel('Fahrzeug')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'timeline, form incomplete');

  await form.getByLabel('Fahrzeug').focus();
  await form.getByLabel('Fahrzeug').selectOption(car.id);
  await form.getByLabel('Datum').fill(day);
  await form.getByLabel('Von').fill('05:00');
  await form.getByLabel('Bis').fill('06:00');
  await expect(page.locator(`[data-vehicle="${car.id}"]`)).toContainText('Ihre Auswahl 05:00–06:00');
  await form.getByLabel('Bis').press('Enter');
  const result = page.locator('#timeline-problem');
  await expect(result).toBeFocused();
  await expect(result).toContainText(`Gebucht: ${car.plate}`);
  await expect(page.locator(`[data-vehicle="${car.id}"]`)).toContainText('Ihre Buchung 05:00–06:00');
  await expectAccessible(page, 'timeline, booked by keyboard');

  // The same hour once more: the engine refuses, and the refusal takes the focus.
  await form.getByLabel('Von').fill('05:00');
  await form.getByLabel('Bis').fill('06:00');
  await form.getByRole('button', { name: 'Verbindlich buchen' }).click();
  await expect(result).toBeFocused();
  await expect(result).toContainText('bereits gebucht');
  await expectAccessible(page, 'timeline, slot taken');
});
