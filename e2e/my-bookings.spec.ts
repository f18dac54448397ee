import type { Page } from '@playwright/test';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../server/root';
import { expectAccessible } from './accessibility';
import { createWorld, pastTrip, personOf, removeWorld, type World } from './factories';
import { expect, signInThroughApi, test } from './fixtures';
import { mutate } from './trpc';

type Booking = inferRouterOutputs<AppRouter>['bookings']['create'];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const QUARTER = 15 * 60_000;

/** A procedure called over HTTP as the page's signed-in person, in the app's own wire format. */

/** A window `startMs` ahead (on a quarter hour), `hours` long. */
function ahead(startMs: number, hours: number) {
  const from = new Date(Math.ceil((Date.now() + startMs) / QUARTER) * QUARTER);
  return { from, to: new Date(from.getTime() + hours * HOUR) };
}

/**
 * A person of their own with 18 bookings: one starting within the hour (Jetzt), three in the next
 * days (Anstehend), twelve completed trips (Vergangen, two pages), two cancelled (Storniert).
 */
async function bookingsWorld(page: Page) {
  const world = await createWorld(page.request, { cars: [{ seats: 5 }, { seats: 5 }] });
  const staff = personOf(world, 'staff');
  const [carA, carB] = world.cars;
  if (!carA || !carB) throw new Error('the world has too few cars');
  const past = [];
  for (let i = 1; i <= 12; i++) {
    const startsAt = new Date(Date.now() - i * DAY);
    past.push(
      await pastTrip(page.request, {
        vehicleId: carA.id,
        userId: staff.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * HOUR),
        km: 12,
      }),
    );
  }
  await signInThroughApi(page.request, staff);
  const book = (window: { from: Date; to: Date }) =>
    mutate<Booking>(page.request, 'bookings.create', { vehicleId: carB.id, ...window });
  const soon = await book(ahead(HOUR, 1));
  const upcoming = [
    await book(ahead(2 * DAY, 2)),
    await book(ahead(3 * DAY, 2)),
    await book(ahead(4 * DAY, 2)),
  ];
  for (const days of [5, 6]) {
    const cancelled = await book(ahead(days * DAY, 2));
    await mutate(page.request, 'bookings.cancel', { id: cancelled.id });
  }
  return { world, staff, soon, upcoming, past };
}

const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const cards = (page: Page, name: string) => section(page, name).getByRole('listitem');

test.describe('Meine Buchungen and the booking page', () => {
  let world: World | undefined;
  test.afterEach(async ({ request }) => {
    if (world) await removeWorld(request, world);
    world = undefined;
  });

  test('four sections, paged on the server; a past booking opens; a cancellation says so beside it', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const made = await bookingsWorld(page);
    world = made.world;
    await page.goto('/buchungen');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Meine Buchungen');
    await expect(page).toHaveTitle(/Meine Buchungen/);
    await expect(cards(page, 'Jetzt')).toHaveCount(1);
    await expect(cards(page, 'Anstehend')).toHaveCount(3);
    await expect(cards(page, 'Vergangen')).toHaveCount(10);
    await expect(cards(page, 'Storniert')).toHaveCount(2);
    await expect(section(page, 'Vergangen')).toContainText('Seite 1 von 2 (12 Buchungen)');
    await expect(cards(page, 'Storniert').first()).toContainText('Storniert');
    // 18 bookings, not one long page; and the top bar on one line, on the phone too.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(6400);
    const bar = await page.locator('nav.topbar').boundingBox();
    expect(bar?.height ?? 0).toBeLessThan(64);
    await expectAccessible(page, 'my bookings');

    const pastPages = section(page, 'Vergangen').getByRole('navigation', { name: 'Vergangen: Seiten' });
    await pastPages.getByRole('button', { name: 'Nächste Seite' }).click();
    await expect(section(page, 'Vergangen')).toContainText('Seite 2 von 2');
    await expect(cards(page, 'Vergangen')).toHaveCount(2);
    await expectAccessible(page, 'my bookings, past page 2');

    // The oldest trip opens, read-only, with its trip.
    await cards(page, 'Vergangen').last().getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/buchungen/${made.past[11]?.id ?? 'none'}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Abgeschlossen');
    await expect(page.getByText('Diese Buchung ist vorbei. Sie können sie nur noch ansehen.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Stornieren' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Ihre Fahrt' })).toContainText('12 km');
    await expectAccessible(page, 'past booking');
    await page.getByRole('link', { name: 'Zu meinen Buchungen' }).click();

    // Cancel the first upcoming booking: the result stands where it was, focused.
    const first = cards(page, 'Anstehend').first();
    await expect(first).toContainText('Reserviert');
    page.once('dialog', (dialog) => dialog.accept());
    await first.getByRole('button', { name: 'Stornieren' }).click();
    const result = section(page, 'Anstehend').getByRole('status');
    await expect(result).toHaveText('Buchung storniert.');
    await expect(result).toBeFocused();
    await expect(section(page, 'Anstehend')).toContainText('Sie steht jetzt unter „Storniert“.');
    await expect(cards(page, 'Storniert')).toHaveCount(3);
    await expectAccessible(page, 'my bookings after cancelling');
  });

  test('at the car: status, countdown, directions, calendar file, and the last state offline', async ({
    page,
    context,
  }) => {
    test.setTimeout(120_000);
    const made = await bookingsWorld(page);
    world = made.world;
    await page.goto('/buchungen');
    await cards(page, 'Jetzt').first().getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/buchungen/${made.soon.id}$`));
    await expect(page).toHaveTitle(/Buchung/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Buchung bestätigt');
    await expect(page.getByRole('timer')).toHaveText(/^Beginnt in \d+ (Std\.|Min\.)/);
    const directions = page.getByRole('region', { name: 'Weg zum Fahrzeug' });
    await expect(directions.getByRole('link', { name: 'Route in der Karten-App öffnen' })).toHaveAttribute(
      'href',
      /^geo:51\.3,12\.6\?q=51\.3,12\.6\(/,
    );
    const ics = page.getByRole('link', { name: /\.ics/ });
    const calendar = await page.request.get((await ics.getAttribute('href')) ?? '');
    expect(calendar.status()).toBe(200);
    expect(await calendar.text()).toContain('BEGIN:VCALENDAR');
    await expectAccessible(page, 'booking page');

    // Once the worker keeps the page, it opens without coverage as it last was.
    await expect
      .poll(() =>
        page.evaluate(async () => {
          await navigator.serviceWorker.ready;
          const cache = await caches.open('pm-booking-pages-v1');
          return Boolean(navigator.serviceWorker.controller && (await cache.match(location.pathname)));
        }),
      )
      .toBe(true);
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('status').filter({ hasText: 'Offline' })).toHaveText(
      /^Offline – Stand von \d\d:\d\d Uhr$/,
    );
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Buchung bestätigt');
    await expect(page.getByText(made.world.cars[1]?.plate ?? 'none')).toBeVisible();
    await expectAccessible(page, 'booking page offline');
    await context.setOffline(false);

    // Signing out forgets the booking on this device.
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await expect(page).toHaveURL(/\/anmelden/);
    const kept = await page.evaluate(async () => ({
      stored: Object.keys(localStorage).filter((key) => key.startsWith('pm.booking.')).length,
      cached: await caches.has('pm-booking-pages-v1'),
    }));
    expect(kept).toEqual({ stored: 0, cached: false });
  });

  test('installable: the manifest and its icons are served', async ({ request }) => {
    const response = await request.get('/manifest.webmanifest');
    expect(response.ok()).toBe(true);
    const manifest = await response.json();
    expect(manifest).toMatchObject({
      short_name: 'ParthelandMobil',
      start_url: '/buchungen',
      display: 'standalone',
    });
    for (const icon of manifest.icons as { src: string }[]) {
      const image = await request.get(icon.src);
      expect(image.headers()['content-type'], icon.src).toBe('image/png');
    }
    expect((await request.get('/booking-worker.js')).ok()).toBe(true);
  });
});
