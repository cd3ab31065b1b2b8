import { Bookmark, HeadingLevel, Paragraph } from 'docx';
import { run } from './text';
import { COLOR } from './theme';

/** The bookmark a major heading carries, for the table of contents' page references. */
export const bookmarkOf = (id: string): string => `sla_${id}`;

export interface HeadingInput {
  id: string;
  /** "1"…"7" for the steps, null otherwise. */
  number: string | null;
  text: string;
  pageBreakBefore?: boolean;
}

/** A major heading (Heading 1), bookmarked, with its step number in the accent colour. */
export function majorHeading({ id, number, text, pageBreakBefore = false }: HeadingInput): Paragraph {
  const children = number ? [run(`${number}`, { color: COLOR.accent }), run('\u2002'), run(text)] : [run(text)];
  return new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore, children: [new Bookmark({ id: bookmarkOf(id), children })] });
}
