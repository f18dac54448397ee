import { type APIRequestContext, test as base, expect, type Page } from '@playwright/test';
import region from '../db/regions/partheland.json' with { type: 'json' };

/** A demo member of staff from the region file, with the documented demo password. */
export const demoStaff = (() => {
  const person = region.demoUsers.find((user) => user.role === 'staff' && user.licenceCheckValidForDays > 0);
  if (!person) throw new Error('the region file has no demo staff member');
  return { email: person.email, name: person.name, password: region.demoPassword };
})();

/** A date far enough ahead that the seeded demo bookings (three weeks either way) leave it free. */
export function freeDay(daysAhead = 35): string {
  const day = new Date(Date.now() + daysAhead * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(day);
}

export const test = base.extend<{ signedIn: Page }>({
  /** A page already signed in through the API, for tests that are not about signing in. */
  signedIn: async ({ page }, use) => {
    const signIn = () =>
      page.request.post('/api/auth/sign-in/email', {
        data: { email: demoStaff.email, password: demoStaff.password },
      });
    let response = await signIn();
    // better-auth allows three sign-ins per 10 s from one address; a run of short tests exceeds that.
    for (let attempt = 0; response.status() === 429 && attempt < 3; attempt++) {
      const seconds = Number(response.headers()['x-retry-after'] ?? '10');
      await page.waitForTimeout((Number.isFinite(seconds) ? seconds : 10) * 1000 + 250);
      response = await signIn();
    }
    expect(response.ok()).toBe(true);
    await use(page);
  },
});

export { expect };

/** The demo fleet manager of the demo staff member's municipality. */
export const demoManager = (() => {
  const home = region.demoUsers.find((user) => user.email === demoStaff.email)?.municipality;
  const person = region.demoUsers.find((user) => user.role === 'fleet_manager' && user.municipality === home);
  if (!person) throw new Error('the region file has no fleet manager for the demo staff member');
  return { email: person.email, name: person.name, password: region.demoPassword };
})();

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
 * The demo staff member (`staffPage`) and their fleet manager (`managerPage`), each signed in once per
 * worker and given a browser context of their own in every test.
 */
export const manageTest = test.extend<
  { staffPage: Page; managerPage: Page },
  { staffSession: Session; managerSession: Session }
>({
  staffSession: [
    async ({ playwright }, use, workerInfo) => {
      const request = await playwright.request.newContext({ baseURL: workerInfo.project.use.baseURL });
      await signInThroughApi(request, demoStaff);
      await use(await request.storageState());
      await request.dispose();
    },
    { scope: 'worker' },
  ],
  managerSession: [
    async ({ playwright }, use, workerInfo) => {
      const request = await playwright.request.newContext({ baseURL: workerInfo.project.use.baseURL });
      await signInThroughApi(request, demoManager);
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
});
