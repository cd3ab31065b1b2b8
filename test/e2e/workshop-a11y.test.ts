import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKSHOP_STEPS } from '../../src/renderer/store/route';
import { launchChromium, removeDir, startBrowserMode, type BrowserModeServer } from './browserMode';

/** axe-core on every workshop screen: no serious or critical violation is acceptable. */
describe('accessibility of the workshop', () => {
  let server: BrowserModeServer;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    server = await startBrowserMode();
    browser = await launchChromium();
    page = await (await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' })).newPage();
    await page.goto(server.url);
    await page.getByRole('button', { name: 'New from example' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/#\/agreements\//);
    base = page.url().replace(/\/[a-z]+$/, '');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDir(server.dataDir);
  });

  // Axe judges what is on screen once it has settled: with reduced motion nothing is mid-transition (a
  // notification sliding in at partial opacity would measure as low contrast).
  async function seriousViolations(): Promise<string[]> {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  }

  it.each(WORKSHOP_STEPS)('has no serious or critical violations on the %s step', async (step) => {
    await page.goto(`${base}/${step}`);
    await page.locator('#step-title').waitFor();
    await page.waitForTimeout(300);
    expect(await seriousViolations()).toEqual([]);
  });

  it('keeps its contrast while the pointer rests on the steps navigation', async () => {
    await page.goto(`${base}/goals`);
    await page.locator('#step-title').waitFor();
    const nav = page.getByRole('navigation', { name: 'Workshop steps' });
    for (const link of [nav.locator('[aria-current="step"]'), nav.getByRole('link').first()]) {
      await link.hover();
      await page.waitForTimeout(150);
      expect(await seriousViolations()).toEqual([]);
    }
    await page.mouse.move(0, 0);
  });

  it('has none on the home screen either', async () => {
    await page.goto(server.url.replace(/\?token=.*/, '#/'));
    await page.getByTestId('agreement-row').first().waitFor();
    expect(await seriousViolations()).toEqual([]);
  });
});
