import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { leaves, parseMime } from '../server/notifications/mime-test-support';

/**
 * The steps of inviting a person as a fleet manager does them in the browser, and of the person
 * answering the mail: for this spec and for any later story that needs a freshly invited person.
 */

const mailFolder = path.join('.e2e-data', 'mail');

/** The link of the newest mail to `email` whose text has `label: <url>` (the app's outbox writes .eml files). */
export async function mailedLink(email: string, label: string): Promise<string | null> {
  const names = (await readdir(mailFolder).catch(() => [] as string[]))
    .filter((n) => n.endsWith('.eml'))
    .sort();
  for (const name of names.reverse()) {
    const mail = parseMime(await readFile(path.join(mailFolder, name), 'utf8'));
    if (!(mail.headers.get('to') ?? '').toLowerCase().includes(email.toLowerCase())) continue;
    const text =
      leaves(mail).find((part) => /^text\/plain/i.test(part.headers.get('content-type') ?? ''))?.body ?? '';
    const link = new RegExp(`${label}: (\\S+)`).exec(text)?.[1];
    if (link) return link;
  }
  return null;
}

/** Waits for the invitation mail to `email` and gives its „Passwort festlegen“ link. */
export async function invitationLink(email: string): Promise<string> {
  await expect.poll(() => mailedLink(email, 'Passwort festlegen'), { timeout: 30_000 }).not.toBeNull();
  return (await mailedLink(email, 'Passwort festlegen')) ?? '';
}

/** A name and address of this run alone, so reruns on a kept database never collide. */
export function newPerson(tag = Date.now().toString(36)) {
  return { name: `Neue Kollegin ${tag}`, email: `neu-${tag}@e2e.example` };
}

/**
 * A fleet manager invites a person through Fuhrpark → Personen → Person einladen (their own
 * municipality, preselected) and sees the invitation sent.
 */
export async function invitePerson(
  manager: Page,
  person: { name: string; email: string; role?: 'Mitarbeitende' | 'Fuhrparkverantwortliche' },
) {
  await manager.goto('/fuhrpark/personen');
  await manager.getByRole('link', { name: 'Person einladen' }).click();
  await expect(manager.getByRole('heading', { level: 1, name: 'Person einladen' })).toBeVisible();
  const form = manager.getByRole('form', { name: 'Person einladen' });
  await form.getByLabel('Name').fill(person.name);
  await form.getByLabel('E-Mail-Adresse').fill(person.email);
  await form.getByLabel('Rolle').selectOption({ label: person.role ?? 'Mitarbeitende' });
  await form.getByRole('button', { name: 'Einladung senden' }).click();
  await expect(manager.getByRole('status')).toContainText(`Die Einladung an ${person.email} ist unterwegs.`);
}

/** The invited person opens the mailed link, sets a password and lands signed in on the search. */
export async function acceptInvitation(page: Page, link: string, password: string) {
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Passwort festlegen' })).toBeVisible();
  await page.getByLabel('Neues Passwort').fill(password);
  await page.getByLabel('Passwort wiederholen').fill(password);
  await page.getByRole('button', { name: 'Passwort speichern' }).click();
  await expect(page).toHaveURL(/\/$/, { timeout: 20_000 });
}

/** Both steps: invited by the manager, answered by the person in their own page. */
export async function invitedAndSignedIn(
  manager: Page,
  page: Page,
  person: { name: string; email: string },
  password: string,
) {
  await invitePerson(manager, person);
  await acceptInvitation(page, await invitationLink(person.email), password);
}
