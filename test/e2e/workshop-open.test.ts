import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/shared/i18n';
import { fieldId } from '../../src/shared/model/paths';
import type { Language } from '../../src/shared/model/schema';
import { knownMessage } from '../support/messages';
import { launchChromium, poll, removeDir, screenshot, startBrowserMode, type BrowserModeServer } from './browserMode';
import { createAgreement, openStep, storedAgreement } from './workshopApi';

/**
 * Opening a step shows what is in view first and mounts the rest (list items past the second, the "still
 * missing" panel) right after, and the agreement is requested in a layout effect. Nothing of that may show:
 * every item arrives, a key typed into the last one at once is kept, and going straight from one agreement
 * to another (the old session closing while the new one opens) lands on the second.
 */
describe.each<[Language, string]>([
  ['en', 'es-ES'],
  ['es', 'en-US'],
])('opening a workshop step, app in %s, browser in %s', (lang, locale) => {
  const t = createTranslator(lang);
  const L = (key: string, params?: Record<string, string | number>) => knownMessage(t, key, params);
  let server: BrowserModeServer;
  let browser: Browser;
  let page: Page;
  let example: string;
  let blank: string;

  beforeAll(async () => {
    server = await startBrowserMode();
    browser = await launchChromium();
    example = await createAgreement(server, 'example', lang);
    blank = await createAgreement(server, 'blank', lang);
    const context = await browser.newContext({ locale, viewport: { width: 1366, height: 768 }, reducedMotion: 'reduce' });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDir(server.dataDir);
  });

  it('mounts every participant and the missing panel, and keeps keys typed into the last card at once', async () => {
    const stored = await storedAgreement(server, example);
    const last = stored.participants.length - 1;
    expect(last).toBeGreaterThan(2);
    await openStep(page, server, lang, example, 'participants');
    const name = page.locator(`#${fieldId(['participants', last, 'name'])}`);
    await name.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Ñúñez', { delay: 15 });
    for (let n = 1; n <= last + 1; n++) await page.getByRole('group', { name: L('steps.participants.itemN', { n }), exact: true }).waitFor();
    await page.getByRole('heading', { name: L('workshop.missingTitle'), level: 3 }).waitFor();
    const expected = `${stored.participants[last]?.name ?? ''} Ñúñez`;
    expect(await name.inputValue()).toBe(expected);
    await poll(async () => (await storedAgreement(server, example)).participants[last]?.name).toBe(expected);
    await screenshot(page, `workshop-open-participants-${lang}`);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(
      axe.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
    ).toEqual([]);
  });

  it('goes straight from one agreement to another and back', async () => {
    const titles = { [example]: (await storedAgreement(server, example)).meta.title, [blank]: (await storedAgreement(server, blank)).meta.title };
    for (const id of [blank, example, blank]) {
      await page.evaluate((target) => (window.location.hash = `#/agreements/${target}/participants`), id);
      await poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(titles[id]);
      await poll(() => page.locator(`#${fieldId(['meta', 'title'])}`).inputValue()).toBe(titles[id]);
    }
  });
});
