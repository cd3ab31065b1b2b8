/**
 * The agreement laid out for reading: sections of simple blocks, already translated and formatted for one
 * language. The review screen renders it as HTML and the Word export renders it as .docx, so both say
 * exactly the same thing. Built by `buildOutline` (./outline.ts).
 */
export type OutlineBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'subheading'; text: string }
  /** Label/value pairs, shown as a two-column table. */
  | { kind: 'fields'; rows: { label: string; value: string }[] }
  | { kind: 'table'; caption?: string; columns: string[]; rows: string[][] }
  | { kind: 'list'; items: string[] }
  /** A muted remark, e.g. "No decisions were logged." */
  | { kind: 'note'; text: string };

export type OutlineSectionId =
  | 'changes'
  | 'parties'
  | 'icp'
  | 'lifecycle'
  | 'goals'
  | 'handoff'
  | 'protocol'
  | 'kpis'
  | 'cadence'
  | 'decisions'
  | 'parkingLot';

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
