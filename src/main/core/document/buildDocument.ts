import { Document, Footer, Header, type Paragraph, type Table } from 'docx';
import { blockCounter, renderBlocks } from './blocks';
import { contentsAtoms, contentsPage, type ContentsEntry } from './contents';
import { coverAtoms, coverPage } from './cover';
import { majorHeading } from './headings';
import { pageFooter, pageHeader } from './headerFooter';
import type { DocumentModel } from './model';
import { PAGE_BODY, planPages, sectionAtoms, type PagePart, type PagePlan } from './pagination';
import type { OutlineSection } from '../../../shared/document/types';
import { signatureAtoms, signaturePage } from './signaturePage';
import { recordAtoms, signatureRecordPage } from './signatureRecord';
import { numbering, stylesFor } from './styles';
import { clean } from './text';
import { PAGE } from './theme';

/**
 * The workshop's records after the steps (decisions, parking lot) are short: kept together as one block when they
 * fit on a page, so they follow the last step on its page or move to the next one whole, never leaving a page that
 * holds a line or two of them.
 */
const RECORDS = new Set(['decisions', 'parkingLot']);

function recordsTogether(model: DocumentModel): boolean {
  const height = model.outline.sections
    .filter((s) => RECORDS.has(s.id))
    .flatMap(sectionAtoms)
    .reduce((sum, a) => sum + a.height, 0);
  return height <= 0.9 * PAGE_BODY;
}

/** The page plan of the body: contents, sections, signatures and record each measured, then flowed. */
export function pagePlan(model: DocumentModel): PagePlan {
  const { outline } = model;
  const entryCount = outline.sections.length + 2;
  const parts: PagePart[] = [
    { id: 'contents', atoms: contentsAtoms(model.t('document.headings.contents'), entryCount), newPage: true },
    ...sectionParts(outline.sections, recordsTogether(model)),
    { id: 'signatures', atoms: signatureAtoms(model), newPage: true },
    { id: 'record', atoms: recordAtoms(model), newPage: true },
  ];
  return planPages(coverAtoms(model), parts);
}

/** The outline's sections as parts of the plan; the records, when kept together, as one part flowed as a block. */
function sectionParts(sections: OutlineSection[], together: boolean): PagePart[] {
  const parts: PagePart[] = [];
  sections.forEach((s, i) => {
    const previous = parts[parts.length - 1];
    if (together && RECORDS.has(s.id) && previous?.alsoStarts !== undefined) {
      previous.alsoStarts.push(s.id);
      previous.atoms = [...previous.atoms.map((a) => ({ ...a, keepNext: true })), ...sectionAtoms(s)];
      return;
    }
    parts.push({ id: s.id, atoms: sectionAtoms(s), newPage: i === 0, ...(together && RECORDS.has(s.id) ? { alsoStarts: [], flowOnly: true } : {}) });
  });
  return parts;
}

/**
 * A section's blocks. Records kept together chain every block to the next (the last section's final block
 * excepted: the signatures start their own page), so a block that does not fit moves to the next page whole
 * instead of leaving its heading and a line of it behind.
 */
function recordBlocks(s: OutlineSection, together: boolean, isLast: boolean, counter: ReturnType<typeof blockCounter>): (Paragraph | Table)[] {
  if (!together) return renderBlocks(s.blocks, counter, false);
  if (!isLast) return renderBlocks(s.blocks, counter, true);
  return [...renderBlocks(s.blocks.slice(0, -1), counter, true), ...renderBlocks(s.blocks.slice(-1), counter, false)];
}

/** The body after the cover: contents, the outline's sections, the signatures and their record. */
function body(model: DocumentModel, plan: PagePlan): (Paragraph | Table)[] {
  const { t, outline } = model;
  const counter = blockCounter();
  const page = (id: string) => plan.pages.get(id) ?? 1;
  const entries: ContentsEntry[] = [
    ...outline.sections.map((s) => ({ id: s.id, number: s.number, text: s.heading, page: page(s.id) })),
    { id: 'signatures', number: null, text: t('document.headings.signatures'), page: page('signatures') },
    { id: 'record', number: null, text: t('document.headings.record'), page: page('record') },
  ];
  const together = recordsTogether(model);
  const last = outline.sections[outline.sections.length - 1];
  const sections = outline.sections.flatMap((s) => [
    majorHeading({ id: s.id, number: s.number, text: s.heading, pageBreakBefore: plan.breaks.has(s.id) }),
    ...recordBlocks(s, together && RECORDS.has(s.id), s === last, counter),
  ]);
  return [...contentsPage(t('document.headings.contents'), entries), ...sections, ...signaturePage(model), ...signatureRecordPage(model)];
}

/**
 * The Word document of one agreement, from the model alone: one section, the same header and footer on every
 * page but the cover (`titlePage`), which carries its own marks. Page numbers come from the plan, so no field
 * is left for Word to update.
 */
export function buildDocument(model: DocumentModel, plan: PagePlan = pagePlan(model)): Document {
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
        properties: { titlePage: true, page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin } },
        headers: { default: pageHeader(model), first: new Header({ children: [] }) },
        footers: { default: pageFooter(model), first: new Footer({ children: [] }) },
        children: [...coverPage(model), ...body(model, plan)],
      },
    ],
  });
}
