import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { digitallySign, exportDocx } from '../../src/main/core/document';
import { certificateThumbprint, createInstallationIdentity } from '../../src/main/core/packageSignature';
import { summarize } from '../../src/main/core/packageSignature/keys/identity';
import { buildOutline } from '../../src/shared/document/outline';
import { createTranslator } from '../../src/shared/i18n';
import type { Agreement } from '../../src/shared/model/schema';
import { signedExample } from '../support/signedExample';
import { useTempDirs } from '../support/tempDirs';
import { pngCount, pythonDocx, renderAll, storedPages, type DocxStructure, type Rendered } from './renderSupport';

/**
 * The document as people will see it: es/en × draft / partly signed / signed and sealed, each converted ONCE by
 * one LibreOffice (headless) to PDF, read back as text and page fills, rendered to page images in
 * test-results/document/<variant>/ for a person to look at, and opened by python-docx. Needs
 * `libreoffice-writer-nogui`, `poppler-utils`, `fonts-crosextra-carlito` and `python3-docx`.
 */
const tempDir = useTempDirs();
const RESULTS = join(process.cwd(), 'test-results', 'document');
const now = new Date('2026-03-10T12:00:00Z');
const SIGNERS = 4;

type State = 'draft' | 'partial' | 'signed';
const VARIANTS = (['es', 'en'] as const).flatMap((lang) =>
  (['draft', 'partial', 'signed'] as const).map((state) => ({ lang, state, name: `${lang}-${state}` })),
);
const signedCount: Record<State, number> = { draft: 0, partial: 2, signed: SIGNERS };

const agreements = new Map<string, Agreement>();
let rendered: Map<string, Rendered>;
let structure: Map<string, DocxStructure>;

beforeAll(async () => {
  const identity = await createInstallationIdentity('Nortia Analytics', now);
  const seal = { thumbprint: certificateThumbprint(identity.certificatePem), subject: summarize(identity, 'installation').subject };
  const files = await Promise.all(
    VARIANTS.map(async ({ lang, state, name }) => {
      const agreement = signedExample(lang, { signers: SIGNERS, signed: signedCount[state] });
      agreements.set(name, agreement);
      if (state !== 'signed') return { name, bytes: (await exportDocx(agreement, { appVersion: '0.0.0-test', now })).bytes };
      const built = await exportDocx(agreement, { appVersion: '0.0.0-test', now, seal });
      return { name, bytes: await digitallySign(built.bytes, agreement, lang, identity, now) };
    }),
  );
  rendered = await renderAll(files, tempDir('sla-render-'), RESULTS);
  structure = await pythonDocx([...rendered.values()].map((r) => r.docx));
}, 600_000);

const flat = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ');

describe.each(VARIANTS)('$name rendered by LibreOffice', ({ lang, state, name }) => {
  const t = createTranslator(lang);
  const doc = () => rendered.get(name)!;
  const agreement = () => agreements.get(name)!;
  const headingsOf = () => [
    ...buildOutline(agreement(), lang).sections.map((s) => ({ id: s.id, text: s.number ? `${s.number} ${s.heading}` : s.heading })),
    { id: 'signatures', text: t('document.headings.signatures') },
    { id: 'record', text: t('document.headings.record') },
  ];

  it('puts each heading on the page its contents entry says (stored in the file, at most one page off)', async () => {
    const xml = await (await JSZip.loadAsync(readFileSync(doc().docx))).file('word/document.xml')!.async('string');
    const stored = storedPages(xml);
    const pages = doc().pages.map((p) => p.text.split('\n').map((line) => flat(line).trim()));
    for (const heading of headingsOf()) {
      // The first page after the contents with a line that is the heading itself.
      const index = pages.findIndex((lines, i) => i >= 2 && lines.includes(flat(heading.text)));
      expect(index, heading.text).toBeGreaterThan(0);
      expect(
        Math.abs((stored.get(heading.id) ?? 0) - (index + 1)),
        `${heading.text}: stored ${stored.get(heading.id)}, rendered ${index + 1}`,
      ).toBeLessThanOrEqual(1);
    }
  });

  it('leaves no page holding only a line or two: every page but the last at least a quarter full', () => {
    const { pages } = doc();
    for (const [i, page] of pages.slice(0, -1).entries()) expect(page.fill, `page ${i + 1}`).toBeGreaterThanOrEqual(0.25);
  });

  it('numbers every page but the cover, and carries the draft mark until everyone has signed', () => {
    const { pages } = doc();
    expect(pages.length).toBeGreaterThan(6);
    expect(flat(pages[0]?.text ?? '')).not.toContain(t('document.footer.page', { page: 1, total: pages.length }));
    for (const [i, page] of pages.entries()) {
      if (i > 0) expect(flat(page.text), `page ${i + 1}`).toContain(t('document.footer.page', { page: i + 1, total: pages.length }));
      const mark = state === 'draft' ? t('document.mark.draft') : t('document.mark.partial', { signed: signedCount[state], total: SIGNERS });
      if (state === 'signed') expect(flat(page.text)).not.toContain(t('document.mark.draft'));
      else expect(flat(page.text), `page ${i + 1}`).toContain(mark);
    }
    expect(pngCount(doc().pngDir)).toBe(pages.length);
  });

  it('shows every e-mail address and device name whole, never broken inside a word', () => {
    const lines = doc().pages.flatMap((p) => p.text.split('\n'));
    const words = [...agreement().participants.map((p) => p.email), ...agreement().signatures.map((s) => s.device)];
    for (const word of words)
      expect(
        lines.some((line) => line.includes(word)),
        word,
      ).toBe(true);
  });

  it('gives the PDF a bookmark for every section heading, from the headings’ outline levels', () => {
    const bookmarks = doc().bookmarks.map(flat);
    for (const heading of headingsOf()) expect(bookmarks, heading.text).toContain(flat(heading.text));
  });

  it('opens in python-docx with the section headings in Word’s built-in heading style', () => {
    const found = structure.get(doc().docx);
    expect(found?.error).toBeUndefined();
    const heading1 = (found?.headings ?? []).filter(([style]) => style === 'Heading 1').map(([, text]) => flat(text));
    for (const heading of headingsOf()) expect(heading1, heading.text).toContain(flat(heading.text));
    expect(found?.language).toBe(lang === 'en' ? 'en-US' : 'es-ES');
    expect(found?.version).toBe('1');
  });
});
