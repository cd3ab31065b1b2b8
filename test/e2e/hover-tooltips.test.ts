import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/shared/i18n';
import type { Language } from '../../src/shared/model/schema';
import { knownMessage } from '../support/messages';
import { seriousViolations } from './axe';
import { launchChromium, poll, removeDir, SCREENSHOT_DIR, startBrowserMode, type BrowserModeServer } from './browserMode';
import { createAgreement, openStep, storedAgreement } from './workshopApi';

/**
 * The workshop's tooltips are mounted on the first hover (HoverTooltip) rather than with the screen. They
 * must still show while the pointer rests on their button, go when it leaves or on Escape, never stay
 * behind after a quick pass, and leave the element they wrap working as before (the shortcuts popover).
 */
describe.each<[Language, string]>([
  ['en', 'es-ES'],
  ['es', 'en-US'],
])('tooltips mounted on first hover, app in %s, browser in %s', (lang, locale) => {
  const t = createTranslator(lang);
  const L = (key: string, params?: Record<string, string | number>) => knownMessage(t, key, params);
  let server: BrowserModeServer;
  let browser: Browser;
  let page: Page;
  let example: string;

  beforeAll(async () => {
    server = await startBrowserMode();
    browser = await launchChromium();
    example = await createAgreement(server, 'example', lang);
    const context = await browser.newContext({ locale, viewport: { width: 1366, height: 768 } });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await openStep(page, server, lang, example, 'participants');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDir(server.dataDir);
  });

  const tooltip = (text: string) => page.getByRole('tooltip').filter({ hasText: text });

  it('shows on hover, goes when the pointer leaves, and passes axe while shown', async () => {
    const first = (await storedAgreement(server, example)).participants[0]?.name ?? '';
    const label = L('workshop.list.moveDown', { item: first });
    await page.getByRole('button', { name: label }).hover();
    await tooltip(label).waitFor();
    // The view as it is (a full-page picture resizes the page, and the pointer no longer rests on the button).
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, `hover-tooltip-item-${lang}.png`) });
    expect(await seriousViolations(page, { keepPointer: true })).toEqual([]);
    await page.mouse.move(0, 0);
    await tooltip(label).waitFor({ state: 'hidden' });
  });

  it('goes on Escape while the pointer stays', async () => {
    const label = L('facilitation.agenda.open');
    await page.getByRole('button', { name: label }).hover();
    await tooltip(label).waitFor();
    await page.keyboard.press('Escape');
    await tooltip(label).waitFor({ state: 'hidden' });
    await page.mouse.move(0, 0);
  });

  it('does not stay behind after the pointer passes quickly over a button', async () => {
    const button = page.getByRole('button', { name: L('facilitation.notes.open') });
    const box = await button.boundingBox();
    if (!box) throw new Error('notes button not laid out');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height + 200);
    await page.waitForTimeout(400);
    expect(await page.getByRole('tooltip').count()).toBe(0);
  });

  it('leaves the keyboard shortcuts button opening its list', async () => {
    const button = page.getByRole('button', { name: L('workshop.shortcuts.title') });
    await button.click();
    await page.getByRole('heading', { name: L('workshop.shortcuts.title') }).waitFor();
    await poll(() => button.getAttribute('aria-expanded')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
  });
});
