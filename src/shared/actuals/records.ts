import Papa from 'papaparse';
import type { Newline } from './dialect';
import { CsvImportError, type CsvDelimiter } from './types';

/** What papaparse's core parser returns for one call (its typings say `any`). */
interface ParseResult {
  data: string[][];
  errors: { row?: number; code: string }[];
  meta: { cursor: number };
}

/** Called once per record: its fields, the physical line it starts on, and whether its quotes were malformed. */
export type RecordHandler = (fields: string[], line: number, badQuotes: boolean) => void;

export const DEFAULT_MAX_RECORD_CHARS = 1_000_000;

/**
 * Turns text arriving in pieces into CSV records, with papaparse's parser doing the CSV work. Each piece is
 * parsed together with the unfinished record left over from the previous one (papaparse's own streamers
 * work the same way), so a piece may end anywhere: inside a quoted field, between \r and \n. Records carry
 * the physical line they start on, counting line breaks inside quoted fields. An unfinished record longer
 * than `maxRecordChars` (an unclosed quote swallowing the file) stops the import instead of filling memory.
 */
export class CsvRecordReader {
  private pending = '';
  private line = 1;
  private readonly parser: Papa.Parser;
  private readonly lineChar: string;

  constructor(
    delimiter: CsvDelimiter,
    newline: Newline,
    private readonly maxRecordChars = DEFAULT_MAX_RECORD_CHARS,
  ) {
    this.parser = new Papa.Parser({ delimiter, newline });
    this.lineChar = newline === '\r' ? '\r' : '\n';
  }

  push(text: string, onRecord: RecordHandler): void {
    const input = this.pending + text;
    const consumed = this.parse(input, false, onRecord);
    this.pending = input.slice(consumed);
    if (this.pending.length > this.maxRecordChars) {
      throw new CsvImportError('record_too_large', { line: this.line, limit: this.maxRecordChars });
    }
  }

  end(onRecord: RecordHandler): void {
    const input = this.pending;
    this.pending = '';
    if (input.length > 0) this.parse(input, true, onRecord);
  }

  /** Parses `input`, hands over its complete records and returns how many characters they used. */
  private parse(input: string, final: boolean, onRecord: RecordHandler): number {
    const result = this.parser.parse(input, 0, !final) as ParseResult;
    const rows = result.data;
    const consumed = final ? input.length : result.meta.cursor;
    const badRows = new Set<number>();
    for (const error of result.errors) if (error.row !== undefined && error.row < rows.length) badRows.add(error.row);

    const breaks = countOf(input, this.lineChar, consumed);
    const unterminatedLast = final && rows.length > 0 && !input.endsWith(this.lineChar) ? 1 : 0;
    if (breaks === rows.length - unterminatedLast) {
      // No line break inside a quoted field: record i starts i lines down.
      for (let i = 0; i < rows.length; i++) onRecord(rows[i]!, this.line + i, badRows.has(i));
    } else {
      let line = this.line;
      for (let i = 0; i < rows.length; i++) {
        const fields = rows[i]!;
        onRecord(fields, line, badRows.has(i));
        line += 1;
        for (const field of fields) if (field.length > 0) line += countOf(field, this.lineChar, field.length);
      }
    }
    this.line += breaks;
    return consumed;
  }
}

function countOf(text: string, char: string, end: number): number {
  let count = 0;
  for (let i = text.indexOf(char); i !== -1 && i < end; i = text.indexOf(char, i + 1)) count++;
  return count;
}
