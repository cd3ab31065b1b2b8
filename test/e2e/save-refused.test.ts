import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator, describeError } from '../../src/shared/i18n';
import type { ApiError } from '../../src/shared/api/errors';
import type { Language } from '../../src/shared/model/schema';
import { knownMessage } from '../support/messages';
import { launchChromium, poll, removeDir, screenshot, startBrowserMode, type BrowserModeServer } from './browserMode';

const ENDONYMS = { es: 'Español', en: 'English' } as const;

/**
 * A save the host refuses for what it contains is shown with its reason and never sent again on its own;
 * the text stays in the field. The refusal is the host's answer on the wire (the screens never produce
 * content the model refuses, so the route stands in for a host with stricter rules).
 */
describe.each<[Language, string]>([
  ['en', 'es-ES'],
  ['es', 'en-US'],
])('a refused save, app in %s, browser in %s', (lang, locale) => {
  const t = createTranslator(lang);
  const L = (key: string, params?: Record<string, string | number>) => knownMessage(t, key, params);
  const refusal: ApiError = {
    kind: 'invalid_input',
    message: 'Invalid input',
    issues: [{ path: 'icp.company.industry', code: 'too_big', params: { limit: 200 } }],
  };
  let server: BrowserModeServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startBrowserMode();
    browser = await launchChromium();
    const context = await browser.newContext({ locale, viewport: { width: 1366, height: 900 }, reducedMotion: 'reduce' });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(server.url);
    await page.getByRole('button', { name: ENDONYMS[lang] }).click();
    await page.getByRole('button', { name: L('ui.home.newExample') }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(L('ui.create.language')).selectOption(lang);
    await dialog.getByRole('button', { name: L('ui.create.submit') }).click();
    await page.waitForURL(/#\/agreements\/[^/]+\/participants$/);
    await page.goto(page.url().replace(/\/participants$/, '/icp'));
    await page.getByRole('heading', { name: L('common.steps.icp'), exact: true, level: 2 }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDir(server.dataDir);
  });

  it('says why, keeps the text, sends nothing more until the next edit', async () => {
    let refused = 0;
    await page.route('**/api/agreements.save', (route) => {
      refused++;
      void route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: false, error: refusal }) });
    });
    const industry = page.getByRole('textbox', { name: L('steps.icp.company.industry.label'), exact: true });
    const typed = lang === 'es' ? 'Logística del frío' : 'Cold-chain logistics';
    await industry.click();
    await industry.press('ControlOrMeta+a');
    await industry.pressSequentially(typed);
    const state = page.getByTestId('save-state');
    await poll(() => state.getAttribute('data-status')).toBe('refused');
    expect(await page.getByTestId('save-refused-reason').textContent()).toBe(describeError(t, refusal));
    expect(await state.textContent()).toContain(L('workshop.save.refused'));
    // Backoff would have sent it again after 1 and 2 s: a refusal is not retried.
    await page.waitForTimeout(3_500);
    expect(refused).toBe(1);
    expect(await industry.inputValue()).toBe(typed);
    await screenshot(page, `save-refused-${lang}`);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(
      axe.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
    ).toEqual([]);

    // The next keystroke sends again; with the host accepting, everything is saved.
    await page.unroute('**/api/agreements.save');
    await industry.press('End');
    await industry.pressSequentially('.');
    await poll(() => state.getAttribute('data-status')).toBe('saved');
    expect(await industry.inputValue()).toBe(`${typed}.`);
  });
});
