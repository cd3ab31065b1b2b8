import type { TFunction } from 'i18next';
import type { KeysUnder } from '../../../shared/i18n';
import { weekdayName } from '../../../shared/model/calendarFormat';
import type { Agreement } from '../../../shared/model/schema';
import { sessionTotals, type StepTime } from './sessionClock';
import { MINUTE_MS } from './timer';

type Decision = Agreement['decisions'][number];

/**
 * A cell a spreadsheet must not run: text starting with = + - @ (or a tab / carriage return) is a formula
 * to Excel and LibreOffice, so a decision typed as "=HYPERLINK(…)" is written with a leading apostrophe
 * (OWASP's advice for CSV injection). Our own numbers never pass through here.
 */
export function inertText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV (or TSV) record per row: fields with the delimiter, quotes or line breaks are quoted (RFC 4180). */
export function toDelimited(rows: string[][], delimiter: string): string {
  const field = (value: string) => (value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return rows.map((row) => row.map(field).join(delimiter)).join('\r\n');
}

/** Spreadsheets in Spanish read ";" between fields (the comma is their decimal mark); English ones read ",". */
export function csvDelimiter(language: string): string {
  return language.startsWith('es') ? ';' : ',';
}

export interface DecisionLogExport {
  decisions: readonly Decision[];
  times: readonly StepTime[];
  t: TFunction;
  /** The interface language: column names, weekdays and decimal marks. */
  locale: string;
}

/**
 * The decision log as rows for a spreadsheet, then the session clock: minutes planned and actually spent per
 * step, and the totals. Decisions keep their ISO date (which every spreadsheet reads as a date) beside the
 * weekday in words.
 */
export function decisionLogRows({ decisions, times, t, locale }: DecisionLogExport): string[][] {
  const minutes = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, useGrouping: false });
  const m = (ms: number) => minutes.format(ms / MINUTE_MS);
  const c = (key: KeysUnder<'facilitation.export.columns'>) => t(`facilitation.export.columns.${key}`);
  const totals = sessionTotals([...times]);
  return [
    [c('date'), c('weekday'), c('decision'), c('owner')],
    ...decisions.map((d) => [d.date, weekdayName(d.date, locale), inertText(d.text), inertText(d.owner)]),
    [],
    [c('step'), c('planned'), c('actual'), c('difference')],
    ...times.map((time) => [t(`common.steps.${time.step}`), m(time.plannedMs), m(time.actualMs), time.started ? m(time.actualMs - time.plannedMs) : '']),
    [c('total'), m(totals.plannedMs), m(totals.actualMs), m(totals.actualMs - totals.plannedMs)],
  ];
}

/** The file: UTF-8 with a byte-order mark, so Excel shows accents right, and the language's delimiter. */
export function decisionLogCsv(input: DecisionLogExport): string {
  return `\uFEFF${toDelimited(decisionLogRows(input), csvDelimiter(input.locale))}\r\n`;
}

/** For the clipboard: tab-separated, which pastes into a spreadsheet or a document table cell by cell. */
export function decisionLogTsv(input: DecisionLogExport): string {
  return `${toDelimited(decisionLogRows(input), '\t')}\r\n`;
}
