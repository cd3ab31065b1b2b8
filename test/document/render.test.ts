import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../src/main/core/document';
import { buildOutline } from '../../src/shared/document/outline';
import { createTranslator } from '../../src/shared/i18n';
import { createExample } from '../../src/shared/model/example';
import type { Agreement, Language } from '../../src/shared/model/schema';
import { signedExample } from '../support/signedExample';
import { useTempDirs } from '../support/tempDirs';

/**
 * The document as people will see it: converted by LibreOffice (headless) to PDF, read back as text, and
 * rendered to page images in test-results/document/<name>/ for a person to look at. Needs
 * `libreoffice-writer-nogui` and `poppler-utils` (pdftotext, pdftoppm).
 */
const run = promisify(execFile);
const tempDir = useTempDirs();
const RESULTS = join(process.cwd(), 'test-results', 'document');
const now = new Date('2026-03-10T12:00:00Z');

async function render(agreement: Agreement, name: string): Promise<{ text: string; pages: string[] }> {
  const dir = tempDir('sla-render-');
  const { fileName, bytes } = await exportDocx(agreement, { appVersion: '0.0.0-test', now });
  const docx = join(dir, fileName);
  writeFileSync(docx, bytes);
  // A profile of its own, so conversions never wait on (or break) another LibreOffice.
  await run('libreoffice', ['--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'pdf', '--outdir', dir, docx], { timeout: 90_000 });
  const pdf = docx.replace(/\.docx$/, '.pdf');
  const { stdout } = await run('pdftotext', ['-layout', pdf, '-']);
  const out = join(RESULTS, name);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await run('pdftoppm', ['-png', '-r', '60', pdf, join(out, 'page')]);
  return { text: stdout, pages: stdout.split('\f').filter((p) => p.trim() !== '') };
}

const flat = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ');

describe.each<Language>(['es', 'en'])('the signed example rendered by LibreOffice (%s)', (lang) => {
  it(
    'shows every section heading and every signer, numbers its pages and fills the contents',
    async () => {
      const agreement = signedExample(lang, { signers: 2 });
      const t = createTranslator(lang);
      const { text, pages } = await render(agreement, lang);
      const all = flat(text);
      const headings = [...buildOutline(agreement, lang).sections.map((s) => s.heading), t('document.headings.contents'), t('document.headings.signatures'), t('document.headings.record')];
      for (const heading of headings) expect(all, heading).toContain(heading);
      for (const s of agreement.signatures) expect(all).toContain(s.name);
      expect(pages.length).toBeGreaterThan(6);
      expect(all).toContain(t('document.footer.page', { page: pages.length, total: pages.length }));
      // The contents give a page number for every entry, computed from the bookmarks.
      const signaturesEntry = new RegExp(`${t('document.headings.signatures')}\\s*\\.{3,}\\s*(\\d+)`);
      expect(Number(signaturesEntry.exec(text)?.[1])).toBeGreaterThan(2);
      expect(all).not.toContain(t('document.mark.draft'));
      expect(readdirSync(join(RESULTS, lang)).filter((f) => f.endsWith('.png'))).toHaveLength(pages.length);
    },
    120_000,
  );
});

describe('a draft rendered by LibreOffice', () => {
  it(
    'carries the draft mark on every page',
    async () => {
      const { pages } = await render(createExample('en', now), 'draft-en');
      for (const [i, page] of pages.entries()) expect(flat(page), `page ${i + 1}`).toContain('DRAFT — NOT SIGNED');
    },
    120_000,
  );
});
