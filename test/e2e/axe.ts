import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * axe-core with its full default rule set (no tag filter) plus WCAG 2.5.3 "label in name", which axe still
 * ships as experimental: a control whose accessible name does not contain its visible text cannot be
 * operated by voice ("click Open" does nothing when the button is named "Open agreement Foo").
 * Returns the serious and critical violations, one line each, so a failing test says what and where.
 */
export async function seriousViolations(page: Page, options: { keepPointer?: boolean } = {}): Promise<string[]> {
  // The pointer rests where it last clicked; a hovered control is not what is being judged, unless asked.
  if (!options.keepPointer) await page.mouse.move(0, 0);
  const results = await new AxeBuilder({ page }).options({ rules: { 'label-content-name-mismatch': { enabled: true } } }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)}`)
          .join(' | ')}`,
    );
}
