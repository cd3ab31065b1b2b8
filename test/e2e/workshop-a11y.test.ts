import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/shared/i18n';
import { createExample } from '../../src/shared/model/example';
import type { Language } from '../../src/shared/model/schema';
import { WORKSHOP_STEPS } from '../../src/renderer/store/route';
import { seriousViolations } from './axe';
import { launchChromium, poll, removeDir, startBrowserMode, type BrowserModeServer } from './browserMode';
import { knownMessage } from '../support/messages';

/**
 * Every screen and every dialog of the app, in both languages, judged by axe-core's full rule set plus
 * "label in name" (see axe.ts): no serious or critical violation anywhere. Axe judges what is on screen
 * once it has settled: with reduced motion nothing is mid-transition (a notification sliding in at partial
 * opacity would measure as low contrast).
 */
describe.each<[Language, string]>([
  ['es', 'en-US'],
  ['en', 'es-ES'],
])('accessibility of every screen and dialog in %s (browser locale %s)', (lang, locale) => {
  const t = createTranslator(lang);
  const L = (key: string, params?: Record<string, string | number>) => knownMessage(t, key, params);
  const example = createExample(lang);
  let server: BrowserModeServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base = '';
  const home = () => server.url.replace(/\?token=.*/, '#/');
  const check = async (where: string) => expect(await seriousViolations(page), where).toEqual([]);
  const dialog = (name: string) => page.getByRole('dialog', { name });
  const goTo = async (step: string) => {
    await page.evaluate((hash) => (window.location.hash = hash), `${base}/${step}`);
    await poll(() => page.locator('#step-title').innerText()).toBe(L(`common.steps.${step}`));
    await page.waitForTimeout(200);
  };
  const closeWith = async (target: Locator, key = 'Escape') => {
    await page.keyboard.press(key);
    await target.waitFor({ state: 'detached' });
  };

  beforeAll(async () => {
    server = await startBrowserMode();
    browser = await launchChromium();
    context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce', acceptDownloads: true });
    await context.addInitScript((language) => {
      if (!localStorage.getItem('sla-workshop.preferences'))
        localStorage.setItem('sla-workshop.preferences', JSON.stringify({ state: { language }, version: 1 }));
    }, lang);
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDir(server.dataDir);
  });

  it('the empty home screen and both "new agreement" dialogs', async () => {
    await poll(() =>
      page
        .getByRole('button', { name: L('ui.home.newExample') })
        .first()
        .isVisible(),
    ).toBe(true);
    await check('empty home');
    await page
      .getByRole('button', { name: L('ui.home.newBlank') })
      .first()
      .click();
    await dialog(L('ui.create.blankTitle')).waitFor();
    await check('new blank agreement dialog');
    await closeWith(dialog(L('ui.create.blankTitle')));
    await page
      .getByRole('button', { name: L('ui.home.newExample') })
      .first()
      .click();
    await dialog(L('ui.create.exampleTitle')).waitFor();
    await check('new example dialog');
    await dialog(L('ui.create.exampleTitle'))
      .getByRole('button', { name: L('ui.create.submit') })
      .click();
    await page.waitForURL(/#\/agreements\//);
    base = new URL(page.url()).hash.replace(/\/[a-z]+$/, '');
  });

  it.each(WORKSHOP_STEPS)('the %s step', async (step) => {
    await goTo(step);
    await check(step);
  });

  it('the steps navigation while the pointer rests on it', async () => {
    await goTo('goals');
    const nav = page.getByRole('navigation', { name: L('workshop.stepsNav') });
    for (const link of [nav.locator('[aria-current="step"]'), nav.getByRole('link').first()]) {
      await link.hover();
      await page.waitForTimeout(150);
      expect(await seriousViolations(page, { keepPointer: true }), 'hovered navigation').toEqual([]);
    }
  });

  it('the keyboard shortcuts list', async () => {
    await goTo('cadence');
    await page.getByRole('button', { name: L('workshop.shortcuts.title') }).click();
    await page.getByRole('heading', { name: L('workshop.shortcuts.title') }).waitFor();
    await check('shortcuts');
    await page.keyboard.press('Escape');
  });

  it.each([
    ['facilitation.agenda.open', 'facilitation.agenda.title'],
    ['facilitation.notes.open', 'facilitation.notes.title'],
  ])('the drawer opened by %s', async (button, title) => {
    await page.getByRole('button', { name: L(button) }).click();
    await dialog(L(title)).waitFor();
    await page.waitForTimeout(300);
    await check(title);
    await closeWith(dialog(L(title)));
  });

  it('the decision log and the parking lot', async () => {
    await page.getByRole('button', { name: new RegExp(`^${L('facilitation.log.decisionsButton', { count: 0 }).replace(/\d.*$/, '')}`) }).click();
    const log = dialog(L('facilitation.log.title'));
    await log.waitFor();
    await check('decision log');
    await log.getByRole('tab', { name: L('facilitation.log.parkingTab', { count: 1 }) }).click();
    await log.getByRole('textbox', { name: L('facilitation.parking.newItem') }).waitFor();
    await check('parking lot');
    await closeWith(log);
  });

  it('the date picker', async () => {
    await page.getByRole('button', { name: L('workshop.date.openCalendar', { field: L('steps.cadence.rhythm.firstReviewDate') }) }).click();
    await page.getByRole('button', { name: L('workshop.date.calendar.nextMonth') }).waitFor();
    await check('date picker');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: L('workshop.date.calendar.nextMonth') }).waitFor({ state: 'detached' });
  });

  it('presentation mode with its bar', async () => {
    await goTo('protocol');
    await page.getByRole('button', { name: L('facilitation.presentation.enter') }).click();
    await poll(() => page.locator('html').getAttribute('class')).toContain('presentation-mode');
    await check('presentation');
    await page
      .getByRole('group', { name: L('facilitation.presentation.controls') })
      .getByRole('button', { name: L('facilitation.presentation.exit') })
      .click();
    await poll(() => page.locator('html').getAttribute('class')).not.toContain('presentation-mode');
  });

  it('the export menu (signing keys and the certificate import live on the Settings screen: test/e2e/settings.test.ts)', async () => {
    await goTo('review');
    await page.getByRole('button', { name: L('steps.review.export.other') }).click();
    await page.getByRole('menu').waitFor();
    await check('export menu');
    await page.keyboard.press('Escape');
    await page.getByRole('menu').waitFor({ state: 'detached' });
  });

  it('the signing dialog, and the signed review', async () => {
    for (const [index, signer] of [example.participants[0]?.name ?? '', example.participants[1]?.name ?? ''].entries()) {
      await page
        .getByTestId('signer-card')
        .getByRole('button', { name: L('steps.review.signers.signAs', { name: signer }) })
        .click();
      const sign = dialog(L('steps.review.signers.signAs', { name: signer }));
      await sign.waitFor();
      if (index === 0) await check('signing dialog');
      await poll(() => sign.getByTestId('sign-what').getAttribute('data-state')).toBe('ready');
      const canvas = sign.getByTestId('signature-canvas');
      await canvas.scrollIntoViewIfNeeded();
      const box = await canvas.boundingBox();
      if (!box) throw new Error('no signature pad');
      await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.6);
      await page.mouse.down();
      for (let i = 1; i <= 30; i++) await page.mouse.move(box.x + box.width * (0.2 + i * 0.02), box.y + box.height * (0.6 - 0.2 * Math.sin(i / 3)));
      await page.mouse.up();
      await sign.getByRole('checkbox', { name: L('steps.review.sign.consent') }).check();
      await sign.getByRole('button', { name: L('steps.review.sign.submit'), exact: true }).click();
      await sign.waitFor({ state: 'detached' });
    }
    await poll(() => page.getByTestId('review-status').getAttribute('data-status')).toBe('signed');
    await check('signed review');
  }, 240_000);

  it('the dialog that chooses the key sealing the first signed export', async () => {
    await page.getByRole('button', { name: L('steps.review.export.button') }).click();
    const create = dialog(L('settings.seal.title'));
    await create.waitFor();
    await check('create signing key');
    await closeWith(create);
  });

  it('the conflict dialog when another window saved first', async () => {
    await page.goto(home());
    await page
      .getByRole('button', { name: L('ui.home.newBlank') })
      .first()
      .click();
    await dialog(L('ui.create.blankTitle'))
      .getByRole('button', { name: L('ui.create.submit') })
      .click();
    await poll(() => page.locator('#step-title').innerText()).toBe(L('common.steps.participants'));
    const company = '#field-meta-company';
    // This window's saves are held back (a slow disk) while another window saves the same field.
    const held: Route[] = [];
    await page.route('**/api/agreements.save', (route) => void held.push(route));
    await page.locator(company).click();
    await page.keyboard.type('Esta ventana');
    await poll(() => held.length).toBeGreaterThan(0);
    const other = await context.newPage();
    // A second tab of the same browser: it needs the address with the launch token, as any new tab does.
    await other.goto(`${server.url}${new URL(page.url()).hash}`);
    await other.locator(company).click();
    await other.keyboard.type('Otra ventana');
    await poll(() => other.getByTestId('save-state').getAttribute('data-status')).toBe('saved');
    await other.close();
    for (const route of held.splice(0)) await route.continue();
    await page.unroute('**/api/agreements.save');
    const conflict = dialog(L('workshop.conflict.title'));
    await conflict.waitFor();
    await check('conflict dialog');
    // One choice per field both windows changed (here only the company), then the dialog saves it.
    await conflict.getByRole('radio', { name: L('workshop.conflict.keepMine') }).check();
    await conflict.getByRole('button', { name: L('workshop.conflict.save') }).click();
    await conflict.waitFor({ state: 'detached' });
  });

  it('the home list with a notification, rename, the trash and its delete-forever confirmation', async () => {
    await page.goto(home());
    const rows = page.getByTestId('agreement-row');
    await poll(() => rows.count()).toBe(2);
    await check('home list');
    await rows
      .first()
      .getByRole('button', { name: L('ui.row.rename') })
      .click();
    await dialog(L('ui.rename.title')).waitFor();
    await check('rename dialog');
    await closeWith(dialog(L('ui.rename.title')));
    await rows
      .first()
      .getByRole('button', { name: L('ui.row.delete'), exact: true })
      .click();
    await page.getByRole('button', { name: L('ui.notify.undo') }).waitFor();
    await check('home with the undo notification');
    await page.getByRole('button', { name: L('ui.home.trash') }).click();
    const trashRows = page.getByTestId('agreement-row');
    await poll(() => trashRows.count()).toBe(1);
    await check('trash');
    await trashRows
      .first()
      .getByRole('button', { name: L('ui.trash.purge') })
      .click();
    await dialog(L('ui.trash.confirmTitle')).waitFor();
    await check('delete forever confirmation');
    await closeWith(dialog(L('ui.trash.confirmTitle')));
  });

  it('the backups dialog and the "verify a document" dialog with its error', async () => {
    await page.goto(home());
    await page.getByRole('button', { name: L('backups.open') }).click();
    const backups = dialog(L('backups.dialog.title'));
    await backups.getByLabel(L('backups.dialog.backup'), { exact: true }).waitFor();
    await page.waitForTimeout(300);
    await check('backups dialog');
    await closeWith(backups);
    await page.getByRole('button', { name: L('verify.dialog.open') }).click();
    const verify = dialog(L('verify.dialog.title'));
    await verify.getByRole('button', { name: L('verify.dialog.submit') }).click();
    await verify.getByText(L('verify.dialog.fileRequired')).waitFor();
    await check('verify dialog with its error');
    await closeWith(verify);
  });

  it('the notice after a damaged database was replaced at start-up', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sla-a11y-damaged-'));
    writeFileSync(join(dataDir, 'sla-workshop.db'), Buffer.alloc(8192, 7));
    const damaged = await startBrowserMode(dataDir);
    try {
      const fresh = await context.newPage();
      await fresh.goto(damaged.url);
      await fresh.getByRole('dialog', { name: L('ui.recovery.titleFresh') }).waitFor();
      await fresh.waitForTimeout(300);
      expect(await seriousViolations(fresh), 'recovery notice').toEqual([]);
      await fresh.close();
    } finally {
      await damaged.stop();
      removeDir(dataDir);
    }
  });
});
