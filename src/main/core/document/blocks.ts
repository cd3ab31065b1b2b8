import { HeadingLevel, Paragraph, type Table } from 'docx';
import type { OutlineBlock } from '../../../shared/document/types';
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

/** One outline block as Word paragraphs and tables. */
export function renderBlock(block: OutlineBlock, counter: BlockCounter): BodyElement[] {
  switch (block.kind) {
    case 'paragraph':
      return paragraphs(block.text);
    case 'subheading':
      return [new Paragraph({ heading: block.level === 3 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_2, children: [run(block.text)] })];
    case 'note':
      return paragraphs(block.text, { style: STYLE.note });
    case 'fields':
      return [fieldsTable(block.rows), afterTable()];
    case 'table': {
      const caption = block.caption ? [new Paragraph({ style: STYLE.caption, children: [run(block.caption)] })] : [];
      return [...caption, dataTable(block), afterTable()];
    }
    case 'list': {
      const instance = block.ordered ? counter.next() : 0;
      const reference = block.ordered ? LIST.ordered : LIST.bullets;
      return block.items.map(
        (item, i) =>
          new Paragraph({
            numbering: { reference, level: 0, instance },
            spacing: { after: i === block.items.length - 1 ? 160 : 60 },
            children: [run(item)],
          }),
      );
    }
  }
}

export function renderBlocks(blocks: OutlineBlock[], counter: BlockCounter): BodyElement[] {
  return blocks.flatMap((b) => renderBlock(b, counter));
}
