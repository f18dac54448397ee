import type { Locator, Page } from '@playwright/test';
import type { inferRouterOutputs } from '@trpc/server';
import superjson from 'superjson';
import region from '../db/regions/partheland.json' with { type: 'json' };
import type { AppRouter } from '../server/root';
import { expectAccessible } from './accessibility';
import { createWorld, personOf, removeWorld, type World } from './factories';
import { expect, test as shared, signInThroughApi } from './fixtures';
import { centreOn, close, OFFLINE_LAND, pixelsOf } from './map-pixels';
import { type AppServer, startAppServer, startStyleServer, styleColours } from './map-servers';

/**
 * The station form's position picked on the booking UI's map (app/(staff)/_map/position-picker.tsx):
 * a click sets the coordinates that are saved, typed ones move the marker, the arrow keys move it.
 * A world of its own: the test adds a station, which the worker's shared world must not see.
 */
const test = shared.extend<{ ownWorld: World }>({
  ownWorld: async ({ request }, use) => {
    const world = await createWorld(request, { cars: [{ seats: 5 }] });
    await use(world);
    await removeWorld(request, world);
  },
  managerPage: async ({ browser, ownWorld }, use) => {
    const context = await browser.newContext();
    await signInThroughApi(context.request, personOf(ownWorld, 'fleet_manager'));
    await use(await context.newPage());
    await context.close();
  },
});

test.describe.configure({ timeout: 120_000 });

type Managed = inferRouterOutputs<AppRouter>['stations']['managed'];

async function managedStations(page: Page): Promise<Managed> {
  const response = await page.request.get('/api/trpc/stations.managed');
  expect(response.ok(), await response.text()).toBe(true);
  return superjson.deserialize<Managed>((await response.json()).result.data);
}

/** The form's typed coordinates as numbers. */
async function typed(form: Locator) {
  return {
    latitude: Number(await form.getByLabel('Breitengrad').inputValue()),
    longitude: Number(await form.getByLabel('Längengrad').inputValue()),
  };
}

/** The position marker's distance in CSS pixels from a point of the canvas. */
async function markerOff(canvas: Locator, marker: Locator, point: { x: number; y: number }) {
  const at = await centreOn(canvas, marker);
  return Math.max(Math.abs(at.x - point.x), Math.abs(at.y - point.y));
}

test('offline style: a click on the map sets the coordinates that are saved; typed ones and arrow keys move the marker', async ({
  managerPage: page,
  ownWorld,
}) => {
  const tag = Date.now().toString(36).slice(-5).toUpperCase();
  const name = `Mobilitätsinsel Karte ${tag}`;
  await page.goto('/fuhrpark/stationen');
  const form = page.getByRole('form', { name: 'Neue Station' });
  const picker = form.getByRole('region', { name: 'Position auf der Karte' });
  const canvas = picker.locator('canvas.maplibregl-canvas');
  // The offline style's land covers the whole map: nothing behind the canvas shows through.
  await expect
    .poll(async () => (await pixelsOf(canvas, true)).share(OFFLINE_LAND), { timeout: 15_000 })
    .toBeGreaterThan(0.99);
  const marker = picker.getByRole('button', { name: /^Position der Station: / });
  await expect(marker).toHaveCount(0);
  await expectAccessible(page, 'station form with its map');

  // A click sets both fields, near the world's one station the map is framed on, and the marker
  // is drawn where the click was.
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the map is not laid out');
  const click = { x: Math.round(box.width * 0.3), y: Math.round(box.height * 0.4) };
  await canvas.click({ position: click });
  await expect(form.getByLabel('Breitengrad')).not.toHaveValue('');
  const picked = await typed(form);
  expect(Math.abs(picked.latitude - 51.3)).toBeLessThan(0.1);
  expect(Math.abs(picked.longitude - 12.6)).toBeLessThan(0.15);
  await expect(marker).toBeVisible();
  await expect.poll(() => markerOff(canvas, marker, click)).toBeLessThan(3);
  expect(close((await pixelsOf(canvas)).at(click.x, click.y), OFFLINE_LAND), 'the marker is drawn').toBe(
    false,
  );
  await expectAccessible(page, 'station form, position picked on the map');

  // Another click moves it: west and north of the first, the fields follow.
  const second = { x: Math.round(box.width * 0.2), y: Math.round(box.height * 0.3) };
  await canvas.click({ position: second });
  await expect.poll(async () => (await typed(form)).latitude).toBeGreaterThan(picked.latitude);
  const clicked = await typed(form);
  expect(clicked.longitude).toBeLessThan(picked.longitude);
  await expect.poll(() => markerOff(canvas, marker, second)).toBeLessThan(3);

  // The arrow keys move the marker (and the fields) while it keeps the focus.
  await marker.focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowRight');
  await expect(form.getByLabel('Breitengrad')).toHaveValue(
    String(Number((clicked.latitude + 0.001).toFixed(6))),
  );
  await expect(form.getByLabel('Längengrad')).toHaveValue(
    String(Number((clicked.longitude + 0.001).toFixed(6))),
  );
  await expect(marker).toBeFocused();

  // Typed coordinates move the marker: a point east of it lands right of where it stood.
  const before = await centreOn(canvas, marker);
  await form.getByLabel('Längengrad').fill(String(clicked.longitude + 0.004));
  await expect.poll(async () => (await centreOn(canvas, marker)).x).toBeGreaterThan(before.x + 5);

  // Back on the map: a click sets what is saved.
  await canvas.click({ position: click });
  await expect.poll(async () => (await typed(form)).latitude).toBeLessThan(clicked.latitude);
  const saved = await typed(form);
  await form.getByLabel('Name').fill(name);
  await form.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByRole('status')).toHaveText(`Die Station ${name} ist angelegt.`);
  const station = (await managedStations(page)).find((s) => s.name === name);
  expect(station?.municipalityId).toBe(ownWorld.municipality.id);
  expect(station?.latitude).toBeCloseTo(saved.latitude, 6);
  expect(station?.longitude).toBeCloseTo(saved.longitude, 6);
  await expectAccessible(page, 'station saved from the map');
});

const brandis = region.municipalities.find((m) => m.slug === 'brandis');
const manager = region.demoUsers.find(
  (user) => user.role === 'fleet_manager' && user.email.includes('brandis'),
);
if (!brandis || !manager) throw new Error('the region file has no Brandis or no fleet manager there');

test.describe('mapbox-gl with a configured style', () => {
  // Ports of its own: map.spec.ts uses the next two.
  const port = Number(process.env.E2E_PORT ?? 3210) + 3;
  let style: Awaited<ReturnType<typeof startStyleServer>>;
  let server: AppServer | undefined;

  test.beforeAll(async () => {
    test.setTimeout(150_000);
    style = await startStyleServer();
    // Any pk.-shaped token: mapbox-gl checks tokens only against Mapbox's own styles and services.
    server = await startAppServer(port, {
      MAP_STYLE_URL: style.styleUrl,
      MAPBOX_TOKEN: 'pk.e2e-not-a-real-token',
    });
  });
  test.afterAll(async () => {
    await server?.stop();
    await style?.close();
  });

  test('the picker draws the style and a click sets the coordinates', async ({ page, playwright }) => {
    if (!server) throw new Error('no mapbox server');
    const request = await playwright.request.newContext({ baseURL: server.url });
    await signInThroughApi(request, { email: manager.email, password: region.demoPassword });
    await page.context().addCookies((await request.storageState()).cookies);
    await request.dispose();
    await page.goto(`${server.url}/fuhrpark/stationen`);
    const form = page.getByRole('form', { name: 'Neue Station' });
    const picker = form.getByRole('region', { name: 'Position auf der Karte' });
    const canvas = picker.locator('canvas.mapboxgl-canvas');
    // The style's land, water and station circles, drawn by mapbox-gl: a blank canvas shows magenta.
    await expect
      .poll(async () => (await pixelsOf(canvas, true)).share(styleColours.station), { timeout: 20_000 })
      .toBeGreaterThan(0.002);
    const drawn = await pixelsOf(canvas, true);
    expect(drawn.share([0xff, 0x00, 0xff]), 'nothing shows through the canvas').toBeLessThan(0.01);
    expect(drawn.share(styleColours.land) + drawn.share(styleColours.water)).toBeGreaterThan(0.5);

    const box = await canvas.boundingBox();
    if (!box) throw new Error('the map is not laid out');
    const click = { x: Math.round(box.width * 0.6), y: Math.round(box.height * 0.5) };
    await canvas.click({ position: click });
    await expect(form.getByLabel('Breitengrad')).not.toHaveValue('');
    const picked = await typed(form);
    const near = brandis.stations.some(
      (s) => Math.abs(s.lat - picked.latitude) < 0.1 && Math.abs(s.lng - picked.longitude) < 0.15,
    );
    expect(near, `${picked.latitude}, ${picked.longitude} lies near Brandis's stations`).toBe(true);
    const marker = picker.getByRole('button', { name: /^Position der Station: / });
    await expect.poll(() => markerOff(canvas, marker, click)).toBeLessThan(3);
    await expectAccessible(page, 'station form, mapbox-gl');
  });
});
