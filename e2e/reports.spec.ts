import { readFile } from 'node:fs/promises';
import { expectAccessible } from './accessibility';
import { dayAhead, expect, test } from './fixtures';

/** Last month in the region, as the dashboard's „Letzter Monat“ means it: `[first, next)`. */
function lastMonth() {
  const [y, m] = dayAhead(0).split('-').map(Number);
  const first = new Date(Date.UTC(y ?? 0, (m ?? 1) - 2, 1));
  const next = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, 1));
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return { first, from: iso(first), to: iso(next) };
}

/** How often the weekday of `day` (1–31) of the month starting at `first` occurs in that month. */
function weekdayCount(first: Date, day: number) {
  const days = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return Math.floor((days - day) / 7) + Math.ceil(day / 7);
}

// axe runs on every state the tests visit: more time than the default 30 s on a busy machine.
test.describe.configure({ timeout: 120_000 });

// The world gets a finished last month (server/e2e/report-history.ts): car 1 drives 367 km in six
// bookings, car 2 58 km in two, car 3 210 km in one and has a no-show, a cancellation and a block.
test.beforeAll(async ({ playwright, world }, workerInfo) => {
  const request = await playwright.request.newContext({ baseURL: workerInfo.project.use.baseURL });
  const response = await request.post('/api/e2e', {
    data: {
      action: 'reportHistory',
      spec: { municipalityId: world.municipality.id, month: lastMonth().from },
    },
  });
  expect(response.status(), await response.text()).toBe(204);
  await request.dispose();
});

test('a fleet manager picks a period, sorts, drills down to a car, reads the heatmap and exports a CSV', async ({
  managerPage: page,
  world,
}, testInfo) => {
  const { first, from, to } = lastMonth();
  const shot = (name: string) =>
    page.screenshot({
      path: `e2e-screenshots/berichte-${name}-${testInfo.project.name}.png`,
      fullPage: true,
    });

  await page.goto('/fuhrpark/freigaben');
  await page
    .getByRole('navigation', { name: 'Bereiche des Fuhrparks' })
    .getByRole('link', { name: 'Berichte' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Berichte' })).toBeVisible();
  await page.getByRole('button', { name: 'Letzter Monat' }).click();
  await expect(page).toHaveURL(new RegExp(`from=${from}&to=${to}`));
  await expect(page.getByRole('button', { name: 'Letzter Monat' })).toHaveAttribute('aria-pressed', 'true');

  // Our municipality's row: 367 + 58 + 210 km; the others are sums only, without a link.
  const municipalities = page.getByRole('table', { name: 'Kosten und Auslastung nach Kommune' });
  const ours = municipalities.getByRole('row', { name: new RegExp(world.municipality.name) });
  await expect(ours.getByRole('cell').nth(5)).toHaveText('635');
  await expect(page.getByText('So wird gerechnet')).toBeVisible();
  await expect(page.getByText('Gebuchte Stunden ÷ verfügbare Stunden.').first()).toBeVisible();
  await expectAccessible(page, 'reports: region, last month');

  // Sorting by km (a number column starts with the largest).
  const kmHeader = municipalities.getByRole('columnheader', { name: 'km', exact: true });
  await kmHeader.getByRole('button').click();
  await expect(kmHeader).toHaveAttribute('aria-sort', 'descending');
  const kms = (
    await municipalities
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.children[6]?.textContent ?? ''))
  ).map((text) => Number(text.replaceAll('.', '').replace(',', '.')));
  expect(kms).toEqual([...kms].sort((a, b) => b - a));
  await kmHeader.getByRole('button').press('Enter');
  await expect(kmHeader).toHaveAttribute('aria-sort', 'ascending');
  await shot('region');

  // Drill-down: municipality → station → car.
  await ours.getByRole('link', { name: world.municipality.name }).click();
  await expect(page).toHaveURL(new RegExp(`municipality=${world.municipality.id}`));
  const stations = page.getByRole('table', { name: 'Stationen' });
  const station = stations.getByRole('row', { name: new RegExp(world.station.name) });
  // 3 + 1 searches found no car; never more than one booking at a time.
  await expect(station.getByRole('cell').last()).toHaveText('4');
  await expect(station.getByRole('cell').nth(-2)).toHaveText('1');
  await expectAccessible(page, 'reports: municipality');
  await station.getByRole('link', { name: world.station.name }).click();
  const vehicles = page.getByRole('table', { name: 'Fahrzeuge' });
  await expect(vehicles.locator('tbody tr')).toHaveCount(3);
  await expectAccessible(page, 'reports: station');
  const plate = world.cars[0]?.plate ?? '';
  await vehicles.getByRole('link', { name: plate }).click();
  await expect(page.getByRole('navigation', { name: 'Ebene' })).toContainText(`Fahrzeug ${plate}`);
  const figures = page.getByRole('table', { name: `Kennzahlen: Fahrzeug ${plate}` });
  await expect(figures.getByRole('row', { name: /^km / }).getByRole('cell').first()).toHaveText('367');

  // The heatmap: on the weekday of the 2nd, hour 9 was held on the 2nd (08–12) and the 9th (09–14).
  const heatmap = page.getByRole('table', { name: /Zeitauslastung in Prozent je Wochentag/ });
  await expect(heatmap.locator('tbody tr')).toHaveCount(7);
  const weekday = (first.getUTCDay() + 7) % 7; // 0 = Sunday … of the 1st
  const isoOfSecond = (weekday + 1) % 7 || 7; // ISO weekday (1 = Monday) of the 2nd
  const expected = String(Math.round((2 / weekdayCount(first, 2)) * 100));
  await expect(
    heatmap
      .locator('tbody tr')
      .nth(isoOfSecond - 1)
      .locator('td')
      .nth(9),
  ).toHaveText(expected);
  await expectAccessible(page, 'reports: vehicle with heatmap');
  await shot('fahrzeug');

  // A table's CSV, built in the browser for German Excel.
  const block = page.getByRole('region', { name: `Kennzahlen: Fahrzeug ${plate}` }).locator('..');
  const download = page.waitForEvent('download');
  await block.getByRole('button', { name: 'Als CSV exportieren' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`fahrzeug-${from}_${to}.csv`);
  const csv = await readFile((await file.path()) ?? '', 'utf8');
  expect(csv.startsWith('\uFEFFKennzahl;Wert;Rechenregel\r\n')).toBe(true);
  expect(csv).toContain('\r\nkm;367;');
});

test('staff reach no reports: no link, and the page sends them back to the search', async ({
  staffPage: page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Fahrzeug suchen' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Berichte' })).toHaveCount(0);
  await page.goto('/fuhrpark/berichte');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { name: 'Berichte' })).toHaveCount(0);
  const response = await page.request.get(
    `/api/trpc/reports.heatmap?input=${encodeURIComponent(JSON.stringify({ json: { from: '2026-10-01', to: '2026-11-01' } }))}`,
  );
  expect(response.status()).toBe(403);
});
