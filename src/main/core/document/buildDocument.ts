import { Document, type Paragraph, type Table } from 'docx';
import { blockCounter, renderBlocks } from './blocks';
import { contentsPage, type ContentsEntry } from './contents';
import { coverPage } from './cover';
import { majorHeading } from './headings';
import { pageFooter, pageHeader } from './headerFooter';
import type { DocumentModel } from './model';
import { signaturePage } from './signaturePage';
import { signatureRecordPage } from './signatureRecord';
import { numbering, stylesFor } from './styles';
import { clean } from './text';
import { PAGE } from './theme';

/** Sections that open a new page: the first part of the body, and the workshop records after the steps. */
const NEW_PAGE = new Set(['decisions']);

/** The body after the cover: contents, the outline's sections, the signatures and their record. */
function body(model: DocumentModel): (Paragraph | Table)[] {
  const { t, outline } = model;
  const counter = blockCounter();
  const entries: ContentsEntry[] = [
    ...outline.sections.map((s) => ({ id: s.id, number: s.number, text: s.heading })),
    { id: 'signatures', number: null, text: t('document.headings.signatures') },
    { id: 'record', number: null, text: t('document.headings.record') },
  ];
  const sections = outline.sections.flatMap((s, i) => [
    majorHeading({ id: s.id, number: s.number, text: s.heading, pageBreakBefore: i === 0 || NEW_PAGE.has(s.id) }),
    ...renderBlocks(s.blocks, counter),
  ]);
  return [...contentsPage(t('document.headings.contents'), entries), ...sections, ...signaturePage(model), ...signatureRecordPage(model)];
}

/** The Word document of one agreement, from the model alone: one section, the same header and footer on every page. */
export function buildDocument(model: DocumentModel): Document {
  const { meta } = model.agreement;
  return new Document({
    creator: 'SLA Workshop',
    lastModifiedBy: 'SLA Workshop',
    title: clean(meta.title),
    subject: model.t('document.cover.kicker'),
    description: clean(model.outline.versionLine),
    styles: stylesFor(model.lang),
    numbering,
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin } },
        headers: { default: pageHeader(model) },
        footers: { default: pageFooter(model) },
        children: [...coverPage(model), ...body(model)],
      },
    ],
  });
}
