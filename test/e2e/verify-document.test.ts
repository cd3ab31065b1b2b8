import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/core';
import { createTranslator } from '../../src/shared/i18n';
import type { Language } from '../../src/shared/model/schema';
import { readerVisibleTampering, rezip } from '../support/docxTamper';
import { strokePngDataUrl } from '../support/png';
import { useTempDirs } from '../support/tempDirs';
import { launchChromium, poll, removeDir, screenshot, startBrowserMode, type BrowserModeServer } from './browserMode';

/**
 * "Verify a document" on the home screen: a .docx this installation exported (sealed), the same file with its
 * styles edited to hide every word, a document from another installation and a file that is not a document,
 * each answered in the dialog, in the UI language (chosen in the app, not the browser's), with no serious
 * accessibility violation.
 */
const tempDir = useTempDirs();

/** A signed, sealed export made by the core of `dataDir` (as the app would), and one made by another installation. */
async function exportsFor(dataDir: string): Promise<{ own: Buffer; foreign: Buffer }> {
  const exportFrom = async (dir: string) => {
    const core = createCore({ dataDir: dir, appVersion: '9.9.9-e2e', host: 'direct' });
    try {
      const call = async <T>(op: string, input: unknown): Promise<T> => {
        const reply = await core.dispatch(op, input);
        if (!reply.ok) throw new Error(`${op}: ${reply.error.message}`);
        return reply.value as T;
      };
      type Rec = { agreement: { meta: { id: string }; participants: { id: string; name: string; jobTitle: string; mustSign: boolean }[] }; revision: number };
      let record = await call<Rec>('agreements.create', { source: 'example', language: 'en' });
      for (const p of record.agreement.participants.filter((x) => x.mustSign)) {
        const { fingerprint } = await call<{ fingerprint: string }>('signing.preview', { id: record.agreement.meta.id });
        record = (
          await call<{ record: Rec }>('signing.sign', {
            id: record.agreement.meta.id,
            revision: record.revision,
            participantId: p.id,
            name: p.name,
            jobTitle: p.jobTitle,
            image: strokePngDataUrl(4),
            consent: true,
            fingerprint,
          })
        ).record;
      }
      const exported = await call<{ base64: string }>('document.export', {
        id: record.agreement.meta.id,
        organization: 'Nortia Analytics',
        passphrase: 'a long passphrase',
      });
      return Buffer.from(exported.base64, 'base64');
    } finally {
      core.close();
    }
  };
  return { own: await exportFrom(dataDir), foreign: await exportFrom(tempDir('sla-e2e-elsewhere-')) };
}

describe.each<[Language, string]>([
  ['en', 'es-ES'],
  ['es', 'en-US'],
])('verifying a document from the home screen in %s (browser locale %s)', (lang, locale) => {
  const t = createTranslator(lang);
  let server: BrowserModeServer;
  let browser: Browser;
  let page: Page;
  let files: Record<'own' | 'edited' | 'foreign' | 'notes', { name: string; buffer: Buffer }>;

  beforeAll(async () => {
    const dataDir = tempDir('sla-e2e-verify-');
    const { own, foreign } = await exportsFor(dataDir);
    files = {
      own: { name: 'nortia-sla.docx', buffer: own },
      edited: { name: 'nortia-sla-edited.docx', buffer: Buffer.from(await rezip(own, readerVisibleTampering.styles_hide_all_text)) },
      foreign: { name: 'from-elsewhere.docx', buffer: foreign },
      notes: { name: 'notes.docx', buffer: Buffer.from('just some notes') },
    };
    server = await startBrowserMode(dataDir);
    browser = await launchChromium();
    page = await (await browser.newContext({ locale, viewport: { width: 1366, height: 900 }, reducedMotion: 'reduce' })).newPage();
    await page.goto(server.url);
    // The app's own language switch, not the browser's locale, sets the language.
    await page.getByRole('button', { name: lang === 'en' ? 'English' : 'Español' }).click();
    await page.getByRole('button', { name: t('verify.dialog.open') }).waitFor({ timeout: 30_000 });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDir(server.dataDir);
  });

  async function verify(which: keyof typeof files): Promise<ReturnType<Page['getByRole']>> {
    const dialog = page.getByRole('dialog', { name: t('verify.dialog.title') });
    if (!(await dialog.isVisible())) await page.getByRole('button', { name: t('verify.dialog.open') }).click();
    await poll(() => dialog.isVisible()).toBe(true);
    await dialog.locator('input[type=file]').setInputFiles({
      name: files[which].name,
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: files[which].buffer,
    });
    await dialog.getByRole('button', { name: t('verify.dialog.submit') }).click();
    await poll(() => dialog.getByTestId('verify-verdict').isVisible()).toBe(true);
    return dialog;
  }

  async function expectAccessible(name: string) {
    await screenshot(page, `verify-${lang}-${name}`);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }

  it('says this installation exported exactly this file, sealed, with its certificate thumbprint', async () => {
    await screenshot(page, `verify-${lang}-home`);
    const dialog = await verify('own');
    await poll(() => dialog.getByTestId('verify-verdict').innerText()).toContain(t('verify.dialog.match'));
    const text = await dialog.innerText();
    expect(text).toContain(t('verify.dialog.seal'));
    expect(text).toMatch(new RegExp(t('verify.seal.thumbprint', { thumbprint: '([0-9A-F]{2}:){31}[0-9A-F]{2}' })));
    expect(text).toContain(t('verify.dialog.anchor'));
    expect(text).toContain(t('verify.anchor.exported', { date: 'DATE', version: 1 }).split('DATE')[0]!.trim());
    await expectAccessible('match');
  });

  it('lists what differs in a document whose styles were edited to hide its text', async () => {
    const dialog = await verify('edited');
    await poll(() => dialog.getByTestId('verify-verdict').innerText()).toContain(t('verify.dialog.mismatch', { count: 2 }));
    const text = await dialog.innerText();
    expect(text).toContain(t('verify.problem.documentModified', { part: 'word/styles.xml' }));
    expect(text).toContain(t('verify.problem.sealInvalid'));
    await expectAccessible('mismatch');
  });

  it('says when a consistent document was not exported by this installation, and when a file is not a document', async () => {
    let dialog = await verify('foreign');
    await poll(() => dialog.getByTestId('verify-verdict').innerText()).toContain(t('verify.dialog.notVouched'));
    expect(await dialog.innerText()).toContain(t('verify.anchor.noStored'));
    await expectAccessible('foreign');
    dialog = await verify('notes');
    await poll(() => dialog.getByTestId('verify-verdict').innerText()).toContain(t('verify.unreadable.not_zip', { file: 'notes.docx' }));
    await expectAccessible('unreadable');
    await page.keyboard.press('Escape');
    await poll(() => dialog.isVisible()).toBe(false);
  });
});
