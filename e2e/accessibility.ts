import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * axe-core on the page as it stands (WCAG 2.1 A and AA rules, as BITV 2.0 asks): fails on any
 * violation of impact serious or critical, naming the rule and the elements.
 */
export async function expectAccessible(page: Page, state: string) {
  // Next streams a page's metadata after its content: after a client-side navigation the title
  // arrives a moment later, and axe judges the page as it settles, not that moment.
  await expect(page, `title of ${state}`).toHaveTitle(/\S/);
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const grave = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const described = grave.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(described, `axe on ${state}`).toEqual([]);
}
