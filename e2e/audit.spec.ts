import { readFile } from 'node:fs/promises';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../server/root';
import { expectAccessible } from './accessibility';
import { expect, test } from './fixtures';
import { mutate, query } from './trpc';

type Out = inferRouterOutputs<AppRouter>;

// axe runs on every state the test visits: more time than the default 30 s on a busy machine.
test.describe.configure({ timeout: 120_000 });

test('a change of the booking rules is in the audit log with before and after, and in its CSV', async ({
  managerPage: manager,
}) => {
  const me = await query<Out['auth']['me']>(manager, 'auth.me');
  const municipalityId = me?.municipalityId;
  if (!me || !municipalityId) throw new Error('the fleet manager has no municipality');
  const before = await query<Out['policies']['get']>(manager, 'policies.get', { municipalityId });
  const horizon = before.horizonDays === 90 ? 91 : 90;

  await manager.goto('/fuhrpark/regeln');
  await manager.getByLabel('Buchungshorizont (Tage)').fill(String(horizon));
  await manager.getByRole('button', { name: 'Regeln speichern' }).click();
  await expect(manager.getByRole('status')).toHaveText('Die Buchungsregeln sind gespeichert.');

  await manager.getByRole('link', { name: 'Protokoll', exact: true }).click();
  await expect(manager.getByRole('heading', { level: 1, name: 'Protokoll' })).toBeVisible();
  // The newest entry of this change: the clockwork's own entries (a UVV block placed ahead for a car
  // of the test's world, „von System“) may come between the save and this page.
  const newest = manager
    .getByRole('main')
    .getByRole('listitem')
    .filter({ has: manager.getByRole('heading', { name: 'Buchungsregeln geändert' }) })
    .first();
  await expect(newest.getByRole('heading', { name: 'Buchungsregeln geändert' })).toBeVisible();
  await expect(newest).toContainText(`von ${me.name}`);
  // When, with the weekday, in the region's zone.
  await expect(newest.locator('time')).toHaveText(/^[A-Z][a-z]\., \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/);
  // Only what changed: the horizon, from the old value to the new one.
  const rows = newest.getByRole('table', { name: 'Änderungen' }).getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toHaveText(`Buchungshorizont (Tage)${before.horizonDays}${horizon}`);
  await expectAccessible(manager, 'audit log');

  await manager.getByLabel('Art des Objekts').selectOption({ label: 'Buchungsregeln' });
  const shown = manager.getByRole('main').getByRole('listitem');
  await expect(shown.first().getByRole('heading')).toHaveText('Buchungsregeln geändert');
  for (const heading of await shown.getByRole('heading').allTextContents())
    expect(heading).toBe('Buchungsregeln geändert');
  await expectAccessible(manager, 'audit log filtered by kind of object');

  const [download] = await Promise.all([
    manager.waitForEvent('download'),
    manager.getByRole('link', { name: 'Protokoll als CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('protokoll.csv');
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv.split('\r\n')[0]).toBe('\uFEFFNr.;Zeitpunkt;Wer;Aktion;Objekt;Objekt-ID;Kommune;Vorher;Nachher');
  const line = csv
    .split('\r\n')
    .find((l) => l.includes(';policy.update;') && l.includes(`""horizonDays"":${horizon}`));
  expect(line).toContain(`;${me.name};policy.update;policy;${municipalityId};`);

  // Fifty more changes: the first page holds 50, the rest comes with the button.
  for (let i = 0; i < 50; i++)
    await mutate(manager.request, 'policies.update', { ...before, municipalityId, horizonDays: 100 + i });
  await manager.reload();
  await expect(shown).toHaveCount(50);
  await manager.getByRole('button', { name: 'Ältere Einträge laden' }).click();
  await expect(shown.nth(50)).toBeFocused();
  expect(await shown.count()).toBeGreaterThan(50);
  await expectAccessible(manager, 'audit log with older entries');

  await mutate(manager.request, 'policies.update', { ...before, municipalityId });
});
