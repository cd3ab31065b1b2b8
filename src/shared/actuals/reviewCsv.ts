import type { TFunction } from 'i18next';
import type { KeysUnder } from '../i18n';
import type { Agreement, Language } from '../model/schema';
import type { MonthReview } from './review';
import { reviewTables, type TextTable } from './reviewTables';

/**
 * A cell a spreadsheet must not run: text typed by people that starts with = + - @ (or a tab / carriage
 * return) is a formula to Excel and LibreOffice, so it gets a leading apostrophe (OWASP's advice for CSV
 * injection; the facilitation decision-log export does the same). Our own numbers never pass through here.
 */
export function inertCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Spreadsheets in Spanish read ";" between fields (the comma is their decimal mark); English ones read ",". */
export const reviewCsvDelimiter = (lang: Language): string => (lang === 'es' ? ';' : ',');

function toDelimited(rows: string[][], delimiter: string): string {
  const field = (value: string) => (value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return rows.map((row) => row.map(field).join(delimiter)).join('\r\n');
}

/** A table's rows with the cells people typed (names, descriptions) made inert; numeric columns untouched. */
function block(title: string, table: TextTable): string[][] {
  const safe = table.rows.map((row) => row.map((cell, i) => (table.numeric[i] ? cell : inertCell(cell))));
  return [[title], table.columns, ...safe, []];
}

/**
 * The month's review as a CSV file: UTF-8 with a byte-order mark (so Excel shows accents right), the
 * language's delimiter and decimal mark (`;` and `48,9` in Spanish, `,` and `48.9` in English), one block per
 * table (stages, KPIs, commitments, other figures, the 12-month trend, decisions) and the notes last.
 */
export function monthReviewCsv(review: MonthReview, agreement: Pick<Agreement, 'lifecycle' | 'meta'>, t: TFunction, lang: Language): string {
  const tables = reviewTables(review, agreement, t, lang, 'sheet');
  const s = (key: KeysUnder<'monthReview.sections'>): string => t(`monthReview.sections.${key}`);
  const rows: string[][] = [
    [inertCell(agreement.meta.title), review.month],
    [],
    ...block(s('stages'), tables.stages),
    ...block(s('kpis'), tables.kpis),
    ...block(s('commitments'), tables.commitments),
    ...block(s('figures'), tables.figures),
    ...block(s('trend'), tables.trend),
    ...block(s('decisions'), tables.decisions),
    [s('notes')],
    [inertCell(review.notes)],
  ];
  return `\uFEFF${toDelimited(rows, reviewCsvDelimiter(lang))}\r\n`;
}
