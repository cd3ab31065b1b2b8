import Papa from 'papaparse';
import type { Newline } from './dialect';
import { RecordView } from './recordView';
import { CsvImportError, type CsvDelimiter } from './types';

/** What papaparse's core parser returns for one call (its typings say `any`). */
interface ParseResult {
  data: string[][];
  errors: { row?: number; code: string }[];
  meta: { cursor: number };
}

/**
 * Called once per record: a view of its fields (valid only during the call), the physical line it starts
 * on, and whether its quotes were malformed.
 */
export type RecordHandler = (record: RecordView, line: number, badQuotes: boolean) => void;

export const DEFAULT_MAX_RECORD_CHARS = 1_000_000;

/**
 * Turns text arriving in pieces into CSV records. A line without a quote character is a whole record
 * whose fields are the line split on the delimiter — exactly what papaparse itself does for text without
 * quotes (its "fast mode"), done here line by line because exports quote only some fields, and without
 * copying the fields (see RecordView). A record that
 * holds a quote goes to papaparse's parser, one record at a time (`preview: 1` on a view of the text that
 * starts there), which handles quoted delimiters, line breaks and doubled quotes and reports malformed
 * quotes. A piece may end anywhere (inside a quoted field, between \r and \n): the unfinished record waits
 * for the next piece. Records carry the physical line they start on, counting line breaks inside quotes.
 * An unfinished record longer than `maxRecordChars` (an unclosed quote swallowing the file) stops the
 * import instead of filling memory.
 */
export class CsvRecordReader {
  private pending = '';
  private line = 1;
  private readonly quoted: Papa.Parser;
  private readonly lineChar: string;
  private readonly view = new RecordView();

  constructor(
    private readonly delimiter: CsvDelimiter,
    private readonly newline: Newline,
    private readonly maxRecordChars = DEFAULT_MAX_RECORD_CHARS,
  ) {
    this.quoted = new Papa.Parser({ delimiter, newline, preview: 1 });
    this.lineChar = newline === '\r' ? '\r' : '\n';
  }

  push(text: string, onRecord: RecordHandler): void {
    this.pending = this.pending.length === 0 ? this.parseRest(text, 0, onRecord) : this.parseAfterPending(text, onRecord);
    if (this.pending.length > this.maxRecordChars) {
      throw new CsvImportError('record_too_large', { line: this.line, limit: this.maxRecordChars });
    }
  }

  end(onRecord: RecordHandler): void {
    const input = this.pending;
    this.pending = '';
    if (input.length > 0) this.parse(input, 0, true, onRecord);
  }

  /** Hands over the complete records of input[from…) and returns what is left of it, unfinished. */
  private parseRest(input: string, from: number, onRecord: RecordHandler): string {
    const consumed = this.parse(input, from, false, onRecord);
    return consumed === input.length ? '' : input.slice(consumed);
  }

  /**
   * The unfinished record left by the last piece, finished with the start of `text`, then the rest of `text`
   * read where it is. Reading `pending + text` whole would hand every reader a concatenated string, which V8
   * reads several times slower character by character than the decoder's own string; only when the
   * unfinished record runs past the first line of `text` (a quoted line break) is the text joined.
   */
  private parseAfterPending(text: string, onRecord: RecordHandler): string {
    const lineEnd = text.indexOf(this.lineChar);
    if (lineEnd === -1) return this.pending + text;
    const head = this.pending + text.slice(0, lineEnd + 1);
    const used = this.parse(head, 0, false, onRecord);
    if (used === head.length) return this.parseRest(text, lineEnd + 1, onRecord);
    // The head is a prefix of the joined text, so what it handed over stands; go on from there in the joined text.
    return this.parseRest(this.pending + text, used, onRecord);
  }

  /** Hands over the complete records of input[from…) (all of them when `final`) and returns where they end. */
  private parse(input: string, from: number, final: boolean, onRecord: RecordHandler): number {
    const { delimiter, newline } = this;
    const step = newline.length;
    let pos = from;
    let nextQuote = input.indexOf('"', from);
    while (pos < input.length) {
      let end = input.indexOf(newline, pos);
      if (nextQuote !== -1 && nextQuote < pos) nextQuote = input.indexOf('"', pos);
      if (nextQuote === -1 || (end !== -1 && nextQuote > end)) {
        if (end === -1) {
          if (!final) break;
          end = input.length;
        }
        this.view.setLine(input, pos, end, delimiter);
        onRecord(this.view, this.line, false);
        this.line++;
        pos = end + step;
        continue;
      }
      if (end !== -1 && this.view.setSimpleQuotedLine(input, pos, end, delimiter)) {
        onRecord(this.view, this.line, false);
        this.line++;
        pos = end + step;
        continue;
      }
      const result = this.quoted.parse(pos === 0 ? input : input.slice(pos), 0, !final) as ParseResult;
      const fields = result.data[0];
      if (!fields) break;
      // The parser stops right after the record; a cursor that did not move would loop forever.
      const used = result.meta.cursor > 0 ? result.meta.cursor : input.length - pos;
      this.view.setFields(fields);
      onRecord(
        this.view,
        this.line,
        result.errors.some((e) => e.row === 0),
      );
      this.line += countOf(input, this.lineChar, pos, pos + used);
      pos += used;
    }
    return Math.min(pos, input.length);
  }
}

function countOf(text: string, char: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf(char, from); i !== -1 && i < to; i = text.indexOf(char, i + 1)) count++;
  return count;
}
