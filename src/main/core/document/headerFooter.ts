import { AlignmentType, BorderStyle, Footer, Header, PageNumber, Paragraph, TabStopType, TextRun } from 'docx';
import { shortFingerprint } from '../../../shared/signing/signers';
import { draftMark, type DocumentModel } from './model';
import { run, tab } from './text';
import { COLOR, PAGE, SIZE } from './theme';

const TITLE_LIMIT = 70;
const small = { size: SIZE.header, color: COLOR.muted } as const;

/** "Version 2 · Fingerprint 3f2a 9c01 be77", or "Version 2 · Not signed" before the first signature. */
export function versionAndFingerprint(model: DocumentModel): string {
  const { t } = model;
  const version = t('document.header.version', { version: model.agreement.meta.version });
  const print =
    model.phase === 'draft' ? t('document.header.notSigned') : t('document.header.fingerprint', { fingerprint: shortFingerprint(model.fingerprint) });
  return `${version} · ${print}`;
}

/** Title left, company right, a rule below; above them, in red, the draft mark while not every signer has signed. */
export function pageHeader(model: DocumentModel): Header {
  const { title, company } = model.agreement.meta;
  const shown = title.length > TITLE_LIMIT ? `${title.slice(0, TITLE_LIMIT - 1)}…` : title;
  const mark = draftMark(model);
  const markParagraph = mark
    ? [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 80 },
          children: [run(mark, { bold: true, color: COLOR.draft, size: 18, characterSpacing: 20 })],
        }),
      ]
    : [];
  return new Header({
    children: [
      ...markParagraph,
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: PAGE.textWidth }],
        spacing: { after: 0 },
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: COLOR.rule, space: 4 } },
        children: [run(shown, small), tab(small), run(company.trim(), small)],
      }),
    ],
  });
}

const PAGE_MARK = '\uE000';
const TOTAL_MARK = '\uE001';

/**
 * "Page {{page}} of {{total}}" with both numbers as fields, whatever order the language puts them in. Word and
 * LibreOffice work PAGE and NUMPAGES out as they lay the pages, without asking to update anything.
 */
function pageXofY(model: DocumentModel): TextRun[] {
  const pattern = model.t('document.footer.page', { page: PAGE_MARK, total: TOTAL_MARK });
  return pattern
    .split(/(\uE000|\uE001)/)
    .filter((part) => part !== '')
    .map((part) => {
      if (part === PAGE_MARK) return new TextRun({ ...small, children: [PageNumber.CURRENT] });
      if (part === TOTAL_MARK) return new TextRun({ ...small, children: [PageNumber.TOTAL_PAGES] });
      return run(part, small);
    });
}

/** Version and short fingerprint left, "page X of Y" right, a rule above: the same on every page. */
export function pageFooter(model: DocumentModel): Footer {
  return new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: PAGE.textWidth }],
        border: { top: { style: BorderStyle.SINGLE, size: 4, color: COLOR.rule, space: 4 } },
        children: [run(versionAndFingerprint(model), small), tab(small), ...pageXofY(model)],
      }),
    ],
  });
}
