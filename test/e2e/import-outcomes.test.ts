import AxeBuilder from '@axe-core/playwright';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agreement } from '../../src/shared/model/schema';
import { serializeSlaw } from '../../src/shared/slaw/format';
import { fingerprintOf } from '../../src/main/core/signing/fingerprint';
import { signedExample } from '../support/signedExample';
import { launchChromium, poll, removeDir, screenshot, startBrowserMode, type BrowserModeServer } from './browserMode';

/**
 * Importing signed `.slaw` files from the home screen: the notification says which identity rule applied
 * (docs/FORMAT.md), in the app's language — which differs from the browser's on purpose.
 */
describe('import outcomes on the home screen', () => {
  let server: BrowserModeServer;
  let browser: Browser;
  const files: Record<string, string> = {};

  beforeAll(async () => {
    server = await startBrowserMode();
    browser = await launchChromium();
    const signed = signedExample('en');
    const rewritten: Agreement = { ...signed, handoff: { ...signed.handoff, owner: 'Someone else' } };
    const variants: Record<string, Agreement> = {
      half: { ...signed, signatures: signed.signatures.slice(0, 1) },
      full: signed,
      forged: { ...rewritten, signatures: rewritten.signatures.map((s) => ({ ...s, fingerprint: fingerprintOf(rewritten) })) },
    };
    for (const [name, agreement] of Object.entries(variants)) {
      files[name] = join(server.dataDir, `${name}.slaw`);
      writeFileSync(files[name], serializeSlaw(agreement, 'e2e'));
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDir(server.dataDir);
  });

  async function open(locale: string, language: 'English' | 'Español'): Promise<Page> {
    const page = await (await browser.newContext({ locale, viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' })).newPage();
    await page.goto(server.url);
    await page.getByRole('button', { name: language }).click();
    await poll(() => page.locator('html').getAttribute('lang')).toBe(language === 'English' ? 'en' : 'es');
    return page;
  }
  async function importFile(page: Page, name: string, expected: string): Promise<void> {
    await page.getByTestId('import-file-input').setInputFiles(files[name] as string);
    await poll(() => page.getByText(expected, { exact: true }).isVisible()).toBe(true);
  }
  async function noSeriousViolations(page: Page): Promise<void> {
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }

  it('in English: imported, already there, signatures added, an unsigned draft copy', async () => {
    const page = await open('es-ES', 'English');
    await importFile(page, 'half', 'Imported “Marketing–Sales SLA 2027”.');
    await importFile(page, 'half', '“Marketing–Sales SLA 2027”, version 1, is already in your agreements; nothing changed.');
    await importFile(page, 'full', '“Marketing–Sales SLA 2027”, version 1, is already in your agreements: 1 signature from the file was added.');
    await screenshot(page, 'home-import-signatures-added-en');
    await importFile(
      page,
      'forged',
      'Imported “Marketing–Sales SLA 2027 (copy)” as an unsigned draft: a different version with the same id is already here, so the file’s signatures could not be kept.',
    );
    await poll(() => page.getByTestId('agreement-title').allInnerTexts()).toEqual(
      expect.arrayContaining(['Marketing–Sales SLA 2027', 'Marketing–Sales SLA 2027 (copy)']),
    );
    await screenshot(page, 'home-import-draft-copy-en');
    await noSeriousViolations(page);
    await page.context().close();
  });

  it('in Spanish: the same version again, and the copy', async () => {
    const page = await open('en-US', 'Español');
    await importFile(page, 'full', '«Marketing–Sales SLA 2027», versión 1, ya está entre tus acuerdos; no se cambió nada.');
    await importFile(
      page,
      'forged',
      'Se importó «Marketing–Sales SLA 2027 (copy)» como borrador sin firmar: ya hay otra versión con el mismo id, así que no se pudieron conservar las firmas del archivo.',
    );
    await screenshot(page, 'home-import-draft-copy-es');
    await noSeriousViolations(page);
    await page.context().close();
  });
});
