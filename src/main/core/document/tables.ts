import { AlignmentType, BorderStyle, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, WidthType, type ITableCellBorders } from 'docx';
import { STYLE } from './styles';
import { paragraphs } from './text';
import { CELL_MARGIN, COLOR, PAGE } from './theme';

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const RULE = { style: BorderStyle.SINGLE, size: 4, color: COLOR.rule } as const;
const STRONG_RULE = { style: BorderStyle.SINGLE, size: 8, color: COLOR.accent } as const;

/**
 * Horizontal rules only: the modern, quiet look; vertical lines add noise to text-heavy tables. The rules and
 * the cell padding are the table's, not repeated on each of its few hundred cells: that was two thirds of the
 * body's XML and of the time docx takes to write it. Only the header row's cells say otherwise (a strong rule
 * below, which wins over the thinner one the row below would draw).
 */
const DATA_TABLE_BORDERS = { top: NONE, bottom: RULE, left: NONE, right: NONE, insideHorizontal: RULE, insideVertical: NONE } as const;
/** A fields table has no header: its first row is ruled above like the others. */
const FIELDS_TABLE_BORDERS = { ...DATA_TABLE_BORDERS, top: RULE } as const;
const HEADER_BORDERS: ITableCellBorders = { top: NONE, bottom: STRONG_RULE, left: NONE, right: NONE };

/** Column widths in twips from relative weights, summing exactly to the text width. */
export function columnWidths(count: number, weights: number[] | undefined, total: number = PAGE.textWidth): number[] {
  const w = weights && weights.length === count && weights.every((x) => x > 0) ? weights : Array.from({ length: count }, () => 1);
  const sum = w.reduce((a, b) => a + b, 0);
  const widths = w.map((x) => Math.floor((x / sum) * total));
  widths[widths.length - 1] = (widths[widths.length - 1] ?? 0) + total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function cell(
  text: string,
  width: number,
  options: { style: string; fill?: string; right?: boolean; borders?: ITableCellBorders; keepNext?: boolean },
): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(options.borders ? { borders: options.borders } : {}),
    ...(options.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: options.fill } } : {}),
    children: paragraphs(text, {
      style: options.style,
      ...(options.right ? { alignment: AlignmentType.RIGHT } : {}),
      ...(options.keepNext ? { keepNext: true } : {}),
    }),
  });
}

export interface DataTableInput {
  columns: string[];
  rows: string[][];
  widths?: number[];
  numeric?: boolean[];
  /** Every row kept with the next, so a short table moves to the next page whole rather than split. */
  keepTogether?: boolean;
}

/** A data table: shaded header row repeated on every page, rows that never split across pages. */
export function dataTable({ columns, rows, widths, numeric, keepTogether = false }: DataTableInput): Table {
  const w = columnWidths(columns.length, widths);
  const right = (i: number) => numeric?.[i] === true;
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c, i) => cell(c, w[i] ?? 0, { style: STYLE.tableHeader, fill: COLOR.accentSoft, right: right(i), borders: HEADER_BORDERS })),
  });
  const body = rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: columns.map((_, i) => cell(row[i] ?? '', w[i] ?? 0, { style: STYLE.tableText, right: right(i), keepNext: keepTogether })),
      }),
  );
  return new Table({
    width: { size: PAGE.textWidth, type: WidthType.DXA },
    columnWidths: w,
    layout: TableLayoutType.FIXED,
    borders: DATA_TABLE_BORDERS,
    margins: CELL_MARGIN,
    rows: [header, ...body],
  });
}

/** Short label/value tables stay on one page (keep-with-next on every row but the last); long ones may split. */
const KEEP_TOGETHER_ROWS = 10;

/** Label/value pairs: a narrow shaded label column and the value beside it. */
export function fieldsTable(rows: { label: string; value: string }[]): Table {
  const together = rows.length <= KEEP_TOGETHER_ROWS;
  const w = columnWidths(2, [30, 70]);
  return new Table({
    width: { size: PAGE.textWidth, type: WidthType.DXA },
    columnWidths: w,
    layout: TableLayoutType.FIXED,
    borders: FIELDS_TABLE_BORDERS,
    margins: CELL_MARGIN,
    rows: rows.map(
      (r, i) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell(r.label, w[0] ?? 0, { style: STYLE.fieldLabel, fill: COLOR.labelFill, keepNext: together && i < rows.length - 1 }),
            cell(r.value, w[1] ?? 0, { style: STYLE.tableText, keepNext: together && i < rows.length - 1 }),
          ],
        }),
    ),
  });
}

/** Space after a table, which Word otherwise glues to the next paragraph. */
export const afterTable = (keepNext = false): Paragraph => new Paragraph({ spacing: { before: 0, after: 120, line: 120 }, keepNext, children: [] });
