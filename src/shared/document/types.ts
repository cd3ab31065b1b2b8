/**
 * The agreement laid out for reading: sections of simple blocks, already translated and formatted for one
 * language. The review screen renders it as HTML and the Word export renders it as .docx, so both say
 * exactly the same thing. Built by `buildOutline` (./outline.ts).
 */
export type OutlineBlock =
  | { kind: 'paragraph'; text: string }
  /** Level 2 (default) titles a part of a section; level 3 one item inside it (e.g. a buyer persona). */
  | { kind: 'subheading'; text: string; level?: 2 | 3 }
  /** Label/value pairs, shown as a two-column table. */
  | { kind: 'fields'; rows: { label: string; value: string }[] }
  /** `widths`: relative column widths (any scale); `numeric`: columns whose cells are figures, aligned right. */
  | { kind: 'table'; caption?: string; columns: string[]; rows: string[][]; widths?: number[]; numeric?: boolean[] }
  | { kind: 'list'; items: string[]; ordered?: boolean }
  /** A muted remark, e.g. "No decisions were logged." */
  | { kind: 'note'; text: string };

export type OutlineSectionId = 'changes' | 'parties' | 'icp' | 'lifecycle' | 'goals' | 'handoff' | 'protocol' | 'kpis' | 'cadence' | 'decisions' | 'parkingLot';

export interface OutlineSection {
  id: OutlineSectionId;
  /** "1", "2", … for the seven steps; null for unnumbered sections (parties, changes, decision log, parking lot). */
  number: string | null;
  heading: string;
  blocks: OutlineBlock[];
}

export interface AgreementOutline {
  title: string;
  company: string;
  /** e.g. "Version 2 · Signed" in the outline's language. */
  versionLine: string;
  sections: OutlineSection[];
}
