import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPackageSignature } from '../../src/main/core/packageSignature';
import { certificateName } from '../../src/renderer/features/signingKeys/certificateFile';
import { createTranslator } from '../../src/shared/i18n';
import { knownMessage } from '../support/messages';
import { createExample } from '../../src/shared/model/example';
import type { Language } from '../../src/shared/model/schema';
import { issueCertificate, pkcs12 } from '../packageSignature/pki';
import { launchChromium, poll, removeDir, screenshot, SCREENSHOT_DIR, startBrowserMode, type BrowserModeServer } from './browserMode';

const OUT_DIR = join(process.cwd(), 'test-results');

/**
 * The sign-off at the end of a workshop, as the leaders do it: the example agreement is reviewed, each of the
 * two leaders draws a signature with the mouse and signs, the version freezes, the Word document is exported
 * sealed with a digital signature (the key created on the way, unlocked again after a restart, then replaced
 * by an imported organization certificate) and verified, and an amendment lists in words what changed since
 * the signed version.
 */
describe.each<[Language, string]>([
  ['en', 'en-US'],
  ['es', 'es-ES'],
])('signing and exporting an agreement in %s', (lang, locale) => {
  const t = createTranslator(lang);
  const L = (key: string, params?: Record<string, string | number>) => knownMessage(t, key, params);
  let server: BrowserModeServer;
  let browser: Browser;
  let page: Page;
  let signedUrl = '';
  const shot = (name: string) => screenshot(page, `sign-${lang}-${name}`);
  const stepNav = (step: string) =>
    page
      .getByRole('navigation', { name: L('workshop.stepsNav') })
      .getByRole('link', { name: new RegExp(L(`common.steps.${step}`).replace(/[.*+?^${}()|[\]\\&]/g, '\\$&')) });
  const goToStep = async (step: string) => {
    await stepNav(step).click();
    await poll(() => page.locator('#step-title').innerText()).toBe(L(`common.steps.${step}`));
  };
  const status = () => page.getByTestId('review-status').getAttribute('data-status');
  // The Spanish run's client has an accent and a comma in its name, which the certificate escapes.
  const organization = lang === 'es' ? 'Nortia Analítica, S.L.' : createExample(lang).meta.company;
  const passphrase = lang === 'es' ? 'frase de contraseña larga' : 'correct horse battery staple';
  const signerCards = () => page.getByTestId('signer-card');

  /**
   * A signature as a hand draws it: a loopy cursive stroke, a short second stroke, and a stray third one that
   * the signer then takes back with Undo — each many small mouse moves, never one jump.
   */
  async function drawSignature(canvas: Locator, seed: number): Promise<void> {
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    if (!box) throw new Error('signature canvas is not visible');
    const at = (fx: number, fy: number) => [box.x + box.width * fx, box.y + box.height * fy] as const;
    const loops = 5 + seed;
    const cursive = Array.from({ length: 90 }, (_, i): [number, number] => {
      const u = i / 89;
      const x = 0.1 + 0.62 * u + 0.035 * Math.sin(2 * Math.PI * loops * u);
      const y = 0.5 - 0.2 * Math.sin(Math.PI * u) * Math.cos(2 * Math.PI * loops * u) - 0.06 * (1 - u);
      return [x, y];
    });
    const flourish = Array.from({ length: 24 }, (_, i): [number, number] => [0.2 + i * 0.027, 0.66 - 0.05 * Math.sin((i / 23) * Math.PI)]);
    const stray = Array.from({ length: 10 }, (_, i): [number, number] => [0.8 + i * 0.01, 0.2 + i * 0.03]);
    for (const stroke of [cursive, flourish, stray]) {
      const [first, ...rest] = stroke;
      await page.mouse.move(...at(first![0], first![1]));
      await page.mouse.down();
      for (const [x, y] of rest) await page.mouse.move(...at(x, y), { steps: 2 });
      await page.mouse.up();
    }
  }

  // Axe judges what is on screen once it has settled: with reduced motion nothing is mid-transition (a
  // notification sliding in at partial opacity would measure as low contrast).
  async function seriousViolations(): Promise<string[]> {
    // The pointer rests where it last clicked; a hovered navigation item is not what is being judged here.
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

  beforeAll(async () => {
    mkdirSync(OUT_DIR, { recursive: true });
    server = await startBrowserMode();
    browser = await launchChromium();
    page = await (await browser.newContext({ locale, viewport: { width: 1366, height: 900 }, acceptDownloads: true, reducedMotion: 'reduce' })).newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDir(server.dataDir);
  });

  it('creates the example agreement, whose marketing and sales leaders are the two signers', async () => {
    await page
      .getByRole('button', { name: L('ui.home.newExample') })
      .first()
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(L('ui.create.language')).selectOption(lang);
    await dialog.getByRole('button', { name: L('ui.create.submit') }).click();
    await poll(() => page.locator('#step-title').innerText()).toBe(L('common.steps.participants'));
    if (organization !== createExample(lang).meta.company) {
      // The client's company, typed as people type it: the key that seals its documents will carry this name.
      const company = page.getByRole('textbox', { name: L('steps.participants.agreement.company.label') });
      await company.click();
      await page.keyboard.press('ControlOrMeta+A');
      await company.pressSequentially(organization);
      await poll(() => page.getByTestId('save-state').getAttribute('data-status')).toBe('saved');
    }
    await goToStep('review');
    await poll(status).toBe('draft');
    await poll(() => signerCards().count()).toBe(2);
  });

  it('shows the whole agreement in its language with nothing blocking the signatures', async () => {
    const doc = page.getByTestId('agreement-document');
    expect(await doc.getAttribute('lang')).toBe(lang);
    expect(await doc.locator('section').count()).toBeGreaterThanOrEqual(7);
    expect(await doc.locator('table').count()).toBeGreaterThan(2);
    expect(await page.getByTestId('check-complete').getAttribute('data-ok')).toBe('true');
    expect(await page.getByTestId('check-marketing').getAttribute('data-ok')).toBe('true');
    expect(await page.getByTestId('check-sales').getAttribute('data-ok')).toBe('true');
    await shot('1-review');
    expect(await seriousViolations()).toEqual([]);
  });

  it('blocks signing while no sales leader signs, with a link to the field that fixes it', async () => {
    const signs = () =>
      page
        .getByRole('group', { name: L('steps.participants.itemN', { n: 2 }), exact: true })
        .getByRole('switch', { name: L('steps.participants.fields.mustSign.label') });
    await goToStep('participants');
    await signs().uncheck();
    await goToStep('review');
    await poll(() => page.getByTestId('check-sales').getAttribute('data-ok')).toBe('false');
    await poll(() => signerCards().count()).toBe(1);
    expect(await signerCards().first().getByRole('button').isDisabled()).toBe(true);
    expect(await signerCards().first().innerText()).toContain(L('steps.review.signers.blocked.incomplete'));
    await shot('1b-blocked');
    await page
      .getByTestId('check-sales')
      .getByRole('button', { name: L('steps.review.checks.fix') })
      .click();
    await poll(() => page.locator('#step-title').innerText()).toBe(L('common.steps.participants'));
    await signs().check();
    await goToStep('review');
    await poll(() => page.getByTestId('check-sales').getAttribute('data-ok')).toBe('true');
    await poll(() => signerCards().count()).toBe(2);
  });

  it('lets each leader draw a signature with the mouse, confirm and sign', async () => {
    for (let index = 0; index < 2; index++) {
      const card = signerCards().nth(index);
      const signer = (await card.getAttribute('aria-label')) ?? '';
      await card.getByRole('button', { name: L('steps.review.signers.signAs', { name: signer }) }).click();
      const dialog = page.getByRole('dialog', { name: L('steps.review.signers.signAs', { name: signer }) });
      await dialog.waitFor();
      const sign = dialog.getByRole('button', { name: L('steps.review.sign.submit'), exact: true });
      expect(await dialog.getByRole('textbox', { name: L('steps.review.sign.name') }).inputValue()).toBe(signer);
      expect(await dialog.getByRole('textbox', { name: L('steps.review.sign.jobTitle') }).inputValue()).not.toBe('');
      expect(await sign.isDisabled()).toBe(true);

      const canvas = dialog.getByRole('img', { name: L('steps.review.sign.pad.label', { name: signer }) });
      await drawSignature(canvas, index);
      await poll(() => dialog.getByText(L('steps.review.sign.pad.drawn')).isVisible()).toBe(true);
      if (index === 0) {
        // A window made narrower (or moved to another screen) redraws the strokes at the new size.
        const inked = () =>
          canvas.evaluate((c: HTMLCanvasElement) => {
            const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? [];
            let n = 0;
            for (let i = 3; i < data.length; i += 4) if (data[i]) n++;
            return { n, width: c.width };
          });
        const before = await inked();
        await page.setViewportSize({ width: 640, height: 900 });
        await poll(async () => (await inked()).width).toBeLessThan(before.width);
        expect((await inked()).n).toBeGreaterThan(before.n * 0.3);
        await page.setViewportSize({ width: 1366, height: 900 });
        await poll(async () => (await inked()).width).toBe(before.width);
        expect((await inked()).n).toBeGreaterThan(before.n * 0.8);
      }
      // Undo takes back the last stroke only; the signature is still there.
      await dialog.getByRole('button', { name: L('steps.review.sign.pad.undo') }).click();
      expect(await dialog.getByText(L('steps.review.sign.pad.drawn')).isVisible()).toBe(true);
      expect(await sign.isDisabled()).toBe(true);
      await dialog.getByRole('checkbox', { name: L('steps.review.sign.consent') }).check();
      await poll(() => sign.isEnabled()).toBe(true);
      if (index === 0) {
        await shot('2-sign-dialog');
        expect(await seriousViolations()).toEqual([]);
      }
      await sign.click();
      await dialog.waitFor({ state: 'detached' });
      await poll(() => card.getAttribute('data-signed')).toBe('true');
      await poll(status).toBe(index === 0 ? 'awaiting' : 'signed');
      const image = card.getByRole('img', { name: L('steps.review.signers.imageAlt', { name: signer }) });
      expect(await image.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
      expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(50);
    }
    expect(await page.getByTestId('fingerprint').locator('code').getAttribute('data-full')).toMatch(/^[0-9a-f]{64}$/);
    signedUrl = page.url();
    await shot('3-signed');
    expect(await seriousViolations()).toEqual([]);
  });

  it('freezes the signed version: every step says so and no field can be edited', async () => {
    await goToStep('goals');
    await page.getByTestId('read-only-banner').waitFor();
    const basis = page.getByRole('textbox', { name: L('steps.goals.basis.label') });
    const before = await basis.inputValue();
    expect(await basis.getAttribute('readonly')).not.toBeNull();
    await basis.click();
    await page.keyboard.type('changed after signing');
    expect(await basis.inputValue()).toBe(before);
    expect(await page.getByTestId('save-state').getAttribute('data-status')).toBe('readOnly');
    await shot('3b-read-only-step');
  });

  /** Exports through `trigger` and keeps the download in test-results. */
  async function exported(trigger: () => Promise<unknown>, name: string): Promise<{ file: string; suggested: string }> {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), trigger()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = join(OUT_DIR, `sign-export-${lang}-${name}.docx`);
    await download.saveAs(file);
    expect(statSync(file).size).toBeGreaterThan(5_000);
    return { file, suggested: download.suggestedFilename() };
  }
  const exportMenu = async (item: string) => {
    await page.getByRole('button', { name: L('steps.review.export.other') }).click();
    await page.getByRole('menuitem', { name: L(item, { language: L(`common.language.${lang === 'en' ? 'es' : 'en'}`) }) }).click();
  };
  const verifyCli = (file: string) =>
    spawnSync(process.execPath, ['bin/sla-workshop.mjs', 'verify', file], { encoding: 'utf8', env: { ...process.env, LANG: locale } });
  /** The start of a translated sentence, up to its first placeholder. */
  const opening = (key: string, first: string) => L(key, { [first]: '\u0001', count: 2 }).split('\u0001')[0] ?? '';
  const sealedNotice = (file: string, name: string) => `${L('steps.review.export.downloaded', { file })} ${L('steps.review.export.sealedBy', { name })}`;
  /** Dialogs are judged on the viewport: a full-page picture of the review page is too tall to read. */
  const dialogShot = async (name: string) => {
    await page.waitForTimeout(350);
    await page.screenshot({ path: join(SCREENSHOT_DIR, `sign-${lang}-${name}.png`) });
  };
  /** A field by its whole label (a required one ends with an asterisk): "Passphrase" is not "Repeat the passphrase". */
  const field = (scope: Locator, key: string) => scope.getByLabel(new RegExp(`^${L(key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\s*]*$`));
  const passphraseField = (dialog: Locator) => field(dialog, 'steps.review.signingKey.passphrase');
  const isFocused = (field: Locator) => field.evaluate((el) => el === document.activeElement);

  it('offers a key for the agreement’s company on the first signed export, with a new passphrase, then seals the document', async () => {
    await goToStep('review');
    expect(await page.getByTestId('review-status').innerText()).toContain(L('steps.review.export.sealedNote'));
    await page.getByRole('button', { name: L('steps.review.export.button') }).click();
    const dialog = page.getByRole('dialog', { name: L('settings.seal.title') });
    await dialog.waitFor();
    expect(await dialog.getByTestId('seal-form').getAttribute('data-reason')).toBe('noMatch');
    expect(await dialog.innerText()).toContain(L('settings.seal.noMatch', { company: organization }));
    // No key yet: a new one for the company is chosen, prefilled with its name; the cursor waits in the passphrase.
    expect(await dialog.getByRole('radio', { name: L('settings.seal.newKey') }).isChecked()).toBe(true);
    expect(await dialog.getByRole('textbox', { name: L('steps.review.signingKey.organization') }).inputValue()).toBe(organization);
    const pass = passphraseField(dialog);
    await poll(() => isFocused(pass)).toBe(true);
    expect(await dialog.innerText()).toContain(L('steps.review.signingKey.noRecovery'));
    await pass.pressSequentially(passphrase);
    const confirm = field(dialog, 'steps.review.signingKey.confirm');
    await confirm.pressSequentially(`${passphrase}!`);
    await confirm.press('Enter');
    await poll(() => dialog.getByText(L('steps.review.signingKey.problem.mismatch')).isVisible()).toBe(true);
    expect(await isFocused(confirm)).toBe(true);
    await dialogShot('6-seal-new-key');
    expect(await seriousViolations()).toEqual([]);

    await confirm.press('Backspace');
    const { file, suggested } = await exported(() => confirm.press('Enter'), 'sealed');
    await dialog.waitFor({ state: 'detached' });
    await poll(() => page.getByText(sealedNotice(suggested, organization)).isVisible()).toBe(true);
    await shot('5-exported');

    const verify = verifyCli(file);
    expect(verify.stderr).toBe('');
    expect(verify.status).toBe(0);
    expect(verify.stdout).toContain(opening('verify.seal.valid', 'subject'));
    expect(verify.stdout).toContain(L('verify.seal.selfSigned'));
    const seal = await verifyPackageSignature(readFileSync(file));
    expect(seal).toMatchObject({ status: 'valid', selfSigned: true });
    expect(seal.status !== 'none' && certificateName(seal.subject)).toBe(organization);
  });

  it('keeps the key open for the session: the other language is sealed without asking, and a copy can go without the signature', async () => {
    const other = await exported(() => exportMenu('steps.review.export.inLanguage'), 'other-language');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await verifyPackageSignature(readFileSync(other.file))).toMatchObject({ status: 'valid' });

    const plain = await exported(() => exportMenu('steps.review.export.withoutSeal'), 'unsealed');
    await poll(() => page.getByText(L('steps.review.export.downloaded', { file: plain.suggested }), { exact: true }).isVisible()).toBe(true);
    expect(await verifyPackageSignature(readFileSync(plain.file))).toMatchObject({ status: 'none' });
    const verify = verifyCli(plain.file);
    expect(verify.status).toBe(0);
    expect(verify.stdout).toContain(L('verify.seal.none'));
  });

  it('asks for the passphrase again after a restart, and keeps asking while it is wrong', async () => {
    const route = new URL(page.url()).hash;
    await server.stop();
    server = await startBrowserMode(server.dataDir);
    await page.goto(`${server.url}${route}`);
    await poll(status).toBe('signed');
    signedUrl = page.url();

    await page.getByRole('button', { name: L('steps.review.export.button') }).click();
    const dialog = page.getByRole('dialog', { name: L('settings.seal.title') });
    await dialog.waitFor();
    expect(await dialog.getByTestId('seal-form').getAttribute('data-reason')).toBe('locked');
    // The company's key is the one chosen; only the passphrase is missing.
    expect(await dialog.getByRole('radio', { name: organization, exact: true }).isChecked()).toBe(true);
    const input = passphraseField(dialog);
    await poll(() => isFocused(input)).toBe(true);
    await input.pressSequentially('not the passphrase');
    await input.press('Enter');
    await poll(() => dialog.getByText(L('steps.review.signingKey.wrongPassphrase')).isVisible()).toBe(true);
    // Still open, the wrong passphrase selected so that typing replaces it.
    await poll(() =>
      input.evaluate((el: HTMLInputElement) => el === document.activeElement && el.selectionStart === 0 && el.selectionEnd === el.value.length),
    ).toBe(true);
    await dialogShot('7-seal-unlock-wrong');
    expect(await seriousViolations()).toEqual([]);

    await page.keyboard.type(passphrase);
    const { file, suggested } = await exported(() => input.press('Enter'), 'unlocked');
    await dialog.waitFor({ state: 'detached' });
    await poll(() => page.getByText(sealedNotice(suggested, organization)).isVisible()).toBe(true);
    expect(await verifyPackageSignature(readFileSync(file))).toMatchObject({ status: 'valid', selfSigned: true });
  });

  it('lists the key in Settings, imports an organization certificate there, and seals with it when chosen', async () => {
    await page
      .getByTestId('review-status')
      .getByRole('button', { name: L('steps.review.export.keySettings') })
      .click();
    await poll(() => page.locator('#settings-title').innerText()).toBe(L('settings.title'));
    const keys = page.getByTestId('settings-keys');
    const row = keys.getByTestId('key-row');
    await poll(() => row.count()).toBe(1);
    expect(await row.first().getAttribute('data-organization')).toBe(organization);
    expect(await row.first().innerText()).toContain(L('settings.keys.selfSigned'));
    expect(await row.first().textContent()).toContain(L('settings.keys.state.open'));
    expect(await keys.getByTestId('keys-protection').innerText()).toBe(L('settings.keys.protection.open'));
    await shot('8-settings');
    expect(await seriousViolations()).toEqual([]);

    await keys.getByRole('button', { name: L('settings.keys.import') }).click();
    const form = page.getByRole('dialog', { name: L('steps.review.importCertificate.title') });
    await form.waitFor();
    const ca = issueCertificate('Nortia Root CA', { ca: true });
    const holder = issueCertificate('Nortia Analytics S.L.', { issuer: ca });
    await form
      .locator('input[type=file]')
      .setInputFiles({ name: 'nortia.p12', mimeType: 'application/x-pkcs12', buffer: pkcs12(holder, 'p12-password', [ca.certificatePem]) });
    // The keys are open for this session: no passphrase is asked again.
    expect(await form.getByLabel(new RegExp(L('steps.review.signingKey.confirm'))).count()).toBe(0);
    const password = field(form, 'steps.review.importCertificate.password');
    await password.pressSequentially('wrong password');
    await password.press('Enter');
    await poll(() => form.getByText(L('errors.reason.p12_wrong_password')).isVisible()).toBe(true);
    expect(await isFocused(password)).toBe(true);
    await dialogShot('9-import-wrong-password');
    expect(await seriousViolations()).toEqual([]);

    await password.press('ControlOrMeta+A');
    await password.pressSequentially('p12-password');
    await password.press('Enter');
    await form.waitFor({ state: 'detached' });
    await poll(() => row.count()).toBe(2);
    const imported = keys.locator('[data-testid="key-row"][data-organization="Nortia Analytics S.L."]');
    expect(await imported.innerText()).toContain(L('settings.keys.issuedBy', { issuer: 'Nortia Root CA' }));
    expect(await imported.innerText()).toContain(L('settings.keys.sources.imported'));
    await poll(() => page.getByText(L('settings.keys.imported', { organization: 'Nortia Analytics S.L.' })).isVisible()).toBe(true);

    // Back to the agreement: its company keeps its own key unless another one is chosen for this export.
    await page.goto(signedUrl);
    await poll(status).toBe('signed');
    await page.getByRole('button', { name: L('steps.review.export.other') }).click();
    await page.getByRole('menuitem', { name: L('steps.review.export.chooseSeal') }).click();
    const dialog = page.getByRole('dialog', { name: L('settings.seal.title') });
    await dialog.waitFor();
    expect(await dialog.getByRole('radio', { name: organization, exact: true }).isChecked()).toBe(true);
    await dialog.getByRole('radio', { name: 'Nortia Analytics S.L.', exact: true }).check();
    await poll(() => dialog.getByTestId('seal-foreign').isVisible()).toBe(true);
    await dialogShot('10-seal-choose');
    expect(await seriousViolations()).toEqual([]);
    const { file, suggested } = await exported(() => dialog.getByRole('button', { name: L('settings.seal.submit') }).click(), 'organization');
    await poll(() => page.getByText(sealedNotice(suggested, 'Nortia Analytics S.L.')).isVisible()).toBe(true);
    expect(await verifyPackageSignature(readFileSync(file))).toMatchObject({ status: 'valid', selfSigned: false });
    expect(verifyCli(file).status).toBe(0);
  });

  it('amends the signed version: a new draft that lists what changed, in words', async () => {
    await page.goto(signedUrl);
    await poll(status).toBe('signed');
    await page.getByRole('button', { name: L('steps.review.amend.button') }).click();
    await poll(() => page.url()).not.toBe(signedUrl);
    await poll(status).toBe('draft');
    await poll(() => page.getByTestId('review-changes').innerText()).toContain(L('steps.review.changes.none', { version: 1 }));
    await goToStep('goals');
    const basis = page.getByRole('textbox', { name: L('steps.goals.basis.label') });
    const addition = lang === 'es' ? 'Revisado con los datos del último trimestre.' : 'Revised with last quarter’s data.';
    await basis.click();
    await page.keyboard.press('ControlOrMeta+A');
    await basis.pressSequentially(addition);
    await poll(() => page.getByTestId('save-state').getAttribute('data-status')).toBe('saved');
    await goToStep('review');
    const changes = page.getByTestId('review-changes');
    await poll(() => changes.getByRole('listitem').count()).toBe(1);
    expect(await changes.getByRole('listitem').innerText()).toContain(addition);
    expect(await changes.innerText()).toContain(L('steps.review.changes.title', { version: 1 }));
    await shot('4-amendment');
  });
});
