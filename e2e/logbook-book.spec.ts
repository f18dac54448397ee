import type { BrowserContext } from '@playwright/test';
import { expectAccessible } from './accessibility';
import { createWorld, pastTrip, personOf, removeWorld } from './factories';
import { expect, signInThroughApi, test } from './fixtures';
import { mutate } from './trpc';

test('the fleet reads a car’s Fahrtenbuch with a changed entry and exports it; the driver reads their own', async ({
  browser,
  managerPage,
  request,
}, testInfo) => {
  test.setTimeout(120_000);
  const world = await createWorld(request, { people: ['staff', 'fleet_manager'], logbookRequired: true });
  // Closed at the end: a context left open keeps its pages (and their rendering) into the next specs.
  const contexts: BrowserContext[] = [];
  try {
    const [car] = world.cars;
    if (!car) throw new Error('the world has no car');
    const startsAt = new Date(Date.now() - 2 * 86_400_000);
    const booking = await pastTrip(request, {
      vehicleId: car.id,
      userId: personOf(world, 'staff').id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
      km: 23,
    });
    const { baseURL, viewport, userAgent, isMobile, hasTouch, deviceScaleFactor, locale, timezoneId } =
      testInfo.project.use;
    const as = async (person: ReturnType<typeof personOf>) => {
      const context = await browser.newContext({
        baseURL,
        viewport,
        userAgent,
        isMobile,
        hasTouch,
        deviceScaleFactor,
        locale,
        timezoneId,
      });
      contexts.push(context);
      await signInThroughApi(context.request, person);
      return context;
    };
    const driver = await as(personOf(world, 'staff'));
    const entry = { bookingId: booking.id, purpose: 'Bauausschuss', destination: 'Landratsamt Borna' };
    await mutate(driver.request, 'logbook.save', entry);
    await mutate(driver.request, 'logbook.save', { ...entry, destination: 'Rathaus Grimma' });

    const fleet = await (await as(personOf(world, 'fleet_manager'))).newPage();
    await fleet.goto('/fuhrpark/fahrtenbuch');
    await expectAccessible(fleet, 'logbook: no car chosen');
    await fleet.getByRole('combobox', { name: /^Fahrzeug/ }).selectOption(car.id);
    const table = fleet.getByRole('table', { name: new RegExp(`Fahrtenbuch ${car.plate}`) });
    const row = table.getByRole('row').filter({ hasText: 'Rathaus Grimma' });
    await expect(row).toContainText('23');
    await expect(fleet.getByText('Gefahren im Zeitraum: 23 km')).toBeVisible();
    await expect(row).toContainText('ja');
    await expect(fleet.getByRole('heading', { name: 'Spätere Änderungen' })).toBeVisible();
    await expect(fleet.getByText(/Fassung 1, geschrieben am .*Landratsamt Borna/)).toBeVisible();
    await expectAccessible(fleet, 'logbook of a car');
    const pdfHref = await fleet.getByRole('link', { name: 'Als PDF herunterladen' }).getAttribute('href');
    const pdf = await fleet.request.get(pdfHref ?? '');
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const csv = await fleet.request.get((pdfHref ?? '').replace('.pdf?', '.csv?'));
    expect(await csv.text()).toContain('Rathaus Grimma');

    // Another municipality's manager may read the car's book, but none of its trips.
    const foreign = await managerPage.request.get((pdfHref ?? '').replace('.pdf?', '.csv?'));
    expect(foreign.ok()).toBe(true);
    expect(await foreign.text()).not.toContain('Grimma');

    const own = await driver.newPage();
    await own.goto('/fahrtenbuch');
    await expect(own.getByRole('row').filter({ hasText: 'Rathaus Grimma' })).toContainText(car.plate);
    await expectAccessible(own, 'my logbook');
    const wrong = await own.request.get(
      '/api/fahrtenbuch/fahrtenbuch.csv?vehicleId=x&from=2026-13-01&to=2026-01-01',
    );
    expect(wrong.status()).toBe(400);
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
    await removeWorld(request, world);
  }
});
