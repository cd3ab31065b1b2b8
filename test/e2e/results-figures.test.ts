import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currencySymbol } from '../../src/renderer/features/results/figures/columnLabels';
import { monthName } from '../../src/renderer/features/results/figures/months';
import { createTranslator } from '../../src/shared/i18n';
import type { MonthlyActuals } from '../../src/shared/model/actuals';
import { emptyMonth } from '../../src/shared/actuals/store';
import type { Agreement } from '../../src/shared/model/schema';
import { strokePngDataUrl } from '../support/png';
import { seriousViolations } from './axe';
import { launchChromium, poll, removeDir, screenshot, startBrowserMode, type BrowserModeServer } from './browserMode';
import { callApi, createAgreement } from './workshopApi';

/**
 * Issue #14 item 1: the figures by month, typed key by key into a SIGNED agreement (no amendment), in Spanish
 * and English with the browser in the other language. The figures are saved beside the agreement: its
 * fingerprint, its signatures and the verification of a document exported before are unchanged.
 */
const CASES = [
  { ui: 'es', browser: 'en-US', leads: ['1.250', 1250], revenue: ['12.500,50', 12_500.5, '12.500,50'], pct: '95,5' },
  { ui: 'en', browser: 'es-ES', leads: ['1,250', 1250], revenue: ['12,500.50', 12_500.5, '12,500.50'], pct: '95.5' },
] as const;

type Rec = { agreement: Agreement; revision: number };
type Lineage = { revision: number; months: MonthlyActuals[] };

const IMPORTED = '2026-09';
const FIRST = '2026-10';
const SECOND = '2026-11';

describe.each(CASES)('figures by month in $ui with the browser in $browser', (c) => {
  const t = createTranslator(c.ui);
  let server: BrowserModeServer;
  let browser: Browser;
  let page: Page;
  let id: string;
  let signed: Rec;
  let fingerprint: string;
  let exported: string;
  const months = async () => (await callApi<Lineage>(server, 'actuals.get', { id })).months;
  const monthOf = async (month: string) => (await months()).find((m) => m.month === month);
  const stageId = (key: string) => signed.agreement.lifecycle.stages.find((s) => s.key === key)!.id;
  const stageName = (key: string) => signed.agreement.lifecycle.stages.find((s) => s.key === key)!.name;
  const cell = (column: string, month: string) => page.getByRole('textbox', { name: `${column} · ${monthName(month, c.ui)}`, exact: true });
  const revenueLabel = () => t('results.figures.columns.revenue', { currency: currencySymbol(signed.agreement.meta.currency, c.ui) });
  const focused = () => page.evaluate(() => globalThis.document.activeElement?.getAttribute('aria-label') ?? '');

  async function openFigures() {
    await page.goto(server.url);
    await page.getByRole('button', { name: c.ui === 'es' ? 'Español' : 'English', exact: true }).click();
    await page.evaluate((agreement) => (globalThis.location.hash = `#/agreements/${agreement}/results/figures`), id);
    await page.getByRole('table', { name: t('results.figures.gridLabel') }).waitFor();
  }

  beforeAll(async () => {
    server = await startBrowserMode();
    browser = await launchChromium();
    page = await (await browser.newContext({ locale: c.browser, viewport: { width: 1366, height: 768 }, reducedMotion: 'reduce' })).newPage();
    page.setDefaultTimeout(15_000);
    id = await createAgreement(server, 'example', c.ui);
    signed = await callApi<Rec>(server, 'agreements.get', { id });
    // A custom KPI (no catalog formula): its monthly value is typed in the grid.
    const kpi = { ...signed.agreement.kpis[0]!, id: 'kpi-partner-nps', catalogKey: null, name: 'Partner NPS', unit: 'count' as const, target: 40 };
    const withKpi = { ...signed.agreement, kpis: [...signed.agreement.kpis, kpi] };
    const saved = await callApi<{ revision: number }>(server, 'agreements.save', { id, revision: signed.revision, agreement: withKpi });
    signed = { agreement: withKpi, revision: saved.revision };
    for (const p of signed.agreement.participants.filter((x) => x.mustSign)) {
      const preview = await callApi<{ fingerprint: string }>(server, 'signing.preview', { id });
      signed = (
        await callApi<{ record: Rec }>(server, 'signing.sign', {
          id,
          revision: signed.revision,
          participantId: p.id,
          name: p.name,
          jobTitle: p.jobTitle,
          image: strokePngDataUrl(3),
          consent: true,
          fingerprint: preview.fingerprint,
        })
      ).record;
    }
    expect(signed.agreement.meta.status).toBe('signed');
    fingerprint = (await callApi<{ fingerprint: string }>(server, 'signing.preview', { id })).fingerprint;
    exported = (await callApi<{ base64: string }>(server, 'document.export', { id, organization: 'Nortia Analytics', passphrase: 'a long passphrase' })).base64;
    // A month a CRM import wrote: shown with its marker, and still editable.
    const imported: MonthlyActuals = {
      ...emptyMonth(IMPORTED),
      stages: [{ stageId: stageId('lead'), count: 900 }],
      imported: { at: '2026-10-02T09:30:00Z', fileName: 'hubspot-september.csv', preset: 'hubspot' },
    };
    await callApi(server, 'actuals.save', { id, revision: 0, months: [imported] });
    await openFigures();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDir(server.dataDir);
  });

  it('adds months and stores what is typed key by key, read the interface’s way; Enter goes down a month', async () => {
    await expect(page.getByTestId(`imported-${IMPORTED}`).innerText()).resolves.toContain('hubspot-september.csv');
    const add = (month: string) => page.getByRole('button', { name: t('results.figures.addNext', { month: monthName(month, c.ui) }) });
    await add(FIRST).click();
    // The new month's first cell takes the focus.
    await poll(focused).toBe(`${stageName('lead')} · ${monthName(FIRST, c.ui)}`);
    await add(SECOND).click();
    await cell(stageName('lead'), FIRST).click();
    await page.keyboard.type(c.leads[0], { delay: 20 });
    await page.keyboard.press('Enter');
    expect(await focused()).toBe(`${stageName('lead')} · ${monthName(SECOND, c.ui)}`);
    await page.keyboard.type('7', { delay: 20 });
    await page.keyboard.press('Shift+Enter');
    expect(await focused()).toBe(`${stageName('lead')} · ${monthName(FIRST, c.ui)}`);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe(`${stageName('mql')} · ${monthName(FIRST, c.ui)}`);
    await cell(revenueLabel(), FIRST).pressSequentially(c.revenue[0], { delay: 20 });
    await page.keyboard.press('Tab');
    await poll(async () => {
      const m = await monthOf(FIRST);
      return [m?.stages.find((s) => s.stageId === stageId('lead'))?.count, m?.revenue];
    }).toEqual([c.leads[1], c.revenue[1]]);
    await poll(async () => (await monthOf(SECOND))?.stages.find((s) => s.stageId === stageId('lead'))?.count).toBe(7);
    // An imported month stays editable.
    await cell(stageName('lead'), IMPORTED).press('ControlOrMeta+a');
    await cell(stageName('lead'), IMPORTED).pressSequentially('910', { delay: 20 });
    await poll(async () => (await monthOf(IMPORTED))?.stages.find((s) => s.stageId === stageId('lead'))?.count).toBe(910);
    // A custom KPI accepts a typed value (negative ones too); the import's figures are one click away.
    await cell('Partner NPS', FIRST).pressSequentially('-12', { delay: 20 });
    const more = page.getByRole('button', { name: t('results.figures.moreFigures') });
    await more.click();
    await expect(more.getAttribute('aria-expanded')).resolves.toBe('true');
    await cell(t('results.figures.columns.contacts'), FIRST).pressSequentially('3000', { delay: 20 });
    await page.keyboard.press('Tab');
    await poll(async () => {
      const m = await monthOf(FIRST);
      return [m?.kpiValues, m?.contacts];
    }).toEqual([[{ kpiId: 'kpi-partner-nps', value: -12 }], 3000]);
    await more.click();
    await poll(() => page.getByTestId('results-save-state').innerText()).toContain(t('results.save.saved'));
  });

  it('keeps an invalid value on screen with its error and never saves it; the target is said in words', async () => {
    const mql = cell(stageName('mql'), FIRST);
    await mql.pressSequentially('12x', { delay: 20 });
    await page.keyboard.press('Tab');
    await expect(mql.inputValue()).resolves.toBe('12x');
    await expect(mql.getAttribute('aria-invalid')).resolves.toBe('true');
    await page.getByTestId('figures-invalid').waitFor();
    const pct = cell(t('results.figures.columns.pctContactedWithinHours', { count: signed.agreement.protocol.firstContactBusinessHours ?? 0 }), FIRST);
    await pct.pressSequentially(c.pct, { delay: 20 });
    await page.keyboard.press('Tab');
    await poll(async () => (await monthOf(FIRST))?.pctContactedWithinSla).toBe(95.5);
    const stored = await monthOf(FIRST);
    expect(stored?.stages.find((s) => s.stageId === stageId('mql'))?.count ?? null).toBeNull();
    // The speed-to-lead KPI's target (90 %) is met, and the cell says so in text.
    const description = await pct.evaluate((el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((ref) => globalThis.document.getElementById(ref)?.textContent ?? '')
        .join(' '),
    );
    expect(description).toContain(t('results.figures.verdict.met'));
    await screenshot(page, `results-figures-${c.ui}`);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('leaves the signed agreement exactly as signed: fingerprint, signatures, version and an earlier export verify', async () => {
    const now = await callApi<Rec>(server, 'agreements.get', { id });
    expect(now.agreement).toEqual(signed.agreement);
    expect(now.revision).toBe(signed.revision);
    expect((await callApi<{ fingerprint: string }>(server, 'signing.preview', { id })).fingerprint).toBe(fingerprint);
    const verdict = await callApi<{ status: string; problems: unknown[]; anchor: { kind: string } | null }>(server, 'document.verify', { base64: exported });
    expect(verdict).toMatchObject({ status: 'match', problems: [], anchor: { kind: 'exported' } });
  });

  it('after a reload shows the saved figures, and the invalid text is still there, still not saved', async () => {
    await page.reload();
    await page.getByRole('table', { name: t('results.figures.gridLabel') }).waitFor();
    await expect(cell(stageName('lead'), FIRST).inputValue()).resolves.toBe(c.leads[0]);
    await expect(cell(revenueLabel(), FIRST).inputValue()).resolves.toBe(c.revenue[2]);
    await expect(cell(stageName('mql'), FIRST).inputValue()).resolves.toBe('12x');
    expect((await monthOf(FIRST))?.stages.find((s) => s.stageId === stageId('mql'))?.count ?? null).toBeNull();
  });

  it('scrolls sideways inside its own box with the month column in view, at 1366×768 and at 200 % zoom', async () => {
    for (const viewport of [
      { width: 1366, height: 768 },
      { width: 683, height: 384 },
    ]) {
      await page.setViewportSize(viewport);
      const box = page.getByTestId('figures-scroll');
      await box.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
      const layout = await box.evaluate((el) => ({
        scrolls: el.scrollWidth > el.clientWidth,
        scrolled: el.scrollLeft > 0,
        page: globalThis.document.documentElement.scrollWidth <= globalThis.innerWidth,
        boxLeft: el.getBoundingClientRect().left,
        monthLeft: el.querySelector('tbody th')?.getBoundingClientRect().left ?? -1,
      }));
      expect(layout).toMatchObject({ scrolls: true, scrolled: true, page: true });
      expect(Math.abs(layout.monthLeft - layout.boxLeft)).toBeLessThan(3);
      if (viewport.width < 1000) await screenshot(page, `results-figures-zoom200-${c.ui}`);
    }
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('removes a month’s figures only after asking', async () => {
    await page.getByRole('button', { name: t('results.figures.remove.button', { month: monthName(SECOND, c.ui) }) }).click();
    const dialog = page.getByRole('dialog', { name: t('results.figures.remove.title', { month: monthName(SECOND, c.ui) }) });
    await dialog.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, `results-figures-remove-${c.ui}`);
    await dialog.getByRole('button', { name: t('results.figures.remove.confirm') }).click();
    await poll(async () => (await months()).map((m) => m.month)).toEqual([IMPORTED, FIRST]);
    await expect(cell(stageName('lead'), SECOND).count()).resolves.toBe(0);
  });
  it('adds any month from the month picker, in the interface’s language', async () => {
    await page
      .getByRole('textbox', { name: t('results.figures.pickMonth') })
      .or(page.getByRole('button', { name: t('results.figures.pickMonth') }))
      .click();
    const january = new Intl.DateTimeFormat(c.ui, { month: 'short', timeZone: 'UTC' }).format(Date.UTC(2026, 0, 1));
    const option = page.getByRole('button', { name: new RegExp(`^${january}`, 'i') }).first();
    await option.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, `results-figures-picker-${c.ui}`);
    await option.click();
    await poll(async () => (await months()).map((m) => m.month)).toContain(`${new Date().getFullYear()}-01`);
    await poll(focused).toBe(`${stageName('lead')} · ${monthName(`${new Date().getFullYear()}-01`, c.ui)}`);
  });
});
