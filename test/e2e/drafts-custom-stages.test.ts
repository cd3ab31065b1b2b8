import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/shared/i18n';
import { launchChromium, poll, removeDir, screenshot, startBrowserMode, type BrowserModeServer } from './browserMode';
import { createAgreement, openStep, retype, storedAgreement } from './workshopApi';
import type { StepId, Team } from '../../src/shared/model/schema';

/**
 * Issue #10 item 3 (nothing typed is dropped: an invalid e-mail survives leaving the step and a reload,
 * and the save state says it is not saved) and item 7 (custom stages in the calculator, the target
 * warnings and the handoff diagram). Typed key by key; the browser's language is the other one.
 */
describe.each([
  { ui: 'es', browser: 'en-US' },
  { ui: 'en', browser: 'es-ES' },
] as const)('drafts and custom stages in $ui with the browser in $browser', ({ ui, browser: browserLocale }) => {
  const t = createTranslator(ui);
  let server: BrowserModeServer;
  let browser: Browser;
  let page: Page;
  let id: string;
  const stored = () => storedAgreement(server, id);
  const saveState = () => page.getByTestId('save-state');
  const go = async (step: StepId) => {
    await page.evaluate(([agreement, target]) => (window.location.hash = `#/agreements/${agreement}/${target}`), [id, step] as const);
    await poll(() => page.locator('#step-title').innerText()).toBe(t(`common.steps.${step}`));
  };
  const errorOf = (selector: string) =>
    page
      .locator(selector)
      .evaluate((el) =>
        el.getAttribute('aria-invalid') === 'true'
          ? (document.getElementById((el.getAttribute('aria-describedby') ?? '').split(' ')[0] ?? '')?.textContent ?? '')
          : '',
      );
  const seriousViolations = async () =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);

  beforeAll(async () => {
    server = await startBrowserMode();
    browser = await launchChromium();
    page = await (await browser.newContext({ locale: browserLocale, viewport: { width: 1366, height: 900 }, reducedMotion: 'reduce' })).newPage();
    page.setDefaultTimeout(10_000);
    id = await createAgreement(server, 'blank', ui);
    await openStep(page, server, ui, id, 'participants');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDir(server.dataDir);
  });

  it('keeps an invalid e-mail through leaving the step and a reload, and says it is not saved', async () => {
    const email = '#field-participants-0-email';
    await page.getByRole('button', { name: t('steps.participants.people.add') }).click();
    await retype(page, '#field-participants-0-name', 'Carla Ruiz');
    await retype(page, email, 'carla.ruiz@acme');
    await go('icp');
    await poll(() => saveState().innerText()).toContain(t('workshop.fieldDrafts.notSaved', { count: 1 }));
    expect(await saveState().getAttribute('data-status')).toBe('invalid');

    await go('participants');
    expect(await page.locator(email).inputValue()).toBe('carla.ruiz@acme');
    expect(await errorOf(email)).toBe(t('steps.participants.fields.email.invalid'));
    await page.reload();
    await page.locator(email).waitFor();
    expect(await page.locator(email).inputValue()).toBe('carla.ruiz@acme');
    await poll(() => saveState().innerText()).toContain(t('workshop.fieldDrafts.notSaved', { count: 1 }));
    await screenshot(page, `drafts-${ui}-email`);
    expect(await seriousViolations()).toEqual([]);
    await poll(async () => (await stored()).participants[0]?.email).toBe('');

    // From another step, the save state's link brings the user to the field, focused.
    await go('icp');
    await page.getByTestId('invalid-fields-link').click();
    await poll(() => page.locator('#step-title').innerText()).toBe(t('common.steps.participants'));
    await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('field-participants-0-email');
    await page.keyboard.press('End');
    await page.keyboard.type('.com');
    await poll(async () => (await stored()).participants[0]?.email).toBe('carla.ruiz@acme.com');
    await poll(() => saveState().getAttribute('data-status')).toBe('saved');
  });

  it('places custom stages in the calculator and checks their targets', async () => {
    await go('lifecycle');
    // "Demo" (sales) goes between SQL and Opportunity, "Nurture" (marketing) right after it.
    for (const [name, owner] of [
      ['Demo', 'sales'],
      ['Nurture', 'marketing'],
    ] as const) {
      await page.getByRole('button', { name: t('steps.lifecycle.stages.add') }).click();
      await poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/^field-lifecycle-stages-\d+-name$/);
      const index = Number((await page.evaluate(() => document.activeElement?.id ?? '')).split('-')[3]);
      await page.keyboard.type(name);
      await page.locator(`#field-lifecycle-stages-${index}-owner`).selectOption(owner);
      for (let i = 0; i < 2; i++) await page.getByRole('button', { name: t('workshop.list.moveUp', { item: name }) }).click();
    }
    await poll(async () => (await stored()).lifecycle.stages.map((s) => s.name.slice(0, 4))).toEqual(expect.arrayContaining(['Demo', 'Nurt']));

    await go('goals');
    // Target boxes are named by their row in goals.targets, which follows the order stages were created.
    const agreement = await stored();
    const row = (name: string) =>
      agreement.goals.targets.findIndex((r) => r.stageId === agreement.lifecycle.stages.find((s) => s.name === name || s.key === name)?.id);
    const targetBox = (name: string) => `#field-goals-targets-${row(name)}-monthly`;
    for (const [name, text] of [
      ['lead', '500'],
      ['mql', '200'],
      ['sql', '100'],
      ['Demo', '60'],
      ['opportunity', '40'],
      ['customer', '16'],
    ] as const)
      await retype(page, targetBox(name), text);
    for (const [selector, text] of [
      ['revenueGoal', ui === 'es' ? '200.000' : '200,000'],
      ['averageDealSize', ui === 'es' ? '12.500' : '12,500'],
      ['rates-leadToMql', '40'],
      ['rates-mqlToSql', '50'],
      ['rates-sqlToOpportunity', '40'],
      ['rates-opportunityToCustomer', '40'],
    ] as const)
      await retype(page, `#field-goals-calculator-${selector}`, text);

    const cards = page.getByRole('list', { name: t('steps.goals.calculator.resultsTitle') }).getByRole('listitem');
    await poll(() => cards.count()).toBe(7);
    const demo = cards.filter({ hasText: 'Demo' });
    await poll(() => demo.innerText()).toContain('60');
    expect(await demo.innerText()).toContain(t('steps.goals.calculator.rateIn', { rate: new Intl.NumberFormat(ui, { style: 'percent' }).format(0.6) }));
    expect(await cards.filter({ hasText: 'Nurture' }).innerText()).toContain(t('steps.goals.calculator.customNoTarget'));

    // A Demo target above the SQL target: a conversion over 100 %, flagged like any other stage's.
    await retype(page, targetBox('Demo'), '120');
    const warnings = page.getByRole('status').filter({ hasText: t('steps.goals.warnings.title') });
    await poll(() => warnings.innerText()).toContain('Demo');
    await poll(() => demo.innerText()).toContain('120');
    await page.locator('#calculator-title').scrollIntoViewIfNeeded();
    await screenshot(page, `custom-stages-${ui}-goals`);
    expect(await seriousViolations()).toEqual([]);

    // "Apply to targets" writes the custom stage's number with the others, in one edit.
    await page.getByRole('button', { name: t('steps.goals.calculator.apply') }).click();
    await poll(async () => (await stored()).goals.targets.map((r) => r.monthly)).toEqual([500, 200, 100, 40, 16, 120, null]);
  });

  it('draws each stage on its owner’s side of the handoff diagram', async () => {
    await go('handoff');
    const sql = (await stored()).lifecycle.stages.find((s) => s.key === 'sql');
    await page.locator('#field-handoff-stageId').selectOption(sql?.id ?? '');
    const strip = page.getByRole('group', { name: t('steps.handoff.strip.label') });
    const bands = strip.locator('ol');
    await poll(() => bands.count()).toBe(4);
    const team = (name: Team) => t(`common.teams.${name}`).toUpperCase();
    const texts = (await strip.locator(':scope > div > div').allInnerTexts()).map((s) => s.split('\n').filter(Boolean));
    expect(texts.map((lines) => lines[0]?.toUpperCase())).toEqual([team('marketing'), team('sales'), team('marketing'), team('sales')]);
    expect(texts[2]).toContain('Nurture');
    expect(texts[1]).toContain('Demo');
    await screenshot(page, `custom-stages-${ui}-handoff`);
    expect(await seriousViolations()).toEqual([]);
  });
});
