import Papa from 'papaparse';
import { CSV_DELIMITERS, type CsvDelimiter } from './types';

export type Newline = '\n' | '\r\n' | '\r';

/** The line ending of the first record, read outside quoted fields (a quoted field may hold other line breaks). */
export function detectNewline(text: string): Newline {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (!quoted && c === 10) return '\n';
    else if (!quoted && c === 13) return text.charCodeAt(i + 1) === 10 ? '\r\n' : i + 1 < text.length ? '\r' : '\r\n';
  }
  return '\n';
}

const SAMPLE_RECORDS = 20;

/**
 * The delimiter among `,` `;` and tab that splits the header into more than one column and gives the most
 * following records the header's column count (ties: more columns). Spanish-locale Excel writes `;`.
 * Null when none splits the header: a one-column file, which no mapping fits anyway.
 */
export function detectDelimiter(text: string, newline: Newline, isWholeText: boolean): CsvDelimiter | null {
  let best: { delimiter: CsvDelimiter; consistent: number; columns: number } | null = null;
  for (const delimiter of CSV_DELIMITERS) {
    const rows = Papa.parse<string[]>(text, { delimiter, newline, preview: SAMPLE_RECORDS + 1 }).data;
    // The sample may end inside a record: its last row is not evidence.
    const complete = isWholeText ? rows : rows.slice(0, -1);
    const columns = complete[0]?.length ?? rows[0]?.length ?? 0;
    if (columns < 2) continue;
    const consistent = complete.slice(1).filter((r) => r.length === columns || (r.length === 1 && r[0] === '')).length;
    if (!best || consistent > best.consistent || (consistent === best.consistent && columns > best.columns)) best = { delimiter, consistent, columns };
  }
  return best?.delimiter ?? null;
}
