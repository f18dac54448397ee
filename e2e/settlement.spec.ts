import { expectAccessible } from './accessibility';
import { createWorld, pastTrip, personOf, removeWorld } from './factories';
import { dayAhead, expect, signInThroughApi, test } from './fixtures';
import { mutate } from './trpc';

// axe runs on every state the tests visit: more time than the default 30 s on a busy machine.
test.describe.configure({ timeout: 120_000 });

/** A procedure called over HTTP as the page's signed-in person, in the app's own wire format. */

test('a fleet manager sets a tariff from a date and sees it and its history entry', async ({
  managerPage: page,
  manager,
}) => {
  await page.goto('/fuhrpark/kosten');
  await expect(page.getByRole('heading', { level: 1, name: 'Kosten und Tarife' })).toBeVisible();
  await expectAccessible(page, 'costs');
  const form = page.getByRole('form', { name: 'Tarif festlegen' });
  await form.getByLabel('Gültig ab').fill('2025-03-15');
  await form.getByLabel('je Stunde (€)').fill('4.5');
  await form.getByLabel('je km (€)').fill('0.35');
  await form.getByRole('button', { name: 'Speichern' }).click();
  await expect(form.getByRole('status')).toHaveText('Gespeichert.');

  const tariffs = page.getByRole('table', { name: 'Tarife', exact: true });
  await expect(tariffs.getByRole('row').filter({ hasText: 'ab 15.03.2025' })).toContainText('4,50 €');
  const history = page.getByRole('table', { name: /Änderungen an Kosten und Tarifen/ });
  const entry = history.getByRole('row').filter({ hasText: 'Tarif ab 15.03.2025' }).first();
  await expect(entry).toContainText(manager.name);
  await expect(entry).toContainText('je Stunde: 4,5');
  await expectAccessible(page, 'costs: tariff saved');
});

test('a wrong cost rate shows the German error at its field and saves nothing', async ({
  managerPage: page,
}) => {
  await page.goto('/fuhrpark/kosten');
  const form = page.getByRole('form', { name: 'Kostensatz hinzufügen' }).first();
  await expect(form).toBeVisible();
  for (const label of [
    'Leasing/Abschreibung je Monat (€)',
    'Versicherung je Monat (€)',
    'Kfz-Steuer je Monat (€)',
    'Telematikbox je Monat (€)',
    'Sonstiges je Monat (€)',
    'je km (€)',
    'je kWh (€)',
    'je Liter (€)',
  ])
    await form.getByLabel(label, { exact: true }).fill('10');
  await form.getByLabel('In Betrieb seit').fill('2026-06-01');
  await form.getByLabel('Ausgemustert ab').fill('2026-05-01');
  // The rates, tariffs and history as they are: a refused form must leave every table as it was.
  const tablesBefore = await page.getByRole('table').allInnerTexts();
  await form.getByRole('button', { name: 'Speichern' }).click();
  await expect(
    form.getByText('Die Außerdienststellung muss nach der Indienststellung liegen.'),
  ).toBeVisible();
  await expect(form.getByRole('alert')).toHaveText('Bitte prüfen Sie die markierten Eingaben.');
  await expect(form.getByLabel('Ausgemustert ab')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'costs: cost rate refused');
  expect(await page.getByRole('table').allInnerTexts()).toEqual(tablesBefore);
});

test('the operator opens a month with a cross-municipal trip and sees it in the matrix', async ({
  browser,
  managerPage,
  world,
}, testInfo) => {
  const request = managerPage.request;
  const payer = await createWorld(request, { people: ['staff'] });
  const platform = await createWorld(request, { people: ['operator'] });
  try {
    // 40 days back: a month that is over, 08:00–10:30 UTC on one local day.
    const day = dayAhead(-40);
    const month = day.slice(0, 7);
    const [car] = world.cars;
    if (!car) throw new Error('the world has no car');
    // The owner's tariff from that day: 2.5 h × 6 € + 42 km × 0.50 € = 15 + 21 = 36,00 €.
    await mutate(managerPage.request, 'reports.setTariff', {
      municipalityId: world.municipality.id,
      validFrom: day,
      perHour: 6,
      perKm: 0.5,
    });
    await pastTrip(request, {
      vehicleId: car.id,
      userId: personOf(payer, 'staff').id,
      startsAt: new Date(`${day}T08:00:00Z`),
      endsAt: new Date(`${day}T10:30:00Z`),
      km: 42,
    });

    // The operator's own browser, shaped like this project's (desktop or phone).
    const { baseURL, viewport, userAgent, isMobile, hasTouch, deviceScaleFactor, locale, timezoneId } =
      testInfo.project.use;
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
    await signInThroughApi(context.request, personOf(platform, 'operator'));
    const page = await context.newPage();
    await page.goto('/fuhrpark/verrechnung');
    await page.getByLabel('Monat', { exact: true }).fill(month);
    const matrix = page.getByRole('table', { name: /zahlende Kommune/ });
    const cell = matrix
      .getByRole('row')
      .filter({ hasText: payer.municipality.name })
      .filter({ hasText: world.municipality.name });
    await expect(cell).toContainText('2,5');
    await expect(cell).toContainText('42');
    await expect(cell).toContainText('36,00 €');
    await expectAccessible(page, 'settlement of a month');
    const lines = page.getByRole('table', {
      name: `${payer.municipality.name} an ${world.municipality.name}`,
    });
    await expect(lines.getByRole('row')).toHaveCount(2);
    await expect(
      page.getByRole('link', {
        name: `E-Rechnung (XRechnung) ${world.municipality.name} an ${payer.municipality.name} über 36,00 €`,
      }),
    ).toHaveAttribute(
      'href',
      `/api/berichte/rechnung/${month}/${payer.municipality.id}/${world.municipality.id}.xml`,
    );
    await expect(page.getByRole('link', { name: 'Verrechnung als CSV' })).toHaveAttribute(
      'href',
      `/api/berichte/verrechnung/${month}.csv`,
    );

    // „Monat abschließen“ asks first; cancelled, the month stays open.
    await page.getByRole('button', { name: 'Monat abschließen' }).click();
    await expect(page.getByRole('alertdialog')).toContainText('abschließen?');
    await expectAccessible(page, 'settlement: closing asks first');
    await page.getByRole('button', { name: 'Abbrechen' }).click();
    await expect(page.getByRole('alertdialog')).toHaveCount(0);

    // The running month cannot be closed: the server's reason, in German.
    await page.getByLabel('Monat', { exact: true }).fill(dayAhead(0).slice(0, 7));
    await page.getByRole('button', { name: 'Monat abschließen' }).click();
    await page.getByRole('button', { name: 'Ja, abschließen' }).click();
    await expect(
      page.getByRole('alert').filter({ hasText: 'Dieser Monat ist noch nicht vorbei.' }),
    ).toBeVisible();
    await expectAccessible(page, 'settlement: running month refused');
    await context.close();
  } finally {
    await removeWorld(request, payer);
    await removeWorld(request, platform);
  }
});
