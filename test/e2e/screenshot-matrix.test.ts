import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/shared/i18n';
import type { Language } from '../../src/shared/model/schema';
import { WORKSHOP_STEPS } from '../../src/renderer/store/route';
import { launchChromium, poll, removeDir, screenshot, startBrowserMode, type BrowserModeServer } from './browserMode';
import { layoutProblems } from './layoutCheck';

/**
 * Every screen (home, each step, the review) at the sizes a workshop meets: a 1366 × 768 projector laptop,
 * a 1920 × 1080 screen, and 200 % browser zoom. Browser zoom halves the CSS viewport and doubles the device
 * pixel ratio, so 200 % on a 1366 × 768 screen is exactly a 683 × 384 viewport at a pixel ratio of 2 (media
 * queries see what they see under real zoom, which CSS `zoom` would not give). Pictures go to
 * test-results/screenshots/matrix-<lang>-<size>-<screen>.png; the layout check fails on what a picture
 * would show as broken (sideways scrolling, cut-off controls, a title over a badge).
 */
const SIZES = [
  { name: '1366x768', viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 },
  { name: '1920x1080', viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 },
  { name: 'zoom200', viewport: { width: 683, height: 384 }, deviceScaleFactor: 2 },
] as const;

/** The interface language is the app's; the browser's own locale is deliberately the other one. */
describe.each<[Language, string]>([
  ['es', 'en-US'],
  ['en', 'es-ES'],
])('every screen in %s (browser locale %s)', (lang, locale) => {
  const t = createTranslator(lang);
  let server: BrowserModeServer;
  let browser: Browser;
  let agreementPath = '';

  async function openContext(size: (typeof SIZES)[number]): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ locale, viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor, reducedMotion: 'reduce' });
    // The interface language is a stored preference, as after a click on the header's language switch.
    await context.addInitScript((language) => {
      if (!localStorage.getItem('sla-workshop.preferences'))
        localStorage.setItem('sla-workshop.preferences', JSON.stringify({ state: { language, showGuidance: true }, version: 1 }));
    }, lang);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(server.url);
    return { context, page };
  }

  beforeAll(async () => {
    server = await startBrowserMode();
    browser = await launchChromium();
    const { context, page } = await openContext(SIZES[0]);
    await page.getByRole('button', { name: t('ui.home.newExample') }).click();
    await page.getByRole('dialog').getByLabel(t('ui.create.language')).selectOption(lang);
    await page
      .getByRole('dialog')
      .getByRole('button', { name: t('ui.create.submit') })
      .click();
    await page.waitForURL(/#\/agreements\//);
    agreementPath = new URL(page.url()).hash.replace(/\/[a-z]+$/, '');
    await context.close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDir(server.dataDir);
  });

  it.each(SIZES)('at $name', async (size) => {
    const { context, page } = await openContext(size);
    const problems: string[] = [];
    const look = async (screen: string) => {
      await screenshot(page, `matrix-${lang}-${size.name}-${screen}`);
      for (const problem of await layoutProblems(page)) problems.push(`${screen}: ${problem}`);
    };

    await page.getByTestId('agreement-row').first().waitFor();
    await look('home');
    for (const step of WORKSHOP_STEPS) {
      await page.evaluate((hash) => (window.location.hash = hash), `${agreementPath}/${step}`);
      await poll(() => page.locator('#step-title').innerText()).toBe(t(`common.steps.${step}`));
      await look(step);
    }
    await page.evaluate((hash) => (window.location.hash = hash), `${agreementPath}/goals`);
    await page.locator('#step-title').waitFor();
    await page.getByRole('button', { name: t('facilitation.presentation.enter') }).click();
    await poll(() => page.locator('html').getAttribute('class')).toContain('presentation-mode');
    await look('presentation');
    await context.close();
    expect(problems).toEqual([]);
  });
});
