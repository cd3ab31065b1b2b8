import { HeadingLevel, Paragraph, type Table } from 'docx';
import type { OutlineBlock } from '../../../shared/document/types';
import { SHORT_LIST } from './pagination';
import { LIST, STYLE } from './styles';
import { afterTable, dataTable, fieldsTable } from './tables';
import { paragraphs, run } from './text';

export type BodyElement = Paragraph | Table;

/** Numbers each ordered list so it restarts at 1. */
export interface BlockCounter {
  next(): number;
}

export function blockCounter(): BlockCounter {
  let n = 0;
  return { next: () => ++n };
}

/**
 * One outline block as Word paragraphs and tables. `keepNext` keeps every line of it with what follows, for
 * short sections that must not be split from each other (see buildDocument.ts).
 */
export function renderBlock(block: OutlineBlock, counter: BlockCounter, keepNext = false): BodyElement[] {
  const keep = keepNext ? { keepNext: true } : {};
  switch (block.kind) {
    case 'paragraph':
      return paragraphs(block.text, keep);
    case 'subheading':
      return [new Paragraph({ heading: block.level === 3 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_2, children: [run(block.text)] })];
    case 'note':
      return paragraphs(block.text, { style: STYLE.note, ...keep });
    case 'fields':
      return [fieldsTable(block.rows), afterTable(keepNext)];
    case 'table': {
      const caption = block.caption ? [new Paragraph({ style: STYLE.caption, children: [run(block.caption)] })] : [];
      return [...caption, dataTable({ ...block, keepTogether: keepNext }), afterTable(keepNext)];
    }
    case 'list': {
      const instance = block.ordered ? counter.next() : 0;
      const reference = block.ordered ? LIST.ordered : LIST.bullets;
      // A short list reads as one thing: kept on one page.
      const together = block.items.length <= SHORT_LIST;
      return block.items.map(
        (item, i) =>
          new Paragraph({
            numbering: { reference, level: 0, instance },
            keepNext: keepNext || (together && i < block.items.length - 1),
            spacing: { after: i === block.items.length - 1 ? 160 : 60 },
            children: [run(item)],
          }),
      );
    }
  }
}

export function renderBlocks(blocks: OutlineBlock[], counter: BlockCounter, keepNext = false): BodyElement[] {
  return blocks.flatMap((b) => renderBlock(b, counter, keepNext));
}
