import type { TFunction } from 'i18next';
import type { BadRow, CsvImportError } from './types';

/** The translated sentence for an error that stopped an import (`actuals.error.<code>`, with its params). */
export function describeCsvError(t: TFunction, error: CsvImportError): string {
  return t(`actuals.error.${error.code}`, error.params);
}

/** One rejected row as a line of the report: its line number, the reason, and the column and value to blame. */
export function describeBadRow(t: TFunction, row: BadRow): string {
  const reason = t(`actuals.reason.${row.reason}`);
  if (row.column === undefined) return t('actuals.badRow', { line: row.line, reason });
  return t('actuals.badRowColumn', { line: row.line, reason, column: row.column, value: row.value ?? '' });
}
