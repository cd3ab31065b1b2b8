import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/shared/api/client';
import { createTranslator } from '../../src/shared/i18n';
import { knownMessage } from '../support/messages';
import type { Language } from '../../src/shared/model/schema';
import { createHttpTransport } from '../../src/renderer/api/httpTransport';
import { CONNECTION_CHECK_MS } from '../../src/renderer/components/useConnectionCheck';
import { tempDir } from '../support/tempDirs';
import { launchChromium, poll, removeDir, screenshot, startBrowserMode, type BrowserModeServer } from './browserMode';

const ENDONYMS = { es: 'Español', en: 'English' } as const;

/**
 * `npm run web` is stopped and started again while a tab is open with unsaved text. The tab must say at once
 * that its link no longer works and how to go on, never retry in a loop, and the new link must bring the
 * unsaved text back.
 */
describe.each<[Language, string]>([
  ['es', 'en-US'],
  ['en', 'es-ES'],
])('restarting browser mode, app in %s, browser in %s', (lang, locale) => {
  const t = createTranslator(lang);
  const L = (key: string, params?: Record<string, string | number>) => knownMessage(t, key, params);
  const dataDir = tempDir('sla-e2e-restart-');
  const typed = lang === 'es' ? 'Logística y distribución, escrito sin conexión' : 'Logistics and distribution, typed while offline';
  let first: BrowserModeServer;
  let second: BrowserModeServer | undefined;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** Two tabs on the home screen nobody touches, with their clocks stopped: one is looked at again, one waits. */
  let idle: Page;
  let waiting: Page;
  let id: string;

  const industry = (on: Page) => on.getByRole('textbox', { name: L('steps.icp.company.industry.label'), exact: true });
  const banner = (on: Page) => on.getByTestId('connection-banner');
  async function typeAtEnd(box: Locator, text: string): Promise<void> {
    await box.click();
    await box.press('End');
    await box.pressSequentially(text);
  }
  async function seriousViolations(on: Page, within?: string): Promise<string[]> {
    const builder = new AxeBuilder({ page: on });
    const results = await (within ? builder.include(within) : builder).analyze();
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  }

  beforeAll(async () => {
    // Started as a user starts it: no --port, so it takes (and remembers) a port.
    first = await startBrowserMode(dataDir, {}, []);
    browser = await launchChromium();
    context = await browser.newContext({ locale, viewport: { width: 1366, height: 900 }, reducedMotion: 'reduce' });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(first.url);
    await page.getByRole('button', { name: ENDONYMS[lang] }).click();
    await page.getByRole('button', { name: L('ui.home.newExample') }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(L('ui.create.language')).selectOption(lang);
    await dialog.getByRole('button', { name: L('ui.create.submit') }).click();
    await page.waitForURL(/#\/agreements\/[^/]+\/participants$/);
    id = /#\/agreements\/([^/]+)\//.exec(page.url())![1]!;
    await page.goto(page.url().replace(/\/participants$/, '/icp'));
    await industry(page).waitFor();
    // Their own browser context, because a context shares one clock among its pages.
    const stopped = await browser.newContext({ locale, viewport: { width: 1366, height: 900 }, reducedMotion: 'reduce' });
    await stopped.clock.install();
    [idle, waiting] = [await stopped.newPage(), await stopped.newPage()];
    for (const tab of [idle, waiting]) {
      await tab.goto(first.url);
      await tab.getByRole('button', { name: ENDONYMS[lang] }).click();
      await tab.getByTestId('agreement-row').first().waitFor();
    }
    await stopped.clock.pauseAt(Date.now() + 1_000);
  });
  afterAll(async () => {
    await browser?.close();
    await first?.stop();
    await second?.stop();
    removeDir(dataDir);
  });

  it('says at once that the tab’s link expired, keeps typing safe, and never retries', async () => {
    await first.stop();
    await industry(page).click();
    await industry(page).press('ControlOrMeta+a');
    await industry(page).pressSequentially(typed);
    await poll(() => banner(page).getAttribute('data-status')).toBe('unreachable');
    await poll(() => page.getByTestId('save-state').getAttribute('data-status')).toBe('error');
    await screenshot(page, `restart-unreachable-${lang}`);

    second = await startBrowserMode(dataDir, {}, []);
    expect(new URL(second.url).port).toBe(new URL(first.url).port);
    expect(new URL(second.url).searchParams.get('token')).not.toBe(new URL(first.url).searchParams.get('token'));

    // The next keystroke's save meets the new server: refused once, said at once, not retried.
    await typeAtEnd(industry(page), '.');
    await poll(() => banner(page).getAttribute('data-status')).toBe('expired');
    await poll(() => page.getByTestId('save-state').getAttribute('data-status')).toBe('expired');
    expect(await banner(page).innerText()).toContain(L('ui.connection.expiredTitle'));
    const requests: string[] = [];
    page.on('request', (request) => void requests.push(request.url()));
    await typeAtEnd(industry(page), ' ');
    await page.waitForTimeout(6_000);
    expect(requests.filter((url) => url.includes('/api/'))).toEqual([]);
    expect(await industry(page).inputValue()).toBe(`${typed}. `);
    expect(await seriousViolations(page, '[data-testid="connection-banner"]')).toEqual([]);
    await screenshot(page, `restart-expired-${lang}`);
  });

  it('lets a tab nobody typed in notice too: as soon as it is looked at, or at its next check', async () => {
    expect(await banner(idle).count()).toBe(0);
    await idle.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await poll(() => banner(idle).getAttribute('data-status')).toBe('expired');

    expect(await banner(waiting).count()).toBe(0);
    await waiting.clock.runFor(CONNECTION_CHECK_MS);
    await poll(() => banner(waiting).getAttribute('data-status')).toBe('expired');

    // axe-core schedules its work with timers: let time run again before asking it.
    await idle.clock.resume();
    expect(await seriousViolations(idle)).toEqual([]);
    await screenshot(idle, `restart-expired-home-${lang}`);
  });

  it('brings the unsaved text back when the new link is opened', async () => {
    const fresh = await context.newPage();
    await fresh.goto(second!.url);
    await fresh
      .getByTestId('agreement-row')
      .first()
      .getByRole('button', { name: L('ui.row.open') })
      .click();
    await fresh.waitForURL(new RegExp(`#/agreements/${id}/`));
    await fresh.goto(fresh.url().replace(/\/[a-z]+$/, '/icp'));
    await poll(() => industry(fresh).inputValue()).toBe(`${typed}. `);
    await poll(() => fresh.getByText(L('workshop.recovered')).isVisible()).toBe(true);
    await poll(() => fresh.getByTestId('save-state').getAttribute('data-status')).toBe('saved');
    const url = new URL(second!.url);
    const client = createApiClient(createHttpTransport(url.origin, url.searchParams.get('token') ?? ''));
    expect((await client.call('agreements.get', { id })).agreement.icp.company.industry).toBe(`${typed}. `);
    expect(await banner(fresh).count()).toBe(0);
  });
});
