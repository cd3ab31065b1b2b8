import { BorderStyle, Document, Footer, Header, HeadingLevel, Packer, PageNumber, Paragraph, TabStopType, TextRun } from 'docx';
import type { TFunction } from 'i18next';
import type { MonthReview } from '../../../shared/actuals/review';
import { monthLabel, reviewTables, type TextTable } from '../../../shared/actuals/reviewTables';
import type { KeysUnder } from '../../../shared/i18n';
import type { Agreement, Language } from '../../../shared/model/schema';
import { STYLE, numbering, stylesFor } from '../document/styles';
import { afterTable, dataTable } from '../document/tables';
import { clean, paragraphs, run, tab } from '../document/text';
import { COLOR, PAGE, SIZE } from '../document/theme';
import { trendTable } from './trendTable';

export interface ReviewDocumentInput {
  review: MonthReview;
  agreement: Agreement;
  lang: Language;
  t: TFunction;
  /** When the document is made (its footer says so). */
  now: Date;
}

const small = { size: SIZE.header, color: COLOR.muted } as const;
const TITLE_LIMIT = 70;

/** Column weights per table: names wide, figures narrow (the SLA's tables weigh their columns the same way). */
const WEIGHTS: Record<'stages' | 'kpis' | 'commitments' | 'figures' | 'decisions', number[]> = {
  stages: [34, 14, 14, 16, 22],
  kpis: [42, 20, 18, 20],
  commitments: [29, 11, 16, 19, 12, 13],
  figures: [70, 30],
  decisions: [75, 25],
};

function table(input: TextTable, widths?: number[]) {
  return [dataTable({ columns: input.columns, rows: input.rows, numeric: input.numeric, ...(widths ? { widths } : {}), keepTogether: false }), afterTable()];
}

const heading = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, children: [run(text)] });

/** Title left, company right, a rule below: the SLA's own header, so the review reads as part of the same set. */
function header(agreement: Agreement): Header {
  const { title, company } = agreement.meta;
  const shown = title.length > TITLE_LIMIT ? `${title.slice(0, TITLE_LIMIT - 1)}…` : title;
  return new Header({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: PAGE.textWidth }],
        spacing: { after: 0 },
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: COLOR.rule, space: 4 } },
        children: [run(shown, small), tab(small), run(company.trim(), small)],
      }),
    ],
  });
}

/** What the review is (not the signed agreement) on the left, the page number on the right. */
function footer(t: TFunction, lang: Language, now: Date): Footer {
  const date = new Intl.DateTimeFormat(lang === 'es' ? 'es-ES' : 'en-US', { dateStyle: 'long' }).format(now);
  return new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: PAGE.textWidth }],
        children: [run(t('monthReview.generated', { date }), small), tab(small), new TextRun({ ...small, children: [PageNumber.CURRENT] })],
      }),
    ],
  });
}

/**
 * One month's review as a Word document, one or two A4 pages in the SLA's look (its styles, table design,
 * header): the funnel against its targets, the KPIs, the commitments, other figures, the 12-month trend as a
 * table (a chart's text alternative is the table itself), the meeting's notes and decisions. Nothing of it
 * is signed or embedded: it reads the agreement, never changes it.
 */
export function buildReviewDocument({ review, agreement, lang, t, now }: ReviewDocumentInput): Document {
  const tables = reviewTables(review, agreement, t, lang, 'display');
  const s = (key: KeysUnder<'monthReview.sections'>): string => t(`monthReview.sections.${key}`);
  const { meta } = agreement;
  const title = t('monthReview.title', { month: monthLabel(review.month, lang) });
  const intro: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run(title)] }),
    new Paragraph({
      style: STYLE.small,
      children: [run(t('monthReview.agreementLine', { title: meta.title, company: meta.company.trim() || '—', version: meta.version }))],
    }),
  ];
  if (!review.entered) intro.push(new Paragraph({ style: STYLE.note, children: [run(t('monthReview.noData', { month: monthLabel(review.month, lang) }))] }));
  if (review.imported) {
    const date = new Intl.DateTimeFormat(lang === 'es' ? 'es-ES' : 'en-US', { dateStyle: 'medium' }).format(new Date(review.imported.at));
    intro.push(
      new Paragraph({
        style: STYLE.small,
        children: [run(t('monthReview.imported', { file: review.imported.fileName, preset: review.imported.preset, date }))],
      }),
    );
  }
  const notes = review.notes.trim() ? paragraphs(review.notes) : [new Paragraph({ style: STYLE.note, children: [run(t('monthReview.noNotes'))] })];
  const decisions =
    review.decisions.length > 0
      ? table(tables.decisions, WEIGHTS.decisions)
      : [new Paragraph({ style: STYLE.note, children: [run(t('monthReview.noDecisions'))] })];

  return new Document({
    creator: 'SLA Workshop',
    lastModifiedBy: 'SLA Workshop',
    title: clean(`${title} · ${meta.title}`),
    styles: stylesFor(lang),
    numbering,
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin } },
        headers: { default: header(agreement) },
        footers: { default: footer(t, lang, now) },
        children: [
          ...intro,
          heading(s('stages')),
          ...table(tables.stages, WEIGHTS.stages),
          heading(s('kpis')),
          ...table(tables.kpis, WEIGHTS.kpis),
          heading(s('commitments')),
          ...table(tables.commitments, WEIGHTS.commitments),
          heading(s('figures')),
          ...table(tables.figures, WEIGHTS.figures),
          heading(s('trend')),
          new Paragraph({ style: STYLE.caption, keepNext: true, children: [run(t('monthReview.trendCaption'))] }),
          trendTable(review, lang),
          afterTable(),
          heading(s('notes')),
          ...notes,
          heading(s('decisions')),
          ...decisions,
        ],
      },
    ],
  });
}

/** The review's .docx bytes. */
export async function reviewDocx(input: ReviewDocumentInput): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(buildReviewDocument(input)));
}
