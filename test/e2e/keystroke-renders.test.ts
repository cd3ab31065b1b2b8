import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/shared/i18n';
import type { Language } from '../../src/shared/model/schema';
import { knownMessage } from '../support/messages';
import { seriousViolations } from './axe';
import { launchChromium, poll, removeDir, screenshot, startBrowserMode, type BrowserModeServer } from './browserMode';
import { createAgreement, openStep, storedAgreement } from './workshopApi';

/**
 * Counts, per component name, the renders React commits while `window.__countRenders` is on. React calls this
 * hook (the one its developer tools install) after every commit, in production builds too; a fiber that did
 * work in the commit carries the PerformedWork flag (1), and a subtree whose children were not touched is skipped.
 */
const RENDER_COUNTER = `(() => {
  const counts = {};
  window.__renders = counts;
  const nameOf = (fiber) => {
    const type = fiber.type;
    if (!type || typeof type === 'string') return null;
    return type.displayName || type.name || (type.type && (type.type.displayName || type.type.name)) || (type.render && (type.render.displayName || type.render.name)) || null;
  };
  const walk = (next, previous) => {
    if (!previous || (next.flags & 1) === 1) {
      const name = nameOf(next);
      if (name) counts[name] = (counts[name] || 0) + 1;
    }
    if (previous && next.child === previous.child) return;
    for (let child = next.child; child; child = child.sibling) walk(child, child.alternate);
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject(renderer) { this.renderers.set(1, renderer); return 1; },
    onScheduleFiberRoot() {},
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    onCommitFiberRoot(_id, root) { if (window.__countRenders) walk(root.current, root.current.alternate); },
  };
})()`;

/**
 * A keystroke in a workshop text box reaches the screen without re-rendering the box or the step around it
 * (issue #10 item 12, keystroke-to-paint), and still: every key is stored, undo from another place shows the
 * stored text in the box, and what is missing follows the typing (just after the paint, without a render per key).
 */
describe.each<[Language, string]>([
  ['en', 'es-ES'],
  ['es', 'en-US'],
])('typing in a text box, app in %s, browser in %s', (lang, locale) => {
  const t = createTranslator(lang);
  const L = (key: string, params?: Record<string, string | number>) => knownMessage(t, key, params);
  let server: BrowserModeServer;
  let browser: Browser;
  let page: Page;
  let id: string;
  const renders = () => page.evaluate<Record<string, number>>('({ ...window.__renders })');

  beforeAll(async () => {
    server = await startBrowserMode();
    browser = await launchChromium();
    const context = await browser.newContext({ locale, viewport: { width: 1366, height: 900 }, reducedMotion: 'reduce' });
    await context.addInitScript(RENDER_COUNTER);
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    id = await createAgreement(server, 'blank', lang);
    await openStep(page, server, lang, id, 'icp');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDir(server.dataDir);
  });

  it('stores every key without re-rendering the box, and the missing list catches up', async () => {
    const label = L('steps.icp.company.description.label');
    const missing = page.getByRole('region', { name: L('workshop.missingTitle') });
    const description = page.getByRole('textbox', { name: label });
    const item = missing.getByRole('button', { name: L('missing.icp.description') });
    await poll(() => item.isVisible()).toBe(true);
    await description.click();
    await page.evaluate('window.__countRenders = true');
    const text = lang === 'es' ? 'Cadenas de tiendas con venta en línea, ¿cuántas? ¡Muchas!' : 'Retail chains that also sell online, with "one view" of stock.';
    await description.pressSequentially(text, { delay: 20 });
    await poll(() => page.getByTestId('save-state').getAttribute('data-status')).toBe('saved');
    const counted = await renders();
    await page.evaluate('window.__countRenders = false');
    expect(await description.inputValue()).toBe(text);
    expect((await storedAgreement(server, id)).icp.company.description).toBe(text);
    // The box and the step never re-rendered; the missing list re-rendered once, when the item went away.
    expect(counted.TextAreaField ?? 0).toBe(0);
    expect(counted.IcpStep ?? 0).toBe(0);
    expect(counted.MissingList ?? 0).toBeLessThanOrEqual(1);
    // What is missing and the steps' badges follow the draft after the paint, and render only when they
    // change (the description item going away): not once or twice per key, as when they read the draft.
    expect(counted.StepMissing ?? 0).toBeLessThanOrEqual(2);
    expect(counted.StepNav ?? 0).toBeLessThanOrEqual(2);
    await poll(() => item.count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, `keystroke-renders-${lang}`);
  });

  it('shows what undo puts back in the box, as typed key by key and stored', async () => {
    const box = page.getByRole('textbox', { name: L('steps.icp.company.industry.label'), exact: true });
    await box.click();
    await box.pressSequentially('Retail', { delay: 20 });
    await poll(() => page.getByTestId('save-state').getAttribute('data-status')).toBe('saved');
    await page.getByRole('button', { name: L('workshop.undo') }).click();
    await poll(() => box.inputValue()).toBe('');
    await poll(async () => (await storedAgreement(server, id)).icp.company.industry).toBe('');
    await page.getByRole('button', { name: L('workshop.redo') }).click();
    await poll(() => box.inputValue()).toBe('Retail');
    await poll(async () => (await storedAgreement(server, id)).icp.company.industry).toBe('Retail');
  });

  it('after a reload, the boxes show what was stored', async () => {
    await page.reload();
    await page.locator('#step-title').waitFor();
    expect(await page.getByRole('textbox', { name: L('steps.icp.company.industry.label'), exact: true }).inputValue()).toBe('Retail');
    expect(await page.getByRole('textbox', { name: L('steps.icp.company.description.label') }).inputValue()).toContain(lang === 'es' ? '¡Muchas!' : 'stock.');
  });
});
