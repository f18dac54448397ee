import { type APIRequestContext, test as base, expect, type Page } from '@playwright/test';
import region from '../db/regions/partheland.json' with { type: 'json' };
import { createWorld, type Person, personOf, removeWorld, type World } from './factories';

/** A demo member of staff from the region file: only for the unlock spec, whose cars are the demo's. */
export const demoStaff = (() => {
  const person = region.demoUsers.find((user) => user.role === 'staff' && user.licenceCheckValidForDays > 0);
  if (!person) throw new Error('the region file has no demo staff member');
  return { email: person.email, name: person.name, password: region.demoPassword };
})();

/** The date `daysAhead` days from today in the region, as YYYY-MM-DD. */
export function dayAhead(daysAhead: number): string {
  const day = new Date(Date.now() + daysAhead * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(day);
}

/** A session saved from an API sign-in, for browser contexts to start from. */
type Session = Awaited<ReturnType<APIRequestContext['storageState']>>;

/**
 * Signs in through the API. The sign-in route allows 3 attempts in 10 seconds per client; an answer
 * 429 is waited out (its X-Retry-After) and tried again.
 */
export async function signInThroughApi(
  request: APIRequestContext,
  person: { email: string; password: string },
) {
  for (let attempt = 1; ; attempt++) {
    const response = await request.post('/api/auth/sign-in/email', {
      data: { email: person.email, password: person.password },
    });
    if (response.status() !== 429 || attempt === 6) {
      expect(response.ok(), `sign-in of ${person.email}: ${response.status()}`).toBe(true);
      return;
    }
    const seconds = Number(response.headers()['x-retry-after'] ?? '10');
    await new Promise((resolve) => setTimeout(resolve, (Number.isFinite(seconds) ? seconds + 1 : 11) * 1000));
  }
}

/**
 * Each worker makes its own world (a municipality with one station, two 5-seat EVs and a 9-seat
 * van, a member of staff and a fleet manager) and removes it at the end; its people are signed in
 * once and get a browser context of their own in every test.
 */
export const test = base.extend<
  { staffPage: Page; managerPage: Page; signedIn: Page; demoSignedIn: Page },
  { world: World; staff: Person; manager: Person; staffSession: Session; managerSession: Session }
>({
  world: [
    async ({ playwright }, use, workerInfo) => {
      const request = await playwright.request.newContext({ baseURL: workerInfo.project.use.baseURL });
      const world = await createWorld(request, { cars: [{ seats: 5 }, { seats: 5 }, { seats: 9 }] });
      await use(world);
      await removeWorld(request, world);
      await request.dispose();
    },
    { scope: 'worker' },
  ],
  staff: [async ({ world }, use) => use(personOf(world, 'staff')), { scope: 'worker' }],
  manager: [async ({ world }, use) => use(personOf(world, 'fleet_manager')), { scope: 'worker' }],
  staffSession: [
    async ({ playwright, staff }, use, workerInfo) => {
      const request = await playwright.request.newContext({ baseURL: workerInfo.project.use.baseURL });
      await signInThroughApi(request, staff);
      await use(await request.storageState());
      await request.dispose();
    },
    { scope: 'worker' },
  ],
  managerSession: [
    async ({ playwright, manager }, use, workerInfo) => {
      const request = await playwright.request.newContext({ baseURL: workerInfo.project.use.baseURL });
      await signInThroughApi(request, manager);
      await use(await request.storageState());
      await request.dispose();
    },
    { scope: 'worker' },
  ],
  staffPage: async ({ browser, staffSession }, use) => {
    const context = await browser.newContext({ storageState: staffSession });
    await use(await context.newPage());
    await context.close();
  },
  managerPage: async ({ browser, managerSession }, use) => {
    const context = await browser.newContext({ storageState: managerSession });
    await use(await context.newPage());
    await context.close();
  },
  /** The world's member of staff, signed in, in the test's own page. */
  signedIn: async ({ page, staffSession }, use) => {
    await page.context().addCookies(staffSession.cookies);
    await use(page);
  },
  /** The demo member of staff, signed in: the unlock spec drives the demo's simulated cars. */
  demoSignedIn: async ({ page }, use) => {
    await signInThroughApi(page.request, demoStaff);
    await use(page);
  },
});

export { expect };
