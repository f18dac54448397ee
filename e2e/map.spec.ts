import type { Page } from '@playwright/test';
import region from '../db/regions/partheland.json' with { type: 'json' };
import { expectAccessible } from './accessibility';
import { dayAhead, demoStaff, expect, signInThroughApi, test } from './fixtures';
import { centreOn, close, OFFLINE_LAND, pixelsOf } from './map-pixels';
import { type AppServer, startAppServer, startStyleServer, styleColours } from './map-servers';

// mapbox-gl draws nothing without a valid token yet reports itself loaded, and a map that drew
// nothing passes every check of state: these tests read the canvas's pixels from screenshots.

/** A search in an evening hour nobody books, for the stations of one municipality. */
async function search(page: Page, municipality: string) {
  const day = dayAhead(9);
  await page.getByLabel('Von (Datum)').fill(day);
  await page.getByLabel('Von (Uhrzeit)').fill('20:00');
  await page.getByLabel('Bis (Datum)').fill(day);
  await page.getByLabel('Bis (Uhrzeit)').fill('21:00');
  await page.getByLabel('Ort').selectOption({ label: `Alle Stationen: ${municipality}` });
  await page.getByRole('button', { name: 'Suchen' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /Fahrzeuge? frei/ })).toBeFocused();
  return page.getByRole('region', { name: 'Karte der Mobilitätsinseln' });
}

test('offline: the self-contained style draws, the marker stands on its station and works by keyboard', async ({
  signedIn: page,
  world,
}) => {
  await page.goto('/');
  const map = await search(page, world.municipality.name);
  const marker = map.getByRole('button', {
    name: new RegExp(`^${world.station.name}: \\d+ Fahrzeuge? frei$`),
  });
  await expect(marker).toBeVisible();
  const canvas = map.locator('canvas.maplibregl-canvas');

  // The canvas drew its land over the whole map: nothing behind it shows through.
  await expect
    .poll(async () => (await pixelsOf(canvas, true)).share(OFFLINE_LAND), { timeout: 15_000 })
    .toBeGreaterThan(0.99);
  // The world's one station is the map's centre, and its marker is drawn there (once the camera
  // and the layout around the map have settled).
  const offCentre = async () => {
    const [at, box] = await Promise.all([centreOn(canvas, marker), canvas.boundingBox()]);
    return Math.max(Math.abs(at.x - (box?.width ?? 0) / 2), Math.abs(at.y - (box?.height ?? 0) / 2));
  };
  await expect.poll(offCentre, { timeout: 10_000 }).toBeLessThan(3);
  const centre = await centreOn(canvas, marker);
  const shown = await pixelsOf(canvas);
  expect(close(shown.at(centre.x, centre.y), OFFLINE_LAND), 'the marker is visible at its station').toBe(
    false,
  );
  await expectAccessible(page, 'map, offline style');

  // By keyboard: Tab from the results reaches the marker, Enter chooses it, the link leads on.
  for (let i = 0; i < 30 && !(await marker.evaluate((m) => m === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(marker).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(marker).toHaveAttribute('aria-pressed', 'true');
  const chosen = map.getByRole('status');
  await expect(chosen).toContainText(`Gewählt: ${world.station.name} (${world.municipality.name})`);
  await expectAccessible(page, 'map, station chosen');
  const timeline = chosen.getByRole('link', { name: 'Belegung dieser Station ansehen' });
  for (let i = 0; i < 10 && !(await timeline.evaluate((a) => a === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(timeline).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`/zeitplan?station=${world.station.id}`);
  await expect(page.getByRole('region', { name: 'Zeitplan' })).toContainText(world.cars[0]?.plate ?? '');
});

const brandis = region.municipalities.find((m) => m.slug === 'brandis');
if (!brandis) throw new Error('the region file has no Brandis');

test.describe('a configured style, drawn by maplibre-gl and by mapbox-gl', () => {
  const base = Number(process.env.E2E_PORT ?? 3210);
  let style: Awaited<ReturnType<typeof startStyleServer>>;
  const servers: Record<'maplibre' | 'mapbox', AppServer | undefined> = {
    maplibre: undefined,
    mapbox: undefined,
  };

  test.beforeAll(async () => {
    test.setTimeout(150_000);
    style = await startStyleServer();
    const [maplibre, mapbox] = await Promise.all([
      startAppServer(base + 1, { MAP_STYLE_URL: style.styleUrl }),
      // Any pk.-shaped token: mapbox-gl checks tokens only against Mapbox's own styles and services.
      startAppServer(base + 2, { MAP_STYLE_URL: style.styleUrl, MAPBOX_TOKEN: 'pk.e2e-not-a-real-token' }),
    ]);
    servers.maplibre = maplibre;
    servers.mapbox = mapbox;
  });

  test.afterAll(async () => {
    await Promise.all([servers.maplibre?.stop(), servers.mapbox?.stop()]);
    await style?.close();
  });

  for (const library of ['maplibre', 'mapbox'] as const) {
    test(`${library}-gl draws the style's land, water and stations, each station under its marker`, async ({
      page,
      playwright,
    }) => {
      const server = servers[library];
      if (!server) throw new Error(`no ${library} server`);
      const request = await playwright.request.newContext({ baseURL: server.url });
      await signInThroughApi(request, demoStaff);
      await page.context().addCookies((await request.storageState()).cookies);
      await request.dispose();
      const refused: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') refused.push(message.text());
      });

      const answer = await page.goto(`${server.url}/`);
      // The page's policy admits the style's origin for its fetches and images.
      const policy = answer?.headers()['content-security-policy'] ?? '';
      expect(policy.split('; ').find((directive) => directive.startsWith('connect-src '))).toContain(
        style.origin,
      );
      const map = await search(page, brandis.name);
      const canvas = map.locator(`canvas.${library}gl-canvas`);
      const markers = brandis.stations.map((station) =>
        map.getByRole('button', { name: new RegExp(`^${station.name}: `) }),
      );
      for (const marker of markers) await expect(marker).toBeVisible();

      // Land (west of 12.59° E: Beucha), water (east of it: Brandis) and the stations' circles.
      await expect
        .poll(async () => (await pixelsOf(canvas, true)).share(styleColours.station), { timeout: 20_000 })
        .toBeGreaterThan(0.005);
      const drawn = await pixelsOf(canvas, true);
      expect(drawn.share([0xff, 0x00, 0xff]), 'nothing shows through the canvas').toBeLessThan(0.01);
      expect(drawn.share(styleColours.land)).toBeGreaterThan(0.05);
      expect(drawn.share(styleColours.water)).toBeGreaterThan(0.05);
      expect(drawn.distinct).toBeGreaterThan(3);
      for (const marker of markers) {
        const { x, y } = await centreOn(canvas, marker);
        expect(close(drawn.at(x, y), styleColours.station), 'a station circle under its marker').toBe(true);
      }
      expect(refused.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
      await expectAccessible(page, `map, ${library}-gl with a style URL`);
    });
  }
});
