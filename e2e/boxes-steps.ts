/** Steps of the boxes pages other specs reuse: the operator rotating the fleet CA key. */
import { expect, type Page } from '@playwright/test';
import { expectAccessible } from './accessibility';

/**
 * The operator (signed in on `page`) rotates the fleet CA key on /fuhrpark/boxen: starts, waits
 * until every box confirmed the new key (the demo gateways carry it), retires the old one and
 * waits until no box knows it any more. Returns the generation that is active afterwards.
 */
export async function operatorRotatesCaKey(page: Page, { timeoutMs = 90_000 } = {}): Promise<number> {
  await page.goto('/fuhrpark/boxen');
  const panel = page.getByRole('region', { name: 'Flottenschlüssel' });
  await expect(panel.getByRole('status')).toContainText('Kein Wechsel im Gange.');
  await panel.getByRole('button', { name: 'Schlüsselwechsel beginnen' }).click();
  const started = panel.getByText(/Generation \d+ wird an alle Boxen verteilt\./);
  await expect(started).toBeFocused();
  const generation = Number(/Generation (\d+)/.exec((await started.textContent()) ?? '')?.[1]);
  await expectAccessible(page, 'boxes page, rotation started');

  // Progress moves by itself (the page polls) until every box has the new key.
  const progress = panel.getByRole('status');
  await expect(progress).toHaveText(/(\d+) von \1 Boxen haben den neuen Schlüssel\./, { timeout: timeoutMs });
  await panel.getByRole('button', { name: 'Alten Schlüssel zurückziehen' }).click();
  await expect(panel.getByText(`Generation ${generation} ist jetzt aktiv`)).toBeFocused();
  await expect(progress).toHaveText('Kein Wechsel im Gange.', { timeout: timeoutMs });
  await expect(panel.getByText(`Generation ${generation}: `)).toContainText('aktiv');
  await expectAccessible(page, 'boxes page, rotation finished');
  return generation;
}
