import type { OutlineBlock, OutlineSection } from '../../../shared/document/types';
import { columnWidths } from './tables';
import { lineCount, lineHeight, textParagraphs } from './textMetrics';
import { CELL_MARGIN, PAGE, SIZE } from './theme';

/**
 * The page plan: which major headings open a new page, the page each one lands on, and how many pages there are.
 * Word and LibreOffice are never asked to update fields (that would change the signed file and break its seal),
 * so the contents' page numbers are written into the file from this plan. It measures the outline with Calibri's
 * metrics (textMetrics.ts) and flows it as Word does: rows never split, headings and short tables kept with what
 * follows. Page breaks are placed where the plan is sure of them — a section starts a new page unless it fits,
 * with room to spare, in what is left of the current one — so an estimate that is a little off moves a number
 * by one page at most, and never by more as errors cannot add up across forced breaks.
 */

/** The height of the text area of a page, in twips. */
export const PAGE_BODY = PAGE.height - PAGE.margin.top - PAGE.margin.bottom;

export interface Atom {
  height: number;
  /** Stays on the same page as the next atom (Word's keep-with-next, a row's cantSplit, widow control). */
  keepNext: boolean;
  /** Space before, included in `height`, which is dropped when the atom opens a page. */
  before?: number;
}

const pt = (halfPoints: number): number => halfPoints / 2;
const BODY = { size: pt(SIZE.body), multiple: 1.15, after: 120 };
const TABLE = { size: pt(SIZE.table), multiple: 1.05, after: 40 };
const CELL_V = CELL_MARGIN.top + CELL_MARGIN.bottom;
const CELL_H = CELL_MARGIN.left + CELL_MARGIN.right;

/** One paragraph as line atoms: its first two and last two lines kept together (widow and orphan control). */
function paragraphAtoms(
  text: string,
  width: number,
  o: { size: number; multiple: number; before?: number; after: number; bold?: boolean; keepNext?: boolean },
): Atom[] {
  const n = lineCount(text, width, o.size, o.bold);
  const line = lineHeight(o.size, o.multiple);
  return Array.from({ length: n }, (_, i) => ({
    height: line + (i === 0 ? (o.before ?? 0) : 0) + (i === n - 1 ? o.after : 0),
    keepNext: i === n - 1 ? (o.keepNext ?? false) : i === 0 || i >= n - 2,
    before: i === 0 ? (o.before ?? 0) : 0,
  }));
}

function cellHeight(text: string, width: number, bold = false): number {
  return textParagraphs(text).reduce(
    (sum, p) => sum + lineCount(p, width - CELL_H, TABLE.size, bold) * lineHeight(TABLE.size, TABLE.multiple) + TABLE.after,
    0,
  );
}

const rowHeight = (cells: string[], widths: number[], bold = false): number => CELL_V + Math.max(...cells.map((c, i) => cellHeight(c, widths[i] ?? 0, bold)));

const AFTER_TABLE: Atom = { height: lineHeight(BODY.size, 0.5) + 120, keepNext: false };

export function headingAtom(text: string, level: 1 | 2 | 3): Atom {
  const [size, before, after] = level === 1 ? [pt(SIZE.h1), 360, 200 + 140] : level === 2 ? [pt(SIZE.h2), 280, 100] : [pt(SIZE.h3), 200, 80];
  return { height: before + after + lineCount(text, PAGE.textWidth, size, true) * lineHeight(size), keepNext: true, before };
}

/** Label/value tables of up to ten rows are kept on one page (tables.ts `fieldsTable`). */
const KEEP_TOGETHER_ROWS = 10;

export function blockAtoms(block: OutlineBlock): Atom[] {
  switch (block.kind) {
    case 'paragraph':
      return textParagraphs(block.text).flatMap((p) => paragraphAtoms(p, PAGE.textWidth, BODY));
    case 'note':
      return textParagraphs(block.text).flatMap((p) => paragraphAtoms(p, PAGE.textWidth, { ...BODY, before: 40, after: 160 }));
    case 'subheading':
      return [headingAtom(block.text, block.level === 3 ? 3 : 2)];
    case 'fields': {
      const w = columnWidths(2, [30, 70]);
      const together = block.rows.length <= KEEP_TOGETHER_ROWS;
      return [
        ...block.rows.map((r, i) => ({
          height: Math.max(rowHeight([r.label], w, true), rowHeight(['', r.value], w)),
          keepNext: together && i < block.rows.length - 1,
        })),
        AFTER_TABLE,
      ];
    }
    case 'table': {
      const w = columnWidths(block.columns.length, block.widths);
      const caption = block.caption ? paragraphAtoms(block.caption, PAGE.textWidth, { ...BODY, before: 160, after: 80, bold: true, keepNext: true }) : [];
      return [
        ...caption,
        { height: rowHeight(block.columns, w, true), keepNext: true },
        ...block.rows.map((r) => ({ height: rowHeight(r, w), keepNext: false })),
        AFTER_TABLE,
      ];
    }
    case 'list': {
      const together = block.items.length <= SHORT_LIST;
      return block.items.flatMap((item, i) => {
        const last = i === block.items.length - 1;
        return paragraphAtoms(item, PAGE.textWidth - 400, { ...BODY, after: last ? 160 : 60, keepNext: together && !last });
      });
    }
  }
}

/** Lists of up to this many items are kept on one page (blocks.ts). */
export const SHORT_LIST = 6;

/** A paragraph of body text (or `size`-point text) as atoms, for the pages whose builders are not outline blocks. */
export const textAtoms = (text: string, o: { size?: number; before?: number; after?: number; width?: number } = {}): Atom[] =>
  textParagraphs(text).flatMap((p) =>
    paragraphAtoms(p, o.width ?? PAGE.textWidth, { size: o.size ?? BODY.size, multiple: BODY.multiple, before: o.before ?? 0, after: o.after ?? BODY.after }),
  );

export const fixedAtom = (height: number, keepNext = false): Atom => ({ height, keepNext });

/** A data table (tables.ts `dataTable`) as atoms. */
export const tableAtoms = (columns: string[], rows: string[][], widths: number[]): Atom[] => blockAtoms({ kind: 'table', columns, rows, widths });

export const sectionAtoms = (section: OutlineSection): Atom[] => [headingAtom(section.heading, 1), ...section.blocks.flatMap(blockAtoms)];

/** Where the flow stands: the page being filled and how much of it is used. */
class Flow {
  page = 1;
  used = 0;

  newPage(): void {
    if (this.used > 0) {
      this.page++;
      this.used = 0;
    }
  }

  get left(): number {
    return PAGE_BODY - this.used;
  }

  /** Places atoms as Word would: each keep-with-next chain on one page when it fits on one. Returns the first one's page. */
  place(atoms: Atom[]): number {
    let first: number | null = null;
    let i = 0;
    while (i < atoms.length) {
      let j = i;
      let chain = 0;
      while (j < atoms.length) {
        chain += atoms[j]?.height ?? 0;
        if (!atoms[j]?.keepNext) break;
        j++;
      }
      if (chain <= PAGE_BODY) {
        if (chain > this.left) this.newPage();
        first ??= this.page;
        this.used += chain - (this.used === 0 ? (atoms[i]?.before ?? 0) : 0);
      } else {
        for (let k = i; k <= Math.min(j, atoms.length - 1); k++) {
          const h = atoms[k]?.height ?? 0;
          if (h > this.left) this.newPage();
          first ??= this.page;
          this.used += Math.min(h - (this.used === 0 ? (atoms[k]?.before ?? 0) : 0), PAGE_BODY);
        }
      }
      i = j + 1;
    }
    return first ?? this.page;
  }
}

export interface PagePart {
  /** The bookmark id of its heading (headings.ts `bookmarkOf`). */
  id: string;
  atoms: Atom[];
  /** Always opens a new page (contents, the first section, signatures, the record). */
  newPage: boolean;
  /** Never given a page break: it is one block kept together, which Word moves to the next page when needed. */
  flowOnly?: boolean;
  /** Other headings inside this part, on its first page (a block kept together fits on one). */
  alsoStarts?: string[];
}

export interface PagePlan {
  /** The page each part starts on, by id. */
  pages: Map<string, number>;
  /** The parts whose heading opens a new page. */
  breaks: Set<string>;
  total: number;
}

/** A section fits on the current page when it leaves at least this share of the page free: the plan's margin of error. */
const SPARE = 0.1;
/** A section that does not fit starts a new page unless more than this share of the current page is still empty. */
const FLOW_ON = 0.4;

/** Lays the parts out after a cover of `coverAtoms` and says where each one starts. */
export function planPages(coverAtoms: Atom[], parts: PagePart[]): PagePlan {
  const flow = new Flow();
  flow.place(coverAtoms);
  const pages = new Map<string, number>();
  const breaks = new Set<string>();
  for (const part of parts) {
    const height = part.atoms.reduce((sum, a) => sum + a.height, 0);
    const fits = height <= flow.left - SPARE * PAGE_BODY;
    if (part.newPage || (!part.flowOnly && !fits && flow.left < FLOW_ON * PAGE_BODY)) {
      breaks.add(part.id);
      flow.newPage();
    }
    const page = flow.place(part.atoms);
    pages.set(part.id, page);
    for (const id of part.alsoStarts ?? []) pages.set(id, page);
  }
  return { pages, breaks, total: flow.page };
}
