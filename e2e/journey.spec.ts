import { readFile } from 'node:fs/promises';
import type { Page, TestInfo } from '@playwright/test';
import sharp from 'sharp';
import { de } from '../app/messages/de';
import { en } from '../app/messages/en';
import region from '../db/regions/partheland.json' with { type: 'json' };
import { expectAccessible } from './accessibility';
import { clock, day, quartersAfter, startingNow } from './clock';
import { demoStaff, expect, test } from './fixtures';

// A member of staff's whole way with a car, through the pages as they are: search, map, timeline,
// booking, calendar file, unlocking in the demo, a damage, the end, the trip and the logbook. The
// car is one of the demo's (only they have simulated boxes), of a municipality that keeps a logbook.

const home = region.municipalities.find(
  (m) => m.slug === region.demoUsers.find((u) => u.email === demoStaff.email)?.municipality,
);

/** A full-page picture of a main page, under a name that stays the same from run to run. */
async function screenshot(page: Page, info: TestInfo, language: 'de' | 'en', name: string) {
  const prefix = language === 'en' ? `${info.project.name}-en` : info.project.name;
  await page.screenshot({ path: `e2e-screenshots/${prefix}-${name}.png`, fullPage: true });
}

/** The .ics's DTSTART of an instant in the region: its wall time with the zone's TZID. */
const dtstart = (at: Date) =>
  `DTSTART;TZID=Europe/Berlin:${day(at).replaceAll('-', '')}T${clock(at).replace(':', '')}00`;

/** Puts the signed-in person's account in a language through the switch in the top bar. */
async function switchLanguage(page: Page, to: 'de' | 'en') {
  const from = to === 'en' ? de : en;
  await page.getByRole('button', { name: from.language.switchLabel }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', to);
}

async function journey(page: Page, info: TestInfo, language: 'de' | 'en') {
  const t = language === 'en' ? en : de;
  if (!home) throw new Error('the demo staff member has no municipality in the region file');
  expect(home.logbookRequired, 'the journey needs a municipality that keeps a logbook').toBe(true);
  const stationNames = home.stations.map((s) => s.name);

  await page.goto('/');
  if (language === 'en') {
    await switchLanguage(page, 'en');
    await expect(page.getByRole('heading', { level: 1, name: 'Find a free car' })).toBeVisible();
  }

  // Search: a window from now, the municipality's stations.
  const from = await startingNow();
  const to = quartersAfter(from, 3);
  await page.getByLabel(t.search.fromDate).fill(day(from));
  await page.getByLabel(t.search.fromTime).fill(clock(from));
  await page.getByLabel(t.search.toDate).fill(day(to));
  await page.getByLabel(t.search.toTime).fill(clock(to));
  await page
    .getByRole('combobox', { name: t.search.place })
    .selectOption({ label: t.search.allOf(home.name) });
  await page.getByRole('button', { name: t.search.submit, exact: true }).click();
  const free = page.locator('li[data-plate]');
  await expect(free.first()).toBeVisible();
  const plates = await free.evaluateAll((cards) =>
    cards.map((card) => card.getAttribute('data-plate') ?? ''),
  );
  const firstCard = (await free.first().textContent()) ?? '';
  const station = stationNames.find((name) => firstCard.includes(name));
  if (!station) throw new Error(`the first free car is at none of ${stationNames.join(', ')}`);

  // The map below the list: the station's marker, chosen by keyboard, leads to its timeline.
  const map = page.getByRole('region', { name: t.map.title });
  const marker = map.getByRole('button', { name: new RegExp(`^${station}: `) });
  await expect(marker).toBeVisible();
  await expectAccessible(page, `${language}: search results with the map`);
  await screenshot(page, info, language, 'search');
  await marker.focus();
  await page.keyboard.press('Enter');
  const chosen = map.getByRole('status');
  await expect(chosen).toContainText(t.map.selected(station, home.name));
  await expectAccessible(page, `${language}: station chosen on the map`);
  await chosen.getByRole('link', { name: t.map.timeline }).click();
  await expect(page).toHaveURL(/\/zeitplan\?station=[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: t.timeline.title })).toBeVisible();

  // Timeline: a car the search found free, the same window, by the keyboard's form.
  const form = page.getByRole('region', { name: t.timeline.chooseTitle });
  const vehicle = form.getByRole('combobox', { name: t.timeline.vehicle });
  const option = vehicle
    .locator('option')
    .filter({ hasText: new RegExp(`^(${plates.join('|')}) · `) })
    .first();
  const plate = ((await option.textContent()) ?? '').split(' · ')[0] ?? '';
  const vehicleId = (await option.getAttribute('value')) ?? '';
  await vehicle.selectOption(vehicleId);
  await form.getByLabel(t.timeline.date, { exact: true }).fill(day(from));
  await form.getByLabel(t.timeline.from, { exact: true }).fill(clock(from));
  await form.getByLabel(t.timeline.to, { exact: true }).fill(clock(to));
  const track = page.locator(`[data-vehicle="${vehicleId}"]`);
  await expect(track).toContainText(t.timeline.slot(t.timeline.selected, clock(from), clock(to)));
  await form.getByLabel(t.timeline.purpose).fill(language === 'en' ? 'Site visit' : 'Ortsbegehung');
  await expectAccessible(page, `${language}: timeline with a slot chosen`);
  await screenshot(page, info, language, 'timeline');
  await form.getByRole('button', { name: t.timeline.book }).click();
  const result = page.locator('#timeline-problem');
  await expect(result).toBeFocused();
  await expect(result).toContainText(t.timeline.bookedResult(plate, '').slice(0, -3));
  await expect(result).toContainText(clock(from));
  await expect(track).toContainText(t.timeline.slot(t.timeline.own, clock(from), clock(to)));
  await expectAccessible(page, `${language}: timeline, booked`);
  await result.getByRole('link', { name: t.timeline.openBooking }).click();

  // The booking page: its calendar file, in the region's time.
  await expect(page.getByRole('heading', { level: 1, name: t.bookings.confirmedTitle })).toBeVisible();
  await expect(page.getByText(plate)).toBeVisible();
  await expectAccessible(page, `${language}: booking confirmed`);
  await screenshot(page, info, language, 'booking');
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: t.bookings.downloadIcs }).click();
  const download = await downloading;
  // The file is named in the person's language too (server/messages).
  expect(download.suggestedFilename()).toBe(language === 'en' ? 'booking.ics' : 'buchung.ics');
  const ics = await readFile(await download.path(), 'utf8');
  expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin');
  expect(ics).toContain(`${dtstart(from)}\r\n`);
  expect(ics).toContain(plate);

  // Unlock in the demo: the station's gateway carries it to the simulated box.
  const car = page.getByRole('region', { name: t.car.title });
  await car.getByRole('button', { name: t.car.unlock, exact: true }).click();
  await expect(car.getByRole('status')).toHaveText(new RegExp(`^${t.car.answered} `), { timeout: 15_000 });
  // The box's answer comes from the server, in the person's language too.
  await expect(car.getByRole('status')).toHaveText(
    `${t.car.answered} ${language === 'en' ? 'The car is unlocked.' : 'Das Fahrzeug ist entriegelt.'}`,
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.status.active);
  const simulator = page.getByRole('region', { name: t.car.simulator.title });
  await expect(simulator.getByTestId('simulator-state')).toContainText(t.car.simulator.unlocked);
  await expectAccessible(page, `${language}: unlocked`);
  await screenshot(page, info, language, 'booking-unlocked');

  // A damage with a photo, reported at the car.
  const damage = page.getByRole('region', { name: t.damage.title });
  const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#7a5230' } })
    .png()
    .toBuffer();
  await damage
    .getByLabel(t.damage.description)
    .fill(language === 'en' ? 'Dent in the bumper' : 'Delle im Stoßfänger');
  await damage.getByLabel(t.damage.drivableYes).check();
  await damage
    .getByLabel(/^(Fotos|Photos)/)
    .setInputFiles({ name: 'delle.png', mimeType: 'image/png', buffer: photo });
  await damage.getByRole('button', { name: t.damage.submit }).click();
  await expect(damage.getByRole('status')).toHaveText(t.damage.reported(1));
  await expect(damage.getByRole('img', { name: t.damage.photoAlt(1) })).toBeVisible();
  await expectAccessible(page, `${language}: damage reported`);

  // A short drive, then the end: the trip comes with the box's log.
  await simulator.getByRole('button', { name: t.car.simulator.drive }).click();
  await expect(simulator.getByTestId('simulator-state')).toContainText(t.car.simulator.ignitionIsOff);
  await car.getByRole('button', { name: t.car.end }).click();
  await expect(car.getByRole('status')).toHaveText(new RegExp(`^${t.car.answered} `), { timeout: 15_000 });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.status.completed);
  const trip = page.getByRole('region', { name: t.car.trip.title });
  await expect(trip.getByRole('definition').first()).toHaveText(t.car.trip.km(10), { timeout: 20_000 });

  // The logbook of the trip, which the municipality requires.
  const logbook = page.getByRole('region', { name: t.logbook.title });
  const destination = language === 'en' ? 'District office Borna' : 'Landratsamt Borna';
  await logbook.getByLabel(t.logbook.purpose).fill(language === 'en' ? 'Site visit' : 'Ortsbegehung');
  await logbook.getByLabel(t.logbook.destination, { exact: true }).fill(destination);
  await logbook.getByRole('button', { name: t.logbook.save }).click();
  await expect(logbook.getByRole('status')).toHaveText(t.logbook.saved);
  await expectAccessible(page, `${language}: trip ended, logbook saved`);
  await screenshot(page, info, language, 'booking-completed');
  const bookingUrl = page.url();

  // My trips: the trip just ended, first.
  await page.getByRole('link', { name: t.nav.myTrips }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.myTrips.title })).toBeVisible();
  const newest = page.getByRole('table', { name: t.myTrips.caption }).getByRole('row').nth(1);
  await expect(newest).toContainText(plate);
  await expect(newest).toContainText('10');
  await expectAccessible(page, `${language}: my trips`);
  await screenshot(page, info, language, 'trips');

  // The logbook entry stays with the booking.
  await page.goto(bookingUrl);
  const kept = page.getByRole('region', { name: t.logbook.title });
  await expect(kept.getByLabel(t.logbook.destination, { exact: true })).toHaveValue(destination);
  await expect(kept.getByRole('listitem')).toHaveCount(1);
  await expect(kept.getByRole('listitem')).toContainText(destination);
  await expectAccessible(page, `${language}: booking with its logbook entry`);
}

test.describe('the journey of a member of staff', () => {
  // Unlocking needs a start within the key's window: the quarter may be waited for.
  test.describe.configure({ timeout: 240_000 });
  // A step that waits, waits for the app, not for the quarter: a stuck one fails soon.
  test.use({ actionTimeout: 15_000 });

  test('search, map, timeline, booking, calendar file, unlock, damage, end, trips and logbook', async ({
    demoSignedIn: page,
  }, info) => {
    await journey(page, info, 'de');
  });

  test('the same in English', async ({ demoSignedIn: page }, info) => {
    // Once, on the desktop: each journey holds one of the municipality's five demo cars till its quarter is over.
    test.skip(info.project.name !== 'desktop', 'the English journey runs on the desktop');
    try {
      await journey(page, info, 'en');
      await switchLanguage(page, 'de');
    } finally {
      // The language is the account's: the demo's member of staff must stay German for the other specs.
      await page.request.post('/api/trpc/auth.setLanguage', { data: { json: { language: 'de' } } });
    }
  });
});
