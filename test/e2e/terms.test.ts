import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/shared/i18n';
import type { Language } from '../../src/shared/model/schema';
import { launchChromium, poll, removeDir, screenshot, startBrowserMode, type BrowserModeServer } from './browserMode';
import { createAgreement, openStep, storedAgreement } from './workshopApi';
import { knownMessage } from '../support/messages';

/**
 * The Terms part of the review-cadence step (issue #13, item 4), typed key by key in the app's language while
 * the browser speaks another one; what is stored is read back through the API, and axe checks the step.
 */
/** 1 April 2027, typed as the interface language writes dates (day first in Spanish, month first in English). */
const DATE_KEYS: Record<Language, string> = { es: '01/04/2027', en: '04/01/2027' };

describe.each<[Language, string]>([
  ['es', 'en-US'],
  ['en', 'es-ES'],
])('the terms of an agreement in %s (browser locale %s)', (lang, locale) => {
  const t = createTranslator(lang);
  const L = (key: string) => knownMessage(t, key);
  let server: BrowserModeServer;
  let browser: Browser;
  let page: Page;
  let id: string;

  beforeAll(async () => {
    server = await startBrowserMode();
    browser = await launchChromium();
    page = await (await browser.newContext({ locale, viewport: { width: 1366, height: 900 } })).newPage();
    page.setDefaultTimeout(10_000);
    id = await createAgreement(server, 'blank', lang);
    await openStep(page, server, lang, id, 'cadence');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDir(server.dataDir);
  });

  /** Fields are found by the id the "still missing" list focuses them by (shared/model/paths.ts fieldId). */
  const typeInto = async (path: string, text: string) => {
    const box = page.locator(`#field-terms-${path}`);
    await box.click();
    await box.pressSequentially(text, { delay: 10 });
  };

  it('asks for the clauses, and stores each one typed key by key', async () => {
    const terms = page.getByRole('region', { name: L('steps.cadence.terms.title') });
    await terms.scrollIntoViewIfNeeded();
    await typeInto('effectiveDate', DATE_KEYS[lang]);
    await page.locator('#field-terms-term').selectOption('months');
    await typeInto('termMonths', '12');
    const to = lang === 'es' ? 'Dirección General' : 'Chief Executive Officer';
    const remedy =
      lang === 'es' ? 'Plan de recuperación con fechas, ¿quién lo presenta? Los dos responsables.' : 'A recovery plan with dates, presented by both leaders.';
    await typeInto('escalation-to', to);
    await typeInto('escalation-withinDays', '10');
    await typeInto('escalation-remedy', remedy);
    await typeInto('amendmentNotes', lang === 'es' ? 'Se firman en la revisión formal.' : 'Signed at the formal review.');
    await terms.getByRole('radio', { name: L('steps.cadence.terms.yes'), exact: true }).check();
    await typeInto('confidentiality-text', lang === 'es' ? 'Solo para los dos equipos.' : 'For the two teams only.');
    await page.keyboard.press('Tab');
    await poll(async () => (await storedAgreement(server, id)).terms).toEqual({
      effectiveDate: '2027-04-01',
      term: 'months',
      termMonths: 12,
      escalation: { to, withinDays: 10, remedy },
      amendmentNotes: lang === 'es' ? 'Se firman en la revisión formal.' : 'Signed at the formal review.',
      confidentiality: { required: true, text: lang === 'es' ? 'Solo para los dos equipos.' : 'For the two teams only.' },
    });
    // Nothing about the terms is missing any more.
    for (const key of ['effectiveDate', 'term', 'termMonths', 'escalationTo', 'escalationDays', 'escalationRemedy', 'confidentiality']) {
      expect(await page.getByText(L(`missing.cadence.${key}`), { exact: true }).count(), key).toBe(0);
    }
    await terms.screenshot({ path: `test-results/screenshots/terms-${lang}.png` });
    await screenshot(page, `terms-${lang}-step`);
  });

  it('"until replaced" needs no number of months, and hides the box', async () => {
    await page.locator('#field-terms-term').selectOption('until-replaced');
    await poll(() => page.locator('#field-terms-termMonths').count()).toBe(0);
    await poll(async () => (await storedAgreement(server, id)).terms.term).toBe('until-replaced');
  });

  it('has no serious or critical accessibility violation on the step', async () => {
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
    expect(bad).toEqual([]);
  });
});
