import { AlignmentType, BorderStyle, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import type { MonthReview } from '../../../shared/actuals/review';
import { LOCALE } from '../../../shared/actuals/reviewTables';
import type { Language } from '../../../shared/model/schema';
import { STYLE } from '../document/styles';
import { columnWidths } from '../document/tables';
import { run } from '../document/text';
import { COLOR, PAGE, SIZE } from '../document/theme';

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const RULE = { style: BorderStyle.SINGLE, size: 4, color: COLOR.rule } as const;
const STRONG_RULE = { style: BorderStyle.SINGLE, size: 8, color: COLOR.accent } as const;
/** Thirteen columns on an A4 line: half the SLA tables' padding, so four-digit counts stay on one line. */
const TIGHT = { top: 40, bottom: 40, left: 50, right: 50 } as const;

function cell(text: string, width: number, options: { header?: boolean; right?: boolean }): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: TIGHT,
    borders: options.header ? { top: NONE, bottom: STRONG_RULE, left: NONE, right: NONE } : { top: RULE, bottom: RULE, left: NONE, right: NONE },
    ...(options.header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: COLOR.accentSoft } } : {}),
    children: [
      new Paragraph({
        style: options.header ? STYLE.tableHeader : STYLE.tableText,
        ...(options.right ? { alignment: AlignmentType.RIGHT } : {}),
        children: [run(text, { size: SIZE.small })],
      }),
    ],
  });
}

/**
 * The 12-month trend in the .docx: a stage per row, a month per column (the shape a line chart would have, as
 * its own text alternative), so the whole year fits in five or six short rows.
 */
export function trendTable(review: MonthReview, lang: Language): Table {
  const months = review.trend;
  const widths = columnWidths(months.length + 1, [3.4, ...months.map(() => 1)]);
  const monthFormat = new Intl.DateTimeFormat(LOCALE[lang], { month: 'short', year: '2-digit', timeZone: 'UTC' });
  const count = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 0 });
  const label = (month: string) => {
    const [y, m] = month.split('-').map(Number);
    return monthFormat.format(Date.UTC(y ?? 0, (m ?? 1) - 1, 1));
  };
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [cell('', widths[0] ?? 0, { header: true }), ...months.map((m, i) => cell(label(m.month), widths[i + 1] ?? 0, { header: true, right: true }))],
  });
  const rows = review.stages.map(
    (stage, s) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(stage.name, widths[0] ?? 0, {}),
          ...months.map((m, i) => {
            const value = m.stages[s]?.actual ?? null;
            return cell(value === null ? '–' : count.format(value), widths[i + 1] ?? 0, { right: true });
          }),
        ],
      }),
  );
  return new Table({
    width: { size: PAGE.textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: NONE, bottom: RULE, left: NONE, right: NONE, insideHorizontal: RULE, insideVertical: NONE },
    rows: [header, ...rows],
  });
}
