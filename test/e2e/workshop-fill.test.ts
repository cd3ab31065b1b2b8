import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/shared/i18n';
import { knownMessage } from '../support/messages';
import { KPI_CATALOG } from '../../src/shared/model/kpiCatalog';
import type { Language } from '../../src/shared/model/schema';
import { launchChromium, poll, removeDir, screenshot, startBrowserMode, type BrowserModeServer } from './browserMode';

/**
 * A facilitator fills a complete agreement from a blank one, step by step, only by typing and clicking,
 * then reloads and finds everything there. Labels come from the locale files, so the test reads the
 * screen in the language the user sees.
 */
describe.each<[Language, string]>([
  ['en', 'en-US'],
  ['es', 'es-ES'],
])('filling a whole agreement in %s', (lang, locale) => {
  const t = createTranslator(lang);
  const L = (key: string, params?: Record<string, string | number>) => knownMessage(t, key, params);
  let server: BrowserModeServer;
  let browser: Browser;
  let page: Page;
  const shot = (name: string) => screenshot(page, `fill-${lang}-${name}`);
  const group = (name: string) => page.getByRole('group', { name, exact: true });
  const textbox = (scope: Page | Locator, name: string) => scope.getByRole('textbox', { name, exact: true });
  const spin = (scope: Page | Locator, name: string) => scope.getByRole('textbox', { name, exact: true });
  const next = async (step: string) => {
    await page.getByRole('button', { name: L('workshop.next', { step: L(`common.steps.${step}`) }) }).click();
    await poll(() => page.locator('#step-title').innerText()).toBe(L(`common.steps.${step}`));
  };
  const saved = () => poll(() => page.getByTestId('save-state').getAttribute('data-status')).toBe('saved');

  beforeAll(async () => {
    server = await startBrowserMode();
    browser = await launchChromium();
    page = await (await browser.newContext({ locale, viewport: { width: 1366, height: 900 } })).newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDir(server.dataDir);
  });

  it('creates a blank agreement in the chosen language', async () => {
    await page
      .getByRole('button', { name: L('ui.home.newBlank') })
      .first()
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(L('ui.create.title')).fill(lang === 'es' ? 'Acuerdo Ventas–Marketing Q1' : 'Sales–Marketing SLA Q1');
    await dialog.getByLabel(L('ui.create.language')).selectOption(lang);
    await dialog.getByRole('button', { name: L('ui.create.submit') }).click();
    await poll(() => page.locator('#step-title').innerText()).toBe(L('common.steps.participants'));
  });

  it('step 0: the agreement and its participants', async () => {
    await textbox(page, L('steps.participants.agreement.company.label')).fill('Acme Robotics');
    const people = [
      ['Ana García', lang === 'es' ? 'Directora de Marketing' : 'Marketing Director', 'ana@acme.example'],
      ['Bruno Díaz', lang === 'es' ? 'Director Comercial' : 'Head of Sales', 'bruno@acme.example'],
    ];
    for (const [index, [name, job, email]] of people.entries()) {
      await page.getByRole('button', { name: L('steps.participants.people.add') }).click();
      const card = group(L('steps.participants.itemN', { n: index + 1 }));
      await card.getByRole('textbox', { name: L('steps.participants.fields.name.label') }).fill(name!);
      await card.getByRole('textbox', { name: L('steps.participants.fields.jobTitle.label') }).fill(job!);
      await card.getByRole('textbox', { name: L('steps.participants.fields.email.label') }).fill(email!);
    }
    await group(L('steps.participants.itemN', { n: 1 }))
      .getByLabel(L('steps.participants.fields.team.label'))
      .selectOption('marketing');
    await group(L('steps.participants.itemN', { n: 2 }))
      .getByLabel(L('steps.participants.fields.team.label'))
      .selectOption('sales');
    await poll(() => page.getByText(L('workshop.nothingMissing')).isVisible()).toBe(true);
    await shot('0-participants');
    await next('icp');
  });

  it('step 1: ideal customer profile and a persona', async () => {
    const company: [string, string][] = [
      ['industry', 'Industrial automation'],
      ['size', '200–2,000'],
      ['region', 'Iberia'],
      ['revenueBand', '€50M–€500M'],
      ['description', 'Manufacturers with several plants that want to automate internal logistics.'],
      ['competition', 'Integrators and in-house engineering teams.'],
      ['challenges', 'Labour shortages and rising logistics costs.'],
      ['goals', 'Cut internal transport costs by 20 % in two years.'],
    ];
    for (const [field, value] of company) await textbox(page, L(`steps.icp.company.${field}.label`)).fill(value);
    await page.getByRole('button', { name: L('steps.icp.personas.add') }).click();
    const persona = group(L('steps.icp.personas.itemN', { n: 1 }));
    for (const [field, value] of [
      ['name', 'Plant manager Pablo'],
      ['demographics', '40–55, engineer'],
      ['role', 'Runs the plant and its budget.'],
      ['priorities', 'Uptime and safety.'],
      ['pains', 'Forklift accidents and delays.'],
      ['goals', 'Zero accidents.'],
    ])
      await persona.getByRole('textbox', { name: L(`steps.icp.persona.${field}.label`) }).fill(value!);
    await poll(() => page.getByText(L('workshop.nothingMissing')).isVisible()).toBe(true);
    await shot('1-icp');
    await next('lifecycle');
  });

  it('step 2: entry criteria of every stage and the four SQL criteria', async () => {
    for (let n = 1; n <= 5; n++) {
      await group(L('steps.lifecycle.stages.itemN', { n }))
        .getByRole('textbox', { name: L('steps.lifecycle.stage.entryCriteria.label') })
        .fill(`Entry rule number ${n}`);
    }
    for (const criterion of ['authority', 'need', 'understanding', 'fit']) {
      await textbox(page, L(`steps.lifecycle.sql.${criterion}.label`)).fill(`${criterion} confirmed on the call`);
    }
    await poll(() => page.getByText(L('workshop.nothingMissing')).isVisible()).toBe(true);
    await shot('2-lifecycle');
    await next('goals');
  });

  it('step 3: the calculator fills the targets; basis and monthly meeting', async () => {
    await spin(page, L('steps.goals.calculator.revenueGoal')).fill('200000');
    await spin(page, L('steps.goals.calculator.averageDealSize')).fill('12500');
    for (const [rate, value] of [
      ['leadToMql', '40'],
      ['mqlToSql', '50'],
      ['sqlToOpportunity', '40'],
      ['opportunityToCustomer', '40'],
    ]) {
      await spin(page, L(`steps.goals.calculator.rates.${rate}`)).fill(value!);
    }
    await page.getByRole('button', { name: L('steps.goals.calculator.apply') }).click();
    await poll(() => page.getByText(L('steps.goals.calculator.applied')).isVisible()).toBe(true);
    await textbox(page, L('steps.goals.basis.label')).fill('CRM averages of the last 12 months.');
    await spin(page, L('steps.goals.meeting.day')).fill('5');
    await textbox(page, L('steps.goals.meeting.description')).fill('Both leaders compare actuals with targets.');
    await poll(() => page.getByText(L('workshop.nothingMissing')).isVisible()).toBe(true);
    await shot('3-goals');
    await next('handoff');
  });

  it('step 4: the handoff', async () => {
    await textbox(page, L('steps.handoff.fields.trigger.label')).fill('SDR call confirms the SQL criteria.');
    await spin(page, L('steps.handoff.fields.acceptWindowHours.label')).fill('48');
    await textbox(page, L('steps.handoff.fields.owner.label')).fill('SDR lead');
    await poll(() => page.getByText(L('workshop.nothingMissing')).isVisible()).toBe(true);
    await shot('4-handoff');
    await next('protocol');
  });

  it('step 5: the lead-handling protocol and both sides’ commitments', async () => {
    await spin(page, L('steps.protocol.contact.firstContact.label')).fill('4');
    await spin(page, L('steps.protocol.contact.attempts.label')).fill('6');
    await spin(page, L('steps.protocol.contact.attemptWindow.label')).fill('14');
    await page.getByRole('checkbox', { name: L('steps.protocol.channels.phone') }).check();
    await page.getByRole('checkbox', { name: L('steps.protocol.channels.email'), exact: true }).check();
    await textbox(page, L('steps.protocol.closedLoop.report.label')).fill('Weekly status of every lead.');
    await page.getByRole('button', { name: L('steps.protocol.rejection.reasons.add') }).click();
    await textbox(page, L('steps.protocol.rejection.reasons.itemN', { n: 1 })).fill('No budget');
    await textbox(page, L('steps.protocol.rejection.recycling.label')).fill('Back to nurturing for 90 days.');
    for (const team of ['marketing', 'sales'] as const) {
      await page.getByRole('button', { name: L(`steps.protocol.commitments.${team}.add`) }).click();
      const card = group(L('steps.protocol.commitments.itemN', { team: L(`common.teams.${team}`), n: 1 }));
      await card
        .getByRole('textbox', { name: L('steps.protocol.commitments.fields.description.label') })
        .fill(team === 'marketing' ? 'MQLs per month' : 'SQLs per rep per month');
      await card.getByRole('textbox', { name: L('steps.protocol.commitments.fields.min.label') }).fill(team === 'marketing' ? '200' : '15');
    }
    await poll(() => page.getByText(L('workshop.nothingMissing')).isVisible()).toBe(true);
    await shot('5-protocol');
    await next('kpis');
  });

  it('step 6: a KPI from the catalog, with its target', async () => {
    const name = KPI_CATALOG.mqlToSqlRate[lang].name;
    await page.getByRole('button', { name: L('steps.kpis.catalog.addLabel', { name }) }).click();
    // Adding from the catalog puts the cursor in the new KPI's target: type straight away, as a user would.
    await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('field-kpis-0-target');
    await page.keyboard.type('50');
    await poll(() => page.getByText(L('workshop.nothingMissing')).isVisible()).toBe(true);
    await shot('6-kpis');
    await next('cadence');
  });

  it('step 7: the review cadence', async () => {
    // Typed as the interface language writes dates (day first in Spanish, month first in English).
    const firstReview = page.locator('#field-cadence-firstReviewDate');
    await firstReview.click();
    await firstReview.pressSequentially(lang === 'es' ? '01/06/2027' : '06/01/2027');
    await page.keyboard.press('Tab');
    const who = page.getByRole('group', { name: L('steps.cadence.participants.label') });
    await who.getByRole('checkbox', { name: 'Ana García' }).check();
    await who.getByRole('checkbox', { name: 'Bruno Díaz' }).check();
    // The Terms part (model version 4): the clauses a legal reviewer expects.
    const effective = page.locator('#field-terms-effectiveDate');
    await effective.click();
    await effective.pressSequentially(lang === 'es' ? '15/01/2027' : '01/15/2027');
    await page.keyboard.press('Tab');
    await page.locator('#field-terms-term').selectOption('until-replaced');
    await page.locator('#field-terms-escalation-to').pressSequentially('CEO');
    await page.locator('#field-terms-escalation-withinDays').pressSequentially('10');
    await page.locator('#field-terms-escalation-remedy').pressSequentially(lang === 'es' ? 'Plan de recuperación.' : 'Recovery plan.');
    await page.getByRole('radio', { name: L('steps.cadence.terms.no'), exact: true }).check();
    await poll(() => page.getByText(L('workshop.nothingMissing')).isVisible()).toBe(true);
    await shot('7-cadence');
    await next('review');
    await poll(() => page.getByText(L('steps.review.ready')).isVisible()).toBe(true);
    await shot('8-review');
  });

  it('keeps everything after a reload', async () => {
    await saved();
    await page.reload();
    await poll(() => page.getByText(L('steps.review.ready')).isVisible()).toBe(true);
    const base = page.url().replace(/\/[a-z]+$/, '');
    const value = async (step: string, id: string) => {
      if (!page.url().endsWith(`/${step}`)) await page.goto(`${base}/${step}`);
      const field = page.locator(`#${id}`);
      await field.waitFor();
      return field.inputValue();
    };
    expect(await value('participants', 'field-meta-company')).toBe('Acme Robotics');
    expect(await value('participants', 'field-participants-1-name')).toBe('Bruno Díaz');
    expect(await value('icp', 'field-icp-company-industry')).toBe('Industrial automation');
    expect(await value('icp', 'field-icp-personas-0-pains')).toBe('Forklift accidents and delays.');
    expect(await value('lifecycle', 'field-lifecycle-stages-4-entryCriteria')).toBe('Entry rule number 5');
    expect(await value('lifecycle', 'field-lifecycle-sqlCriteria-fit')).toBe('fit confirmed on the call');
    expect((await value('goals', 'field-goals-calculator-revenueGoal')).replace(/\D/g, '')).toBe('200000');
    expect(await value('handoff', 'field-handoff-owner')).toBe('SDR lead');
    expect(await value('protocol', 'field-protocol-rejection-reasons-0')).toBe('No budget');
    expect((await value('kpis', 'field-kpis-0-target')).replace(/\D/g, '')).toBe('50');
    expect(await value('cadence', 'field-cadence-firstReviewDate')).toBe(lang === 'es' ? '01/06/2027' : '06/01/2027');
    await page.goto(server.url.replace(/\?token=.*/, '#/'));
    await poll(() => page.getByTestId('agreement-row').first().innerText()).toContain('8/8');
  });

  it('shows a step in presentation mode for the projector', async () => {
    await page.goto(server.url.replace(/\?token=.*/, '#/'));
    await page.getByTestId('agreement-row').first().getByRole('link').first().click();
    await page.locator('#step-title').waitFor();
    await page.getByRole('button', { name: L('facilitation.presentation.enter') }).click();
    await poll(() => page.locator('html').getAttribute('class')).toContain('presentation-mode');
    await shot('presentation');
    await page
      .getByRole('button', { name: L('facilitation.presentation.exit') })
      .first()
      .click();
    await poll(() => page.locator('html').getAttribute('class')).not.toContain('presentation-mode');
  });
});
