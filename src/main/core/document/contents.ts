import { InternalHyperlink, Paragraph, SimpleField, TabStopType, LeaderType } from 'docx';
import { bookmarkOf, majorHeading } from './headings';
import { fixedAtom, headingAtom, type Atom } from './pagination';
import { ENTRY_SIZE, STYLE } from './styles';
import { lineHeight } from './textMetrics';
import { run, tab } from './text';
import { COLOR, PAGE } from './theme';

export interface ContentsEntry {
  id: string;
  number: string | null;
  text: string;
  /** The page the plan puts its heading on (pagination.ts), written into the PAGEREF field as its result. */
  page: number;
}

const NUMBER_TAB = 440;

/**
 * A table of contents built from the headings themselves: each line links to its heading's bookmark and
 * shows its page through a PAGEREF field that already holds the page number, and is not marked for updating:
 * Word and LibreOffice show it as written, and nobody is asked to update fields (saving that update would change
 * the signed file and break its seal).
 */
export function contentsPage(title: string, entries: ContentsEntry[]): Paragraph[] {
  return [
    majorHeading({ id: 'contents', number: null, text: title, pageBreakBefore: true }),
    ...entries.map(
      (e) =>
        new Paragraph({
          style: STYLE.tocEntry,
          tabStops: [
            { type: TabStopType.LEFT, position: NUMBER_TAB },
            { type: TabStopType.RIGHT, position: PAGE.textWidth, leader: LeaderType.DOT },
          ],
          children: [
            new InternalHyperlink({
              anchor: bookmarkOf(e.id),
              children: [run(e.number ?? '', { color: COLOR.accent, bold: true }), tab(), run(e.text)],
            }),
            tab(),
            new SimpleField(`PAGEREF ${bookmarkOf(e.id)} \\h`, String(e.page)),
          ],
        }),
    ),
  ];
}

/** The contents page for the page plan: its heading and one line per entry. */
export function contentsAtoms(title: string, entries: number): Atom[] {
  return [headingAtom(title, 1), ...Array.from({ length: entries }, () => fixedAtom(lineHeight(ENTRY_SIZE / 2, 1.15) + 160))];
}
