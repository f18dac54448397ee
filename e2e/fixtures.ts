import { test as base, expect, type Page } from '@playwright/test';
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
