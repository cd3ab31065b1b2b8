import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/shared/i18n';
import type { Language } from '../../src/shared/model/schema';
import { launchChromium, poll, removeDir, screenshot, startBrowserMode, type BrowserModeServer } from './browserMode';
import { knownMessage } from '../support/messages';
import { storedAgreement } from './workshopApi';

/**
 * Three hours in front of a projector: the countdown and the save state stay in view while a long step
 * scrolls, a step's overtime stays with the session when the facilitator moves on (and is exported with the
 * decision log), the presentation bar keeps out of the form and can park a topic, the keyboard lands on
 * the new step's title, Enter adds the next line of a list, and "Open" goes back where the agreement was
 * left. The interface language differs from the browser's on purpose; everything is typed key by key.
 */
describe.each<[Language, string]>([
  ['es', 'en-US'],
  ['en', 'es-ES'],
])('facilitating a workshop in %s (browser locale %s)', (lang, locale) => {
  const t = createTranslator(lang);
  const L = (key: string, params?: Record<string, string | number>) => knownMessage(t, key, params);
  let server: BrowserModeServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base = '';
  const shot = (name: string) => screenshot(page, `facilitation-${lang}-${name}`);
  const title = () => page.locator('#step-title').innerText();
  const goTo = async (step: string) => {
    await page.evaluate((hash) => (window.location.hash = hash), `${base}/${step}`);
    await poll(title).toBe(L(`common.steps.${step}`));
  };

  beforeAll(async () => {
    server = await startBrowserMode();
    browser = await launchChromium();
    context = await browser.newContext({ locale, viewport: { width: 1366, height: 768 }, acceptDownloads: true, reducedMotion: 'reduce' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await context.addInitScript((language) => {
      if (!localStorage.getItem('sla-workshop.preferences'))
        localStorage.setItem('sla-workshop.preferences', JSON.stringify({ state: { language }, version: 1 }));
    }, lang);
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    // The page's clock is ours: the test makes a quarter of an hour pass in an instant.
    await page.clock.install();
    await page.goto(server.url);
    await page.getByRole('button', { name: L('ui.home.newExample') }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: L('ui.create.submit') })
      .click();
    await page.waitForURL(/#\/agreements\//);
    base = new URL(page.url()).hash.replace(/\/[a-z]+$/, '');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDir(server.dataDir);
  });

  it('keeps the countdown and the save state in view while a long step scrolls', async () => {
    await goTo('protocol');
    await page.mouse.wheel(0, 2500);
    await poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
    const inView = async (selector: string) => {
      const box = await page.locator(selector).first().boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= 768;
    };
    expect(await inView('[role="timer"]')).toBe(true);
    expect(await inView('[data-testid="save-state"]')).toBe(true);
    await shot('sticky-header');
  });

  it('keeps a step’s overtime when moving on, in the header, the agenda and after a reload', async () => {
    await goTo('participants');
    await page
      .getByRole('button', { name: L('facilitation.timer.start') })
      .first()
      .click();
    // Ten minutes are planned for the participants; fourteen go by.
    await page.clock.fastForward('14:00');
    await poll(() => page.getByRole('timer').first().innerText()).toMatch(/^\+0?4:0\d/);
    await page.keyboard.press('Alt+PageDown');
    await poll(title).toBe(L('common.steps.icp'));
    // The keyboard continues from the new step's title.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('step-title');
    const balance = page.getByTestId('session-balance').first();
    await poll(() => balance.innerText()).toBe(L('facilitation.session.behindShort', { count: 4 }));
    await page.reload();
    await poll(title).toBe(L('common.steps.icp'));
    await poll(() => page.getByTestId('session-balance').first().innerText()).toBe(L('facilitation.session.behindShort', { count: 4 }));
    await page.getByRole('button', { name: L('facilitation.agenda.open') }).click();
    const drawer = page.getByRole('dialog', { name: L('facilitation.agenda.title') });
    await poll(() => drawer.getByTestId('session-summary').innerText()).toBe(L('facilitation.session.behind', { count: 4 }));
    const row = drawer.locator('tr[data-step="participants"]');
    expect(await row.locator('td').allInnerTexts()).toEqual([
      L('common.steps.participants'),
      '10:00',
      expect.stringMatching(/^14:0\d$/),
      expect.stringMatching(/^\+4:0\d$/),
    ]);
    await shot('agenda-session-clock');
    await page.keyboard.press('Escape');
  });

  it('exports the decision log with planned against actual minutes per step, as CSV and as a table to paste', async () => {
    await page.getByRole('button', { name: new RegExp(`^${L('facilitation.log.decisionsButton', { count: 0 }).replace(/\d.*$/, '')}`) }).click();
    const drawer = page.getByRole('dialog', { name: L('facilitation.log.title') });
    const downloading = page.waitForEvent('download');
    await drawer.getByRole('button', { name: L('facilitation.export.download') }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    const delimiter = lang === 'es' ? ';' : ',';
    const decimal = lang === 'es' ? ',' : '.';
    expect(
      csv.startsWith(
        `\uFEFF${[L('facilitation.export.columns.date'), L('facilitation.export.columns.weekday'), L('facilitation.export.columns.decision'), L('facilitation.export.columns.owner')].join(delimiter)}\r\n`,
      ),
    ).toBe(true);
    expect(csv).toMatch(
      new RegExp(`\\r\\n${L('common.steps.participants')}${delimiter}10${delimiter}14(\\${decimal}\\d)?${delimiter}4(\\${decimal}\\d)?\\r\\n`),
    );
    await drawer.getByRole('button', { name: L('facilitation.export.copy') }).click();
    const pasted = await page.evaluate(() => navigator.clipboard.readText());
    expect(pasted.split('\r\n')[0]?.split('\t')).toEqual([
      L('facilitation.export.columns.date'),
      L('facilitation.export.columns.weekday'),
      L('facilitation.export.columns.decision'),
      L('facilitation.export.columns.owner'),
    ]);
    await page.keyboard.press('Escape');
  });

  it('docks the presentation bar in space of its own: no field is ever under it; it shows the step, and parks a topic', async () => {
    await goTo('protocol');
    await page.getByRole('button', { name: L('facilitation.presentation.enter') }).click();
    await poll(() => page.locator('html').getAttribute('class')).toContain('presentation-mode');
    const bar = page.getByRole('group', { name: L('facilitation.presentation.controls') });
    await poll(() => bar.getByTestId('presentation-progress').innerText()).toBe(
      L('facilitation.presentation.progress', { n: 6, total: 9, step: L('common.steps.protocol') }),
    );
    // Walk the whole form with Tab: every field focused must stay clear of the bar.
    await page.locator('#step-title').focus();
    const covered: string[] = [];
    for (let i = 0; i < 45; i++) {
      await page.keyboard.press('Tab');
      // The app corrects the scroll in the frame after focus; give it two frames before measuring.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const problem = await page.evaluate(() => {
        const active = document.activeElement as HTMLElement | null;
        const strip = document.querySelector('.presentation-bar');
        if (!active || !strip || strip.contains(active)) return null;
        const field = active.getBoundingClientRect();
        const barTop = strip.getBoundingClientRect().top;
        return field.bottom > barTop + 1 ? `${active.id || active.tagName} ends at ${Math.round(field.bottom)}, the bar starts at ${Math.round(barTop)}` : null;
      });
      if (problem) covered.push(problem);
    }
    expect(covered).toEqual([]);
    await shot('presentation-bar');
    await bar.getByRole('button', { name: L('facilitation.presentation.park') }).click();
    const drawer = page.getByRole('dialog', { name: L('facilitation.log.title') });
    await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('parking-new-topic');
    const topic = lang === 'es' ? 'Descuentos por volumen' : 'Volume discounts';
    await page.keyboard.type(topic);
    await page.keyboard.press('Enter');
    await poll(() => drawer.getByRole('textbox', { name: L('facilitation.parking.text', { n: 2 }) }).inputValue()).toBe(topic);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await poll(() => page.locator('html').getAttribute('class')).not.toContain('presentation-mode');
  });

  it('adds the next agenda line with Enter and puts the cursor in it', async () => {
    await goTo('cadence');
    const second = page.locator('#field-cadence-agenda-1');
    // Items past the second mount just after the step opens: count once all of the stored agenda is there.
    const id = decodeURIComponent(/#\/agreements\/([^/]+)/.exec(page.url())?.[1] ?? '');
    const before = (await storedAgreement(server, id)).cadence.agenda.length;
    await poll(() => page.locator('[id^="field-cadence-agenda-"]').count()).toBe(before);
    await second.click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('field-cadence-agenda-2');
    const line = lang === 'es' ? 'Revisar los descuentos' : 'Review the discounts';
    await page.keyboard.type(line);
    expect(await page.locator('[id^="field-cadence-agenda-"]').count()).toBe(before + 1);
    expect(await page.locator('#field-cadence-agenda-2').inputValue()).toBe(line);
    expect(await page.locator('#field-cadence-agenda-3').inputValue()).not.toBe('');
  });

  it('opens the agreement again on the step where it was left, also after a reload', async () => {
    await goTo('handoff');
    await page.getByRole('button', { name: L('ui.workshop.back') }).click();
    await page
      .getByTestId('agreement-row')
      .first()
      .getByRole('button', { name: L('ui.row.open') })
      .click();
    await poll(title).toBe(L('common.steps.handoff'));
    await page.getByRole('button', { name: L('ui.workshop.back') }).click();
    await page.reload();
    await page
      .getByTestId('agreement-row')
      .first()
      .getByRole('button', { name: L('ui.row.open') })
      .click();
    await poll(title).toBe(L('common.steps.handoff'));
  });
});
