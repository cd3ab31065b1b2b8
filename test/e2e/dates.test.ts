import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/shared/i18n';
import type { Language } from '../../src/shared/model/schema';
import { launchChromium, poll, removeDir, screenshot, startBrowserMode, type BrowserModeServer } from './browserMode';
import { knownMessage } from '../support/messages';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

/**
 * Dates in the interface language, whatever the browser's: typed key by key as the language writes them
 * (day first in Spanish, month first in English), with their weekday in words, a review that falls on a
 * weekend moved to the Monday, an impossible date kept on screen with its error, and counts in the
 * singular when there is one.
 */
describe.each<[Language, string, { typed: string; shown: string; words: RegExp; invalid: string; moved: RegExp; reviewMoved: RegExp }]>([
  [
    'es',
    'en-US',
    {
      typed: '15/05/2027',
      shown: '15/05/2027',
      words: /^Sábado, 15 de mayo de 2027\. Cae en fin de semana: el calendario pasa la revisión al lunes, 17 de mayo de 2027\.$/,
      invalid: '31/02/2027',
      moved: /^lunes, 17 de mayo de 2027 \(trasladada desde el sábado\)$/,
      reviewMoved: /lunes, 17 de mayo de 2027 \(trasladada desde el sábado\)/,
    },
  ],
  [
    'en',
    'es-ES',
    {
      typed: '05/15/2027',
      shown: '05/15/2027',
      words: /^Saturday, May 15, 2027\. That is a weekend: the calendar holds the review on Monday, May 17, 2027\.$/,
      invalid: '02/31/2027',
      moved: /^Monday, May 17, 2027 \(moved from Saturday\)$/,
      reviewMoved: /Monday, May 17, 2027 \(moved from Saturday\)/,
    },
  ],
])('dates in %s with a browser in %s', (lang, locale, expected) => {
  const t = createTranslator(lang);
  const L = (key: string, params?: Record<string, string | number>) => knownMessage(t, key, params);
  let server: BrowserModeServer;
  let browser: Browser;
  let page: Page;
  let base = '';
  const field = () => page.locator('#field-cadence-firstReviewDate');
  const goTo = async (step: string) => {
    await page.evaluate((hash) => (window.location.hash = hash), `${base}/${step}`);
    await poll(() => page.locator('#step-title').innerText()).toBe(L(`common.steps.${step}`));
  };

  beforeAll(async () => {
    server = await startBrowserMode();
    browser = await launchChromium();
    const context = await browser.newContext({ locale, viewport: { width: 1366, height: 900 }, reducedMotion: 'reduce' });
    await context.addInitScript((language) => {
      if (!localStorage.getItem('sla-workshop.preferences'))
        localStorage.setItem('sla-workshop.preferences', JSON.stringify({ state: { language }, version: 1 }));
    }, lang);
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
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

  it('takes the first review date typed key by key in the interface language, and writes it out with its weekday', async () => {
    await goTo('cadence');
    await field().click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(expected.typed);
    await page.keyboard.press('Tab');
    expect(await field().inputValue()).toBe(expected.shown);
    expect(await field().getAttribute('placeholder')).toBe(L('workshop.date.placeholder'));
    const description = page.locator(`#${await field().getAttribute('aria-describedby')}`.split(' ')[0] ?? '');
    await poll(async () => plain(await description.innerText())).toMatch(expected.words);
    await poll(() => page.getByTestId('save-state').getAttribute('data-status')).toBe('saved');
  });

  it('moves a review the rule puts on a weekend to the Monday in the calendar and in the review, saying so', async () => {
    const first = page
      .getByRole('region', { name: L('steps.cadence.calendar.title') })
      .getByRole('listitem')
      .first();
    expect(plain(await first.innerText())).toMatch(expected.moved);
    await goTo('review');
    await poll(async () => plain(await page.locator('main[aria-labelledby="step-title"]').innerText())).toMatch(expected.reviewMoved);
  });

  it('keeps an impossible date on screen with its error, and leaves the saved date alone', async () => {
    await goTo('cadence');
    await field().click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(expected.invalid);
    await page.keyboard.press('Tab');
    expect(await field().inputValue()).toBe(expected.invalid);
    expect(await field().getAttribute('aria-invalid')).toBe('true');
    await poll(() => page.getByText(L('workshop.date.invalid')).isVisible()).toBe(true);
    await screenshot(page, `dates-${lang}-invalid`);
    // The typed text is kept in the workshop's field drafts: a reload brings it back, still with its error.
    await page.reload();
    await poll(() => field().inputValue()).toBe(expected.invalid);
    await poll(() => page.getByText(L('workshop.fieldDrafts.notSaved', { count: 1 })).isVisible()).toBe(true);
    // Meanwhile the saved date is the one typed before.
    await goTo('review');
    await poll(async () => plain(await page.locator('main[aria-labelledby="step-title"]').innerText())).toMatch(expected.reviewMoved);
    await goTo('cadence');
    expect(await field().inputValue()).toBe(expected.invalid);
    await field().click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(expected.typed);
    await page.keyboard.press('Tab');
    expect(await field().inputValue()).toBe(expected.shown);
    await poll(() => page.getByText(L('workshop.fieldDrafts.notSaved', { count: 1 })).count()).toBe(0);
  });

  it('picks a date from the calendar, named and labelled in the interface language', async () => {
    await page.getByRole('button', { name: L('workshop.date.openCalendar', { field: L('steps.cadence.rhythm.firstReviewDate') }) }).click();
    const nextMonth = page.getByRole('button', { name: L('workshop.date.calendar.nextMonth') });
    await nextMonth.click();
    // Mantine names each day by its date in the calendar's locale; the 14th of June 2027 is a Monday.
    await page.locator('table button:not([data-outside])', { hasText: /^14$/ }).click();
    await poll(() => field().inputValue()).toBe(lang === 'es' ? '14/06/2027' : '06/14/2027');
    expect(await field().evaluate((el) => el === document.activeElement)).toBe(true);
    await poll(() => page.getByTestId('save-state').getAttribute('data-status')).toBe('saved');
  });

  it('dates a new decision today, with its weekday, in the interface language', async () => {
    await page.getByRole('button', { name: new RegExp(`^${L('facilitation.log.decisionsButton', { count: 0 }).replace(/\d.*$/, '')}`) }).click();
    const drawer = page.getByRole('dialog', { name: L('facilitation.log.title') });
    await drawer.getByRole('button', { name: L('facilitation.decisions.add') }).click();
    await page.keyboard.type(lang === 'es' ? 'Las revisiones son los lunes' : 'Reviews are on Mondays');
    // The page and the test share the machine's clock and time zone.
    const now = new Date();
    const [d, m, y] = [String(now.getDate()).padStart(2, '0'), String(now.getMonth() + 1).padStart(2, '0'), String(now.getFullYear())];
    const date = drawer.locator('input[id$="-date"]').last();
    expect(await date.inputValue()).toBe(lang === 'es' ? `${d}/${m}/${y}` : `${m}/${d}/${y}`);
    const weekday = new Intl.DateTimeFormat(lang, { weekday: 'long' }).format(now);
    const describedBy = (await date.getAttribute('aria-describedby'))?.split(' ')[0] ?? '';
    expect((await page.locator(`#${describedBy}`).innerText()).toLowerCase()).toContain(weekday.toLowerCase());
    await screenshot(page, `dates-${lang}-decision`);
    await page.keyboard.press('Escape');
  });

  it('says one missing item in the singular in the steps navigation', async () => {
    await goTo('handoff');
    const owner = page.locator('#field-handoff-owner');
    await owner.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    const nav = page.getByRole('navigation', { name: L('workshop.stepsNav') });
    // textContent, not innerText: the badge is upper-cased by CSS, the words are what matters.
    await poll(() => nav.getByRole('link', { name: new RegExp(L('common.steps.handoff')) }).textContent()).toContain(lang === 'es' ? '1 pendiente' : '1 to do');
    expect(await nav.textContent()).not.toMatch(/\b1 pendientes\b/i);
  });
});
