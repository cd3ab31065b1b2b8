import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyMonth } from '../../src/shared/actuals/store';
import { createTranslator } from '../../src/shared/i18n';
import type { MonthlyActuals } from '../../src/shared/model/actuals';
import type { Agreement, Language } from '../../src/shared/model/schema';
import { seriousViolations } from './axe';
import { launchChromium, poll, removeDir, screenshot, startBrowserMode, type BrowserModeServer } from './browserMode';
import { callApi, storedAgreement } from './workshopApi';
import { knownMessage } from '../support/messages';

/** Intl writes unit and percent spaces as non-breaking ones; cells are compared as a person reads them. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').trim();

/**
 * The monthly review meeting in the app: months seeded through the API, the review opened on the latest,
 * another month picked, the stage table checked against figures worked out by hand, a custom KPI's value and
 * a note typed key by key and kept after a reload, a decision carried into a draft's decision log, a
 * commitment's measure changed. The interface language differs from the browser's on purpose.
 */
describe.each<[Language, string]>([
  ['es', 'en-US'],
  ['en', 'es-ES'],
])('the monthly review in %s (browser locale %s)', (lang, locale) => {
  const t = createTranslator(lang);
  const L = (key: string, params?: Record<string, string | number>) => knownMessage(t, key, params);
  const pct = (value: number) => plain(new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100));
  const num = (value: number) => new Intl.NumberFormat(lang).format(value);
  let server: BrowserModeServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let agreement: Agreement;
  const customKpiId = 'custom-kpi-nps';
  const shot = (name: string) => screenshot(page, `results-review-${lang}-${name}`);

  const stageRow = (name: string) =>
    page
      .getByTestId('review-stages-table')
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  const cells = async (name: string) => (await stageRow(name).getByRole('cell').allInnerTexts()).map(plain);
  const stage = (key: string) => {
    const found = agreement.lifecycle.stages.find((s) => s.key === key);
    if (!found) throw new Error(`the example has a ${key} stage`);
    return found;
  };
  const month = (m: string, counts: Record<string, number>, more: Partial<MonthlyActuals> = {}): MonthlyActuals => ({
    ...emptyMonth(m),
    stages: Object.entries(counts).map(([key, count]) => ({ stageId: stage(key).id, count })),
    ...more,
  });
  const openReview = async () => {
    await page.goto(`${server.url}#/agreements/${agreement.meta.id}/results/review`);
    await page.getByTestId('review-panel').waitFor();
  };
  // "Changes not saved yet…" also holds the word: only the saved state's own text counts.
  const waitSaved = () => poll(() => page.getByTestId('results-save-state').innerText()).toMatch(new RegExp(`^${L('results.save.saved')}`));

  beforeAll(async () => {
    server = await startBrowserMode();
    const created = await callApi<{ agreement: Agreement; revision: number }>(server, 'agreements.create', { source: 'example', language: lang });
    const custom = {
      id: customKpiId,
      catalogKey: null,
      name: lang === 'es' ? 'Satisfacción de ventas con los leads' : 'Sales satisfaction with leads',
      definition: '',
      formula: '',
      target: 1000,
      unit: 'count' as const,
      frequency: 'monthly' as const,
      dataSource: '',
      owner: 'sales' as const,
    };
    await callApi(server, 'agreements.save', {
      id: created.agreement.meta.id,
      revision: created.revision,
      agreement: { ...created.agreement, kpis: [...created.agreement.kpis, custom] },
    });
    agreement = await storedAgreement(server, created.agreement.meta.id);
    await callApi(server, 'actuals.save', {
      id: agreement.meta.id,
      revision: 0,
      months: [
        month('2027-01', { lead: 520, mql: 190, sql: 100, opportunity: 35, customer: 12 }),
        month('2027-02', { lead: 450, mql: 210, sql: 90, opportunity: 40, customer: 18 }, { pctContactedWithinSla: 84, medianHoursToFirstContact: 3.5 }),
      ],
    });
    browser = await launchChromium();
    context = await browser.newContext({ locale, viewport: { width: 1366, height: 768 }, reducedMotion: 'reduce', acceptDownloads: true });
    await context.addInitScript((language) => {
      if (!localStorage.getItem('sla-workshop.preferences'))
        localStorage.setItem('sla-workshop.preferences', JSON.stringify({ state: { language }, version: 1 }));
    }, lang);
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDir(server.dataDir);
  });

  it('opens on the latest month with each stage against its target, in figures and in words', async () => {
    await openReview();
    await poll(() => page.getByTestId('review-month').inputValue()).toBe(lang === 'es' ? 'febrero de 2027' : 'February 2027');
    // Targets of the example: 500 leads, 200 MQLs, 100 SQLs, 40 opportunities, 16 customers a month.
    expect(await cells(stage('lead').name)).toEqual([num(500), num(450), pct(90), L('results.review.status.missed')]);
    expect(await cells(stage('mql').name)).toEqual([num(200), num(210), pct(105), L('results.review.status.met')]);
    expect(await cells(stage('sql').name)).toEqual([num(100), num(90), pct(90), L('results.review.status.missed')]);
    expect(await cells(stage('opportunity').name)).toEqual([num(40), num(40), pct(100), L('results.review.status.met')]);
    expect(await cells(stage('customer').name)).toEqual([num(16), num(18), pct(112.5), L('results.review.status.met')]);
    // KPIs: 210 / 450 = 46.7 % (target 40 %), 18 / 210 = 8.6 % (target 8 %), 84 % contacted in time (target 90 %).
    const kpi = (key: string) => page.getByTestId('review-kpis-table').locator(`tr[data-kpi="${key}"]`).getByRole('cell').allInnerTexts();
    expect((await kpi('leadToMqlRate')).map(plain)).toEqual([pct(46.7), pct(40), L('results.review.status.met')]);
    expect((await kpi('mqlToCustomerRate')).map(plain)).toEqual([pct(8.6), pct(8), L('results.review.status.met')]);
    expect((await kpi('speedToLead')).map(plain)).toEqual([pct(84), pct(90), L('results.review.status.missed')]);
    expect(await seriousViolations(page)).toEqual([]);
    await shot('february');
  });

  it('moves to the previous month and back', async () => {
    await page.getByRole('button', { name: L('results.review.month.previous') }).click();
    await poll(() => cells(stage('lead').name)).toEqual([num(500), num(520), pct(104), L('results.review.status.met')]);
    expect(await cells(stage('customer').name)).toEqual([num(16), num(12), pct(75), L('results.review.status.missed')]);
    expect(await page.getByRole('button', { name: L('results.review.month.previous') }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: L('results.review.month.next') }).click();
    await poll(() => cells(stage('lead').name)).toEqual([num(500), num(450), pct(90), L('results.review.status.missed')]);
  });

  it('shows the trend as a table on demand, with the months not entered said so', async () => {
    await page.getByRole('button', { name: L('results.review.chart.tableToggle') }).click();
    const table = page.getByTestId('review-trend-table');
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBe(13);
    const january = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: lang === 'es' ? 'enero de 2027' : 'January 2027', exact: true }) });
    expect((await january.getByRole('cell').allInnerTexts()).map(plain)).toEqual([num(520), num(190), num(100), num(35), num(12)]);
    const december = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: lang === 'es' ? 'diciembre de 2026' : 'December 2026', exact: true }) });
    expect(await december.getByRole('cell').first().innerText()).toBe(L('results.review.trend.notEntered'));
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lets the user say which figure measures a commitment', async () => {
    const conversion = page.getByTestId('review-commitment').nth(4);
    expect(await conversion.locator('[data-status]').getAttribute('data-status')).toBe('no-data');
    await conversion.getByLabel(L('results.review.compliance.measuredBy')).click();
    await page.getByRole('option', { name: L('results.review.compliance.measure.pctContactedWithinSla') }).click();
    // 84 % contacted within the window against "at least 8 %".
    await poll(() => conversion.locator('[data-status]').getAttribute('data-status')).toBe('met');
    expect(plain(await conversion.innerText())).toContain(plain(L('results.review.compliance.value', { value: pct(84) })));
    const mqls = page.getByTestId('review-commitment').nth(1);
    expect(await mqls.locator('[data-status]').getAttribute('data-status')).toBe('met');
  });

  it('keeps a custom KPI value and a note typed key by key, and carries a decision into the draft’s log', async () => {
    const kpiName = lang === 'es' ? 'Satisfacción de ventas con los leads' : 'Sales satisfaction with leads';
    const value = page.getByRole('textbox', {
      name: L('results.review.kpis.customValue', { kpi: kpiName, month: lang === 'es' ? 'febrero de 2027' : 'February 2027' }),
    });
    await value.pressSequentially(lang === 'es' ? '1.250,5' : '1,250.5', { delay: 20 });
    await value.press('Tab');
    const notes = page.getByRole('textbox', { name: L('results.review.notes.notes') });
    const note = lang === 'es' ? 'Menos leads por la campaña pausada; ¿reactivarla en marzo?' : 'Fewer leads: the paused campaign; restart it in March?';
    await notes.pressSequentially(note, { timeout: 60_000 });
    await page.getByRole('button', { name: L('results.review.notes.add') }).click();
    const decisionText = lang === 'es' ? 'Reactivar la campaña de webinars' : 'Restart the webinar campaign';
    await page.getByRole('textbox', { name: L('results.review.notes.text') }).pressSequentially(decisionText, { timeout: 60_000 });
    await page.getByRole('textbox', { name: L('results.review.notes.owner') }).pressSequentially('Laura', { delay: 10 });
    await waitSaved();
    const stored = await callApi<{ months: MonthlyActuals[] }>(server, 'actuals.get', { id: agreement.meta.id });
    const february = stored.months.find((m) => m.month === '2027-02');
    expect(february?.kpiValues).toEqual([{ kpiId: customKpiId, value: 1250.5 }]);
    expect(february?.notes).toBe(note);
    expect(february?.decisions.map((d) => [d.text, d.owner])).toEqual([[decisionText, 'Laura']]);

    await page.getByRole('button', { name: L('results.review.notes.carry') }).click();
    await poll(() => page.getByTestId('review-carry-message').innerText()).toBe(L('results.review.notes.carried'));
    await page.getByText(L('results.review.notes.inLog')).waitFor();
    const log = (await storedAgreement(server, agreement.meta.id)).decisions;
    expect(log.at(-1)).toMatchObject({ id: february?.decisions[0]?.id, text: decisionText, owner: 'Laura' });
    expect(log).toHaveLength(agreement.decisions.length + 1);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    expect(await seriousViolations(page)).toEqual([]);
    await shot('notes');

    await page.reload();
    await page.getByTestId('review-panel').waitFor();
    expect(await value.inputValue()).toBe(lang === 'es' ? '1.250,5' : '1,250.5');
    expect(await notes.inputValue()).toBe(note);
    await page.getByText(L('results.review.notes.inLog')).waitFor();
    // The measure chosen for the conversion commitment is remembered too.
    expect(await page.getByTestId('review-commitment').nth(4).locator('[data-status]').getAttribute('data-status')).toBe('met');

    // Text that is not a number stays where it was typed, with its problem, across a reload and in the grid's
    // own box for that KPI and month; the value saved before the typing is the one kept.
    await value.press('End');
    await value.pressSequentially('x', { delay: 20 });
    await value.press('Tab');
    const invalid = `${lang === 'es' ? '1.250,5' : '1,250.5'}x`;
    expect(await value.getAttribute('aria-invalid')).toBe('true');
    await waitSaved();
    await page.reload();
    await page.getByTestId('review-panel').waitFor();
    expect(await value.inputValue()).toBe(invalid);
    expect(await value.getAttribute('aria-invalid')).toBe('true');
    const kept = await callApi<{ months: MonthlyActuals[] }>(server, 'actuals.get', { id: agreement.meta.id });
    expect(kept.months.find((m) => m.month === '2027-02')?.kpiValues).toEqual([{ kpiId: customKpiId, value: 1250.5 }]);
    await page.goto(`${server.url}#/agreements/${agreement.meta.id}/results/figures`);
    const gridBox = page.getByRole('textbox', { name: new RegExp(`^${kpiName} · ${lang === 'es' ? 'febrero de 2027' : 'February 2027'}$`, 'i') });
    expect(await gridBox.inputValue()).toBe(invalid);
    // Corrected in the grid, the review shows the corrected value.
    await gridBox.press('End');
    for (let i = 0; i < 3; i++) await gridBox.press('Backspace');
    await gridBox.press('Tab');
    expect(await gridBox.getAttribute('aria-invalid')).not.toBe('true');
    await waitSaved();
    await openReview();
    expect(await value.inputValue()).toBe(lang === 'es' ? '1.250' : '1,250');
    expect(await value.getAttribute('aria-invalid')).not.toBe('true');
  });

  it('exports the month’s review as CSV and .docx to the downloads', async () => {
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: L('results.review.export.csv') }).click()]);
    expect(csv.suggestedFilename()).toMatch(/-2027-02\.csv$/);
    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: L('results.review.export.docx') }).click()]);
    expect(docx.suggestedFilename()).toMatch(/-2027-02\.docx$/);
  });

  it('looks right on a large screen', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByTestId('review-panel').waitFor();
    await shot('1920');
    await page.setViewportSize({ width: 1366, height: 768 });
  });
});
