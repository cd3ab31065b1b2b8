import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/shared/i18n';
import { knownMessage } from '../support/messages';
import type { Language } from '../../src/shared/model/schema';
import { launchChromium, poll, removeDir, SCREENSHOT_DIR, startBrowserMode, type BrowserModeServer } from './browserMode';

/**
 * #10 "What is signed is what was seen", as the leaders live it, typed key by key, with the browser in the other
 * language: the signing dialog owns the keyboard (Ctrl+Z takes back a stroke, never an edit of the agreement
 * behind it), it shows the version, the whole fingerprint and what changed since the review was opened, a change
 * made in another window while it is open is refused with a clear message, a job title changed while signing
 * updates the agreement only when confirmed and only before the first signature, and a half-signed version reads
 * "Awaiting signatures (1 of 2)" everywhere until the last signer signs.
 */
describe.each<[Language, string]>([
  ['en', 'es-ES'],
  ['es', 'en-US'],
])('signing exactly what was seen, in %s (browser in %s)', (lang, locale) => {
  const t = createTranslator(lang);
  const L = (key: string, params?: Record<string, string | number>) => knownMessage(t, key, params);
  let server: BrowserModeServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let agreementUrl = '';
  const typed = lang === 'es' ? ' Revisado en el taller.' : ' Reviewed in the workshop.';
  const elsewhere = lang === 'es' ? ' Añadido desde otra ventana.' : ' Added from another window.';
  const newTitle = lang === 'es' ? 'Directora General de Marketing' : 'Chief Marketing Officer';

  const stepNav = (p: Page, step: string) =>
    p
      .getByRole('navigation', { name: L('workshop.stepsNav') })
      .getByRole('link', { name: new RegExp(L(`common.steps.${step}`).replace(/[.*+?^${}()|[\]\\&]/g, '\\$&')) });
  const goToStep = async (p: Page, step: string) => {
    await stepNav(p, step).click();
    await poll(() => p.locator('#step-title').innerText()).toBe(L(`common.steps.${step}`));
  };
  const saved = (p: Page) => poll(() => p.getByTestId('save-state').getAttribute('data-status')).toBe('saved');
  const basis = (p: Page) => p.getByRole('textbox', { name: L('steps.goals.basis.label') });
  const signerCards = () => page.getByTestId('signer-card');
  const dialogShot = async (name: string) => {
    await page.waitForTimeout(350);
    await page.screenshot({ path: join(SCREENSHOT_DIR, `seen-${lang}-${name}.png`) });
  };
  /** The top of the screen (the review page is too tall for a full-page picture to be read, or taken quickly). */
  const topShot = async (name: string) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await dialogShot(name);
  };
  async function seriousViolations(): Promise<string[]> {
    await page.mouse.move(0, 0);
    const results = await new AxeBuilder({ page }).analyze();
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help} — ${v.nodes
            .slice(0, 3)
            .map((n) => `${n.target.join(' ')} ${n.html}`)
            .join(' | ')}`,
      );
  }

  /** One stroke of a signature, drawn as a hand draws it: many small mouse moves. */
  async function stroke(canvas: Locator, from: [number, number], to: [number, number], wave: number): Promise<void> {
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    if (!box) throw new Error('signature canvas is not visible');
    const at = (fx: number, fy: number) => [box.x + box.width * fx, box.y + box.height * fy] as const;
    await page.mouse.move(...at(...from));
    await page.mouse.down();
    for (let i = 1; i <= 30; i++) {
      const u = i / 30;
      await page.mouse.move(...at(from[0] + (to[0] - from[0]) * u, from[1] + (to[1] - from[1]) * u + wave * Math.sin(u * Math.PI * 4)), { steps: 2 });
    }
    await page.mouse.up();
  }
  const ink = (canvas: Locator) =>
    canvas.evaluate((c: HTMLCanvasElement) => {
      const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? [];
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]) n++;
      return n;
    });

  async function openSignDialog(index: number): Promise<{ dialog: Locator; name: string }> {
    const card = signerCards().nth(index);
    const name = (await card.getAttribute('aria-label')) ?? '';
    await card.getByRole('button', { name: L('steps.review.signers.signAs', { name }) }).click();
    const dialog = page.getByRole('dialog', { name: L('steps.review.signers.signAs', { name }) });
    await dialog.waitFor();
    await poll(() => dialog.getByTestId('sign-what').getAttribute('data-state')).toBe('ready');
    return { dialog, name };
  }
  const shownFingerprint = (dialog: Locator) => dialog.getByTestId('sign-what').getAttribute('data-fingerprint');
  /** The route of the agreement at a step (the token stays in the launch address, not in the page's own). */
  const atStep = (step: string) => new URL(agreementUrl).hash.replace(/\/[a-z]+$/, `/${step}`);
  const headerStatus = () => page.getByTestId('workshop-status').textContent();

  beforeAll(async () => {
    server = await startBrowserMode();
    browser = await launchChromium();
    context = await browser.newContext({ locale, viewport: { width: 1366, height: 900 }, reducedMotion: 'reduce' });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(server.url);
    // The browser speaks the other language: the interface is switched to this run's one.
    await page
      .getByRole('group', { name: createTranslator(lang === 'es' ? 'en' : 'es')('ui.header.language') })
      .getByRole('button', { name: lang === 'es' ? 'Español' : 'English' })
      .click();
    await page
      .getByRole('button', { name: L('ui.home.newExample') })
      .first()
      .click();
    const create = page.getByRole('dialog');
    await create.getByLabel(L('ui.create.language')).selectOption(lang);
    await create.getByRole('button', { name: L('ui.create.submit') }).click();
    await page.locator('#step-title', { hasText: L('common.steps.participants') }).waitFor();
    agreementUrl = page.url();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDir(server.dataDir);
  });

  it('gives the keyboard to the signing dialog: Ctrl+Z takes back a stroke, never the last edit of the agreement', async () => {
    await goToStep(page, 'goals');
    await basis(page).click();
    await page.keyboard.press('ControlOrMeta+End');
    await basis(page).pressSequentially(typed);
    await saved(page);
    const edited = await basis(page).inputValue();
    expect(edited.endsWith(typed)).toBe(true);
    await goToStep(page, 'review');

    const { dialog } = await openSignDialog(0);
    const canvas = dialog.getByTestId('signature-canvas');
    await stroke(canvas, [0.1, 0.5], [0.5, 0.45], 0.15);
    await stroke(canvas, [0.55, 0.6], [0.85, 0.4], 0.08);
    await poll(() => dialog.getByText(L('steps.review.sign.pad.drawn')).isVisible()).toBe(true);
    const twoStrokes = await ink(canvas);

    // Wherever the focus is in the dialog — here on its close button, where a keyboard user lands — the
    // key belongs to the drawing.
    await dialog.getByRole('button', { name: L('steps.review.sign.close') }).focus();
    await page.keyboard.press('ControlOrMeta+Z');
    await poll(() => ink(canvas)).toBeLessThan(twoStrokes);
    expect(await dialog.getByText(L('steps.review.sign.pad.drawn')).isVisible()).toBe(true);
    await canvas.focus();
    await page.keyboard.press('ControlOrMeta+Z');
    await poll(() => dialog.getByText(L('steps.review.sign.pad.empty')).isVisible()).toBe(true);
    // Step navigation and presentation mode are off while the dialog is open.
    await page.keyboard.press('Alt+PageUp');
    await page.keyboard.press('F11');
    expect(await dialog.isVisible()).toBe(true);
    expect(await page.locator('#step-title').innerText()).toBe(L('common.steps.review'));
    expect(await page.evaluate(() => document.documentElement.classList.contains('presentation-mode'))).toBe(false);
    // In a text field Ctrl+Z is the field's own undo, and the drawing is left alone.
    await stroke(canvas, [0.1, 0.5], [0.6, 0.5], 0.1);
    const drawn = await ink(canvas);
    const jobTitle = dialog.getByRole('textbox', { name: L('steps.review.sign.jobTitle') });
    const title = await jobTitle.inputValue();
    await jobTitle.click();
    await page.keyboard.press('End');
    await jobTitle.pressSequentially('xyz');
    await page.keyboard.press('ControlOrMeta+Z');
    await poll(() => jobTitle.inputValue()).toBe(title);
    expect(await ink(canvas)).toBe(drawn);
    expect(await dialog.getByTestId('sign-changes').getAttribute('data-count')).toBe('0');

    await dialog.getByRole('button', { name: L('steps.review.sign.cancel') }).click();
    await dialog.waitFor({ state: 'detached' });
    // Nothing was undone behind the dialog: the edit is still there, saved.
    await goToStep(page, 'goals');
    expect(await basis(page).inputValue()).toBe(edited);
    await saved(page);
    await goToStep(page, 'review');
  });

  it('shows what is signed, and refuses to sign content another window changed while the dialog was open', async () => {
    const { dialog, name } = await openSignDialog(0);
    const what = dialog.getByTestId('sign-what');
    expect(await what.innerText()).toContain(L('steps.review.sign.what.title', { version: 1 }));
    expect(await dialog.getByTestId('sign-changes').innerText()).toBe(L('steps.review.sign.what.noChanges'));
    expect(await dialog.getByTestId('sign-device').innerText()).toContain(L('steps.review.sign.what.device', { device: L('common.device.default') }));
    const first = await shownFingerprint(dialog);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    // The whole fingerprint, in sixteen groups of four for reading out.
    expect((await dialog.getByTestId('sign-fingerprint').innerText()).split(/\s+/).filter(Boolean)).toEqual(first!.match(/.{4}/g));

    // The job title changes in the agreement only when the signer says so; the fingerprint shown follows.
    const jobTitle = dialog.getByRole('textbox', { name: L('steps.review.sign.jobTitle') });
    await jobTitle.click();
    await page.keyboard.press('ControlOrMeta+A');
    await jobTitle.pressSequentially(newTitle);
    const update = dialog.getByRole('checkbox', { name: L('steps.review.sign.jobTitleChoice.update', { name }) });
    await update.waitFor();
    expect(await update.isChecked()).toBe(false);
    expect(await shownFingerprint(dialog)).toBe(first);
    await update.check();
    await poll(() => shownFingerprint(dialog)).not.toBe(first);
    await poll(() => dialog.getByTestId('sign-what').getAttribute('data-state')).toBe('ready');
    const withTitle = await shownFingerprint(dialog);

    await stroke(dialog.getByTestId('signature-canvas'), [0.1, 0.55], [0.7, 0.5], 0.12);
    await dialog.getByRole('checkbox', { name: L('steps.review.sign.consent') }).check();
    await dialogShot('1-sign-dialog');
    expect(await seriousViolations()).toEqual([]);

    // Meanwhile someone edits the goals in another window (the same agreement, typed key by key).
    const other = await context.newPage();
    // A second window opens the app as the facilitator would, from the launch address.
    await other.goto(`${server.url}${atStep('goals')}`);
    await poll(() => other.locator('#step-title').innerText()).toBe(L('common.steps.goals'));
    await basis(other).click();
    await other.keyboard.press('ControlOrMeta+End');
    await basis(other).pressSequentially(elsewhere);
    await saved(other);
    await other.close();

    const sign = dialog.getByRole('button', { name: L('steps.review.sign.submit'), exact: true });
    await sign.click();
    await poll(() => dialog.getByTestId('sign-error').innerText()).toContain(L('errors.reason.content_changed'));
    expect(await signerCards().nth(0).getAttribute('data-signed')).toBe('false');
    // The dialog now shows the stored version: what changed since the review was opened, and its own fingerprint.
    await poll(() => dialog.getByTestId('sign-changes').innerText()).toBe(L('steps.review.sign.what.changes', { count: 1, sections: L('common.steps.goals') }));
    await poll(() => dialog.getByTestId('sign-what').getAttribute('data-state')).toBe('ready');
    expect(await shownFingerprint(dialog)).not.toBe(withTitle);
    await dialogShot('2-refused');
    expect(await seriousViolations()).toEqual([]);

    // Having seen it, the signer signs what is stored now: the fingerprint recorded is the one the dialog showed.
    const final = await shownFingerprint(dialog);
    await sign.click();
    await dialog.waitFor({ state: 'detached' });
    await poll(() => signerCards().nth(0).getAttribute('data-signed')).toBe('true');
    expect(await page.getByTestId('agreement-document').innerText()).toContain(newTitle);
    expect(await page.getByTestId('agreement-document').innerText()).toContain(elsewhere.trim());
    expect(await page.getByTestId('fingerprint').locator('code').getAttribute('data-full')).toBe(final);
  });

  it('says "Awaiting signatures (1 of 2)" in the header and the home list until the last signer signs', async () => {
    const awaiting = L('common.statusAwaiting', { signed: 1, count: 2 });
    await poll(headerStatus).toBe(awaiting);
    expect(await page.getByTestId('review-status').getAttribute('data-status')).toBe('awaiting');
    await topShot('3-awaiting');
    await goToStep(page, 'goals');
    expect(await page.getByTestId('read-only-banner').innerText()).toContain(L('steps.review.readOnly.awaiting', { signed: 1, total: 2 }));
    await goToStep(page, 'review');
    await page.getByRole('button', { name: L('ui.workshop.back') }).click();
    const badge = page.getByTestId('agreement-status').first();
    await poll(() => badge.textContent()).toBe(awaiting);
    await topShot('4-home-awaiting');
    expect(await seriousViolations()).toEqual([]);
    await page.goto(`${server.url}${atStep('review')}`);
    await poll(headerStatus).toBe(awaiting);
  });

  it('records a job title changed after the first signature with the signature only, and says so', async () => {
    const { dialog, name } = await openSignDialog(1);
    const fingerprint = await shownFingerprint(dialog);
    const jobTitle = dialog.getByRole('textbox', { name: L('steps.review.sign.jobTitle') });
    const before = await jobTitle.inputValue();
    await jobTitle.click();
    await page.keyboard.press('End');
    await jobTitle.pressSequentially(lang === 'es' ? ' y Alianzas' : ' and Partnerships');
    await poll(() => dialog.getByTestId('job-title-frozen').innerText()).toBe(L('steps.review.sign.jobTitleChoice.frozen', { name, title: before }));
    expect(await dialog.getByRole('checkbox', { name: L('steps.review.sign.jobTitleChoice.update', { name }) }).count()).toBe(0);
    expect(await shownFingerprint(dialog)).toBe(fingerprint);
    expect(await dialog.getByTestId('sign-changes').innerText()).toBe(L('steps.review.sign.what.noChanges'));
    await stroke(dialog.getByTestId('signature-canvas'), [0.15, 0.5], [0.75, 0.55], 0.1);
    await dialog.getByRole('checkbox', { name: L('steps.review.sign.consent') }).check();
    await dialogShot('5-frozen-title');
    expect(await seriousViolations()).toEqual([]);
    await dialog.getByRole('button', { name: L('steps.review.sign.submit'), exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await poll(headerStatus).toBe(L('common.status.signed'));
    const card = signerCards().nth(1);
    expect(await card.innerText()).toContain(`${before}${lang === 'es' ? ' y Alianzas' : ' and Partnerships'}`);
    // The frozen content keeps its title (the fingerprint above did not move), but the document shows the title
    // recorded with the signature wherever that signer appears (issue #13: one title everywhere).
    expect(await page.getByTestId('agreement-document').innerText()).toContain(`${before}${lang === 'es' ? ' y Alianzas' : ' and Partnerships'}`);
    expect(await page.getByTestId('fingerprint').locator('code').getAttribute('data-full')).toBe(fingerprint);
    await topShot('6-signed');
  });
});
