import { InternalHyperlink, PageReference, Paragraph, TabStopType, LeaderType } from 'docx';
import { bookmarkOf, majorHeading } from './headings';
import { STYLE } from './styles';
import { run, tab } from './text';
import { COLOR, PAGE } from './theme';

export interface ContentsEntry {
  id: string;
  number: string | null;
  text: string;
}

const NUMBER_TAB = 440;

/**
 * A table of contents built from the headings themselves: each line links to its heading's bookmark and
 * shows its page through a PAGEREF field, so it reads right in LibreOffice and after Word's own field
 * update, without the empty TOC field Word leaves until someone presses F9.
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
            new PageReference(bookmarkOf(e.id)),
          ],
        }),
    ),
  ];
}
