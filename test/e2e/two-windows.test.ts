import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Locator, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/shared/api/client';
import { createTranslator } from '../../src/shared/i18n';
import { knownMessage } from '../support/messages';
import type { Agreement, Language } from '../../src/shared/model/schema';
import { createHttpTransport } from '../../src/renderer/api/httpTransport';
import { launchChromium, poll, removeDir, screenshot, startBrowserMode, type BrowserModeServer } from './browserMode';

const ENDONYMS = { es: 'Español', en: 'English' } as const;

/**
 * Two tabs of browser mode on one agreement, as two people would have them: typing key by key, in the app's
 * language while the browser speaks the other one. Nothing one of them typed may be lost.
 */
describe.each<[Language, string]>([
  ['en', 'es-ES'],
  ['es', 'en-US'],
])('two windows on one agreement, app in %s, browser in %s', (lang, locale) => {
  const t = createTranslator(lang);
  const L = (key: string, params?: Record<string, string | number>) => knownMessage(t, key, params);
  let server: BrowserModeServer;
  let browser: Browser;
  let context: BrowserContext;
  let one: Page;
  let two: Page;
  let workshopUrl: string;
  let id: string;

  const field = (page: Page, name: string) => page.getByRole('textbox', { name: L(`steps.icp.company.${name}.label`), exact: true });
  const saved = (page: Page) => poll(() => page.getByTestId('save-state').getAttribute('data-status')).toBe('saved');
  /** Replaces a field's text the way a person does: select everything, then type key by key. */
  async function retype(box: Locator, text: string, delay = 0): Promise<void> {
    await box.click();
    await box.press('ControlOrMeta+a');
    await box.pressSequentially(text, { delay });
  }
  async function stored(): Promise<Agreement> {
    const url = new URL(server.url);
    const client = createApiClient(createHttpTransport(url.origin, url.searchParams.get('token') ?? ''));
    return (await client.call('agreements.get', { id })).agreement;
  }
  /** axe-core, full default rule set, on the dialog (the step behind it has its own checks in workshop-a11y). */
  async function seriousViolations(page: Page, within: string): Promise<string[]> {
    const results = await new AxeBuilder({ page }).include(within).analyze();
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  }

  beforeAll(async () => {
    server = await startBrowserMode();
    browser = await launchChromium();
    context = await browser.newContext({ locale, viewport: { width: 1366, height: 900 }, reducedMotion: 'reduce' });
    one = await context.newPage();
    one.setDefaultTimeout(10_000);
    await one.goto(server.url);
    await one.getByRole('button', { name: ENDONYMS[lang] }).click();
    await one.getByRole('button', { name: L('ui.home.newExample') }).click();
    const dialog = one.getByRole('dialog');
    await dialog.getByLabel(L('ui.create.language')).selectOption(lang);
    await dialog.getByRole('button', { name: L('ui.create.submit') }).click();
    await one.waitForURL(/#\/agreements\/[^/]+\/participants$/);
    id = /#\/agreements\/([^/]+)\//.exec(one.url())![1]!;
    workshopUrl = `${server.url}#/agreements/${id}/icp`;
    await one.goto(`${one.url().replace(/\/participants$/, '/icp')}`);
    two = await context.newPage();
    two.setDefaultTimeout(10_000);
    await two.goto(workshopUrl);
    for (const page of [one, two]) await page.getByRole('heading', { name: L('common.steps.icp'), exact: true, level: 2 }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDir(server.dataDir);
  });

  it('keeps both texts when the two windows type into different fields at the same time', async () => {
    const [industry, region] = lang === 'es' ? ['Distribución alimentaria', 'Península Ibérica y México'] : ['Food distribution', 'Iberia and Mexico'];
    await Promise.all([retype(field(one, 'industry'), industry, 15), retype(field(two, 'region'), region, 15)]);
    await Promise.all([saved(one), saved(two)]);
    await poll(async () => (await stored()).icp.company).toMatchObject({ industry, region });
    // Each window shows the other's text too, without a reload.
    await poll(() => field(one, 'region').inputValue()).toBe(region);
    await poll(() => field(two, 'industry').inputValue()).toBe(industry);
    await expect(one.getByRole('dialog').count()).resolves.toBe(0);
    await expect(two.getByRole('dialog').count()).resolves.toBe(0);
  });

  it('tells the other window within a second of a save', async () => {
    const size = lang === 'es' ? '200–800 empleados' : '200–800 employees';
    await retype(field(one, 'size'), size);
    await saved(one);
    await expect.poll(() => field(two, 'size').inputValue(), { timeout: 1_000, interval: 50 }).toBe(size);
  });

  it('shows both values of a field both windows changed, and stores the choice made for each', async () => {
    const texts =
      lang === 'es'
        ? {
            twoCompetition: 'Consultoras de BI locales',
            oneCompetition: 'Hojas de cálculo de finanzas',
            twoChallenges: 'Datos en cinco sistemas',
            oneChallenges: 'Informes semanales a mano',
            twoGoals: 'Margen por canal cada lunes',
            agreed: ' y las dos cosas',
          }
        : {
            twoCompetition: 'Local BI consultancies',
            oneCompetition: 'Finance spreadsheets',
            twoChallenges: 'Data in five systems',
            oneChallenges: 'Weekly reports by hand',
            twoGoals: 'Margin per channel every Monday',
            agreed: ' and both of them',
          };
    // Window two's saves are held back (a slow disk), so both windows have the same fields unsaved at once.
    const held: Route[] = [];
    await two.route('**/api/agreements.save', (route) => void held.push(route));
    await retype(field(two, 'competition'), texts.twoCompetition);
    await retype(field(two, 'challenges'), texts.twoChallenges);
    await retype(field(two, 'goals'), texts.twoGoals);
    await poll(() => held.length).toBeGreaterThan(0);
    await retype(field(one, 'competition'), texts.oneCompetition);
    await retype(field(one, 'challenges'), texts.oneChallenges);
    await saved(one);
    for (const route of held.splice(0)) await route.continue();
    await two.unroute('**/api/agreements.save');

    const dialog = two.getByRole('dialog', { name: L('workshop.conflict.title') });
    await poll(() => dialog.isVisible()).toBe(true);
    const fields = dialog.getByTestId('conflict-field');
    await poll(() => fields.count()).toBe(2);
    const competition = fields.filter({ hasText: L('changes.field.icp.company.competition') });
    const challenges = fields.filter({ hasText: L('changes.field.icp.company.challenges') });
    await expect(competition.getByText(texts.twoCompetition, { exact: true }).isVisible()).resolves.toBe(true);
    await expect(competition.getByText(texts.oneCompetition, { exact: true }).isVisible()).resolves.toBe(true);
    await expect(dialog.getByRole('button', { name: L('workshop.conflict.save') }).isDisabled()).resolves.toBe(true);
    // Nothing is stored while the choice is open: the other window's text is still what the host has.
    expect((await stored()).icp.company.competition).toBe(texts.oneCompetition);
    expect(await seriousViolations(two, '[role="dialog"]')).toEqual([]);
    await screenshot(two, `conflict-dialog-${lang}`);

    await competition.getByRole('radio', { name: L('workshop.conflict.combine') }).check();
    const box = competition.getByRole('textbox', { name: L('workshop.conflict.combined') });
    await expect(box.inputValue()).resolves.toBe(`${texts.twoCompetition}\n\n${texts.oneCompetition}`);
    await box.press('ControlOrMeta+End');
    await box.pressSequentially(texts.agreed);
    await challenges.getByRole('radio', { name: L('workshop.conflict.keepTheirs') }).check();
    await poll(() => dialog.getByText(L('workshop.conflict.allChosen')).isVisible()).toBe(true);
    expect(await seriousViolations(two, '[role="dialog"]')).toEqual([]);
    await screenshot(two, `conflict-dialog-chosen-${lang}`);
    await dialog.getByRole('button', { name: L('workshop.conflict.save') }).click();

    await poll(() => dialog.isVisible()).toBe(false);
    await saved(two);
    const company = (await stored()).icp.company;
    expect(company).toMatchObject({
      competition: `${texts.twoCompetition}\n\n${texts.oneCompetition}${texts.agreed}`,
      challenges: texts.oneChallenges,
      goals: texts.twoGoals,
    });
    // The first window had nothing unsaved: it simply shows the outcome, with no dialog of its own.
    await poll(() => field(one, 'competition').inputValue()).toBe(company.competition);
    await poll(() => field(one, 'goals').inputValue()).toBe(texts.twoGoals);
    await expect(one.getByRole('dialog').count()).resolves.toBe(0);
  });
});
