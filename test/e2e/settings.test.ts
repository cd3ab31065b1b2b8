import { readFileSync } from 'node:fs';
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
import { launchChromium, poll, removeDir, SCREENSHOT_DIR, startBrowserMode, type BrowserModeServer } from './browserMode';

const OUT_DIR = join(process.cwd(), 'test-results');

/**
 * A facilitator who runs workshops for several clients on one laptop prepares it before the session, in
 * Settings: one signing key per client organization (the passphrase chosen once, given once per session) and
 * a readable device name. In the session, each agreement is sealed with its company's key, with another
 * client's only when chosen, or without a seal in one click. Typed key by key, browser in the other language.
 */
describe.each<[Language, string]>([
  ['en', 'es-ES'],
  ['es', 'en-US'],
])('Settings and the seal of each client organization, in %s (browser in %s)', (lang, locale) => {
  const t = createTranslator(lang);
  const L = (key: string, params?: Record<string, string | number>) => knownMessage(t, key, params);
  let server: BrowserModeServer;
  let browser: Browser;
  let page: Page;
  const company = createExample(lang).meta.company;
  const device = lang === 'es' ? 'Portátil de la sala' : 'Meeting-room laptop';
  const passphrase = lang === 'es' ? 'frase de contraseña larga' : 'correct horse battery staple';

  const keys = () => page.getByTestId('settings-keys');
  const row = (organization: string) => keys().locator(`[data-testid="key-row"][data-organization="${organization}"]`);
  const protection = () => keys().getByTestId('keys-protection').innerText();
  /** A field by its whole label (a required one ends with an asterisk): "Passphrase" is not "Repeat the passphrase". */
  const field = (scope: Locator, key: string) => scope.getByLabel(new RegExp(`^${L(key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\s*]*$`));
  const shot = async (name: string) => {
    await page.waitForTimeout(350);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENSHOT_DIR, `settings-${lang}-${name}.png`) });
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
  async function openSettings(): Promise<void> {
    await page.getByRole('button', { name: L('settings.open') }).click();
    await poll(() => page.locator('#settings-title').innerText()).toBe(L('settings.title'));
  }
  async function createKey(organization: string, withPassphrase: 'new' | 'none'): Promise<void> {
    await keys()
      .getByRole('button', { name: L('settings.keys.create') })
      .click();
    const dialog = page.getByRole('dialog', { name: L('settings.keys.createTitle') });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: L('steps.review.signingKey.organization') }).pressSequentially(organization);
    expect(await field(dialog, 'steps.review.signingKey.passphrase').count()).toBe(withPassphrase === 'new' ? 1 : 0);
    if (withPassphrase === 'new') {
      await field(dialog, 'steps.review.signingKey.passphrase').pressSequentially(passphrase);
      await field(dialog, 'steps.review.signingKey.confirm').pressSequentially(passphrase);
      await shot('2-create-key');
      expect(await seriousViolations()).toEqual([]);
    }
    await dialog.getByRole('button', { name: L('settings.keys.createSubmit') }).click();
    await dialog.waitFor({ state: 'detached' });
    await row(organization).waitFor();
  }
  async function exported(trigger: () => Promise<unknown>, name: string): Promise<{ file: string; suggested: string }> {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), trigger()]);
    const file = join(OUT_DIR, `settings-${lang}-${name}.docx`);
    await download.saveAs(file);
    return { file, suggested: download.suggestedFilename() };
  }
  const sealSubject = async (file: string) => {
    const report = await verifyPackageSignature(readFileSync(file));
    return report.status === 'none' ? null : certificateName(report.subject);
  };
  const chooseSeal = async () => {
    await page.getByRole('button', { name: L('steps.review.export.other') }).click();
    await page.getByRole('menuitem', { name: L('steps.review.export.chooseSeal') }).click();
    const dialog = page.getByRole('dialog', { name: L('settings.seal.title') });
    await dialog.waitFor();
    return dialog;
  };

  /** The browser speaks the other language: the interface is switched to this run's one (kept per origin). */
  const useLanguage = () =>
    page
      .getByRole('group', { name: createTranslator(lang === 'es' ? 'en' : 'es')('ui.header.language') })
      .getByRole('button', { name: lang === 'es' ? 'Español' : 'English' })
      .click();

  beforeAll(async () => {
    server = await startBrowserMode();
    browser = await launchChromium();
    page = await (await browser.newContext({ locale, viewport: { width: 1366, height: 900 }, acceptDownloads: true, reducedMotion: 'reduce' })).newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(server.url);
    await useLanguage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDir(server.dataDir);
  });

  it('sets up one key per client organization and the device name before the workshop', async () => {
    await openSettings();
    await poll(protection).toBe(L('settings.keys.protection.new'));
    expect(await keys().innerText()).toContain(L('settings.keys.none'));
    await shot('1-empty');
    expect(await seriousViolations()).toEqual([]);

    const name = page.getByRole('textbox', { name: L('settings.device.label') });
    expect(await name.getAttribute('placeholder')).toBe(L('settings.device.placeholder'));
    await name.pressSequentially(device);
    await page.getByRole('button', { name: L('settings.device.save') }).click();
    await poll(() => page.getByText(L('settings.device.saved', { name: device })).isVisible()).toBe(true);

    // The first key chooses the passphrase (typed twice); later ones use it, open for this session.
    await createKey('Acme Corp', 'new');
    await poll(protection).toBe(L('settings.keys.protection.open'));
    await createKey(company, 'none');
    await createKey('Zeta Logistics', 'none');
    expect(
      await keys()
        .getByTestId('key-row')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-organization'))),
    ).toEqual(['Acme Corp', company, 'Zeta Logistics']);

    await row('Zeta Logistics')
      .getByRole('button', { name: L('settings.keys.remove', { organization: 'Zeta Logistics' }) })
      .click();
    const remove = page.getByRole('dialog', { name: L('settings.keys.removeTitle') });
    await remove.waitFor();
    expect(await remove.innerText()).toContain(L('settings.keys.removeBody', { organization: 'Zeta Logistics' }));
    await shot('3-remove-key');
    expect(await seriousViolations()).toEqual([]);
    await remove.getByRole('button', { name: L('settings.keys.removeConfirm') }).click();
    await remove.waitFor({ state: 'detached' });
    await poll(() => row('Zeta Logistics').count()).toBe(0);
    await shot('4-keys');
    expect(await seriousViolations()).toEqual([]);
  });

  it('asks for the passphrase once per session, in Settings, after a restart', async () => {
    await server.stop();
    server = await startBrowserMode(server.dataDir);
    // A new launch listens on a new port, so the page is a new origin: the language is picked again.
    await page.goto(`${server.url}#/settings`);
    await useLanguage();
    await poll(protection).toBe(L('settings.keys.protection.locked'));
    expect(await row(company).textContent()).toContain(L('settings.keys.state.locked'));
    expect(await page.getByRole('textbox', { name: L('settings.device.label') }).inputValue()).toBe(device);

    const unlock = page.getByTestId('unlock-keys');
    const input = field(unlock, 'steps.review.signingKey.passphrase');
    await input.pressSequentially('not the passphrase');
    await input.press('Enter');
    await poll(() => unlock.getByText(L('steps.review.signingKey.wrongPassphrase')).isVisible()).toBe(true);
    await shot('5-unlock-wrong');
    expect(await seriousViolations()).toEqual([]);
    await page.keyboard.type(passphrase);
    await input.press('Enter');
    await poll(protection).toBe(L('settings.keys.protection.open'));
    expect(await row(company).textContent()).toContain(L('settings.keys.state.open'));
  });

  it('records the device name with each signature and seals with the company’s key, another one only when chosen, or none', async () => {
    await page.getByRole('button', { name: L('settings.back'), exact: true }).click();
    await page
      .getByRole('button', { name: L('ui.home.newExample') })
      .first()
      .click();
    const create = page.getByRole('dialog');
    await create.getByLabel(L('ui.create.language')).selectOption(lang);
    await create.getByRole('button', { name: L('ui.create.submit') }).click();
    await poll(() => page.locator('#step-title').innerText()).toBe(L('common.steps.participants'));
    await page
      .getByRole('navigation', { name: L('workshop.stepsNav') })
      .getByRole('link', { name: new RegExp(L('common.steps.review').replace(/[&]/g, '\\&')) })
      .click();
    await poll(() => page.locator('#step-title').innerText()).toBe(L('common.steps.review'));

    for (let index = 0; index < 2; index++) {
      const card = page.getByTestId('signer-card').nth(index);
      const signer = (await card.getAttribute('aria-label')) ?? '';
      await card.getByRole('button', { name: L('steps.review.signers.signAs', { name: signer }) }).click();
      const dialog = page.getByRole('dialog', { name: L('steps.review.signers.signAs', { name: signer }) });
      await poll(() => dialog.getByTestId('sign-device').innerText()).toContain(L('steps.review.sign.what.device', { device }));
      const canvas = dialog.getByTestId('signature-canvas');
      const box = (await canvas.boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.15, box.y + box.height * 0.5);
      await page.mouse.down();
      for (let i = 1; i <= 30; i++)
        await page.mouse.move(box.x + box.width * (0.15 + i * 0.02), box.y + box.height * (0.5 + 0.15 * Math.sin(i / 3)), { steps: 2 });
      await page.mouse.up();
      await dialog.getByRole('checkbox', { name: L('steps.review.sign.consent') }).check();
      await dialog.getByRole('button', { name: L('steps.review.sign.submit'), exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
      await poll(() => card.getAttribute('data-signed')).toBe('true');
      expect(await card.innerText()).toContain(L('steps.review.signers.device', { device }));
    }

    // The company's own key, without a question.
    const own = await exported(() => page.getByRole('button', { name: L('steps.review.export.button') }).click(), 'company');
    expect(await page.getByRole('dialog').count()).toBe(0);
    await poll(() =>
      page.getByText(`${L('steps.review.export.downloaded', { file: own.suggested })} ${L('steps.review.export.sealedBy', { name: company })}`).isVisible(),
    ).toBe(true);
    expect(await sealSubject(own.file)).toBe(company);

    // Another client's key only when chosen, with a warning that names both.
    const dialog = await chooseSeal();
    expect(await dialog.getByRole('radio', { name: company, exact: true }).isChecked()).toBe(true);
    await dialog.getByRole('radio', { name: 'Acme Corp', exact: true }).check();
    expect(await dialog.getByTestId('seal-foreign').innerText()).toBe(L('settings.seal.foreign', { organization: 'Acme Corp', company }));
    await shot('6-seal-choose');
    expect(await seriousViolations()).toEqual([]);
    const acme = await exported(() => dialog.getByRole('button', { name: L('settings.seal.submit') }).click(), 'acme');
    await dialog.waitFor({ state: 'detached' });
    expect(await sealSubject(acme.file)).toBe('Acme Corp');

    // Or no seal at all, in one click.
    const again = await chooseSeal();
    const plain = await exported(() => again.getByRole('button', { name: L('settings.seal.withoutSeal') }).click(), 'plain');
    expect(await verifyPackageSignature(readFileSync(plain.file))).toMatchObject({ status: 'none' });
  });
});
