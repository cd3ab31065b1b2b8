import Papa from 'papaparse';
import type { Newline } from './dialect';
import { RecordView, type FieldDecoder } from './recordView';
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

export const DEFAULT_MAX_RECORD_BYTES = 1_000_000;

const QUOTE = 34;
/** What `readInPlace` returns when the record's line does not end before the bytes do, or it needs papaparse. */
const NEED_MORE = -1;
const NEED_PARSER = -2;

/**
 * Turns the raw bytes of a CSV file, arriving in chunks, into records — before any decoding. The file is
 * UTF-8 or Windows-1252 (UTF-16 is turned into UTF-8 first, see job.ts): in both, the delimiter, the quote
 * and the line breaks are single ASCII bytes that never occur inside another character, so records and
 * fields can be found on the bytes, and a field is decoded (`FieldDecoder`) only when a reader asks for its
 * text. A record is read in place when its quotes are well formed — a quote right after a delimiter (or the
 * record start), its closing quote right before a delimiter (or the line end), quotes inside it doubled, no
 * line break inside it — as CRM exports write a company name holding a comma or a quote. Any other record
 * with a quote (a quoted line break, a quote mid-field, text after a closing quote) is decoded and goes to
 * papaparse, one record at a time, which also reports malformed quotes. A chunk may end anywhere (inside a
 * quoted field, inside a multi-byte character, between \r and \n): the unfinished record's bytes wait for
 * the next chunk, and only they are copied. Records carry the physical line they start on, counting line
 * breaks inside quotes. An unfinished record longer than `maxRecordBytes` (an unclosed quote swallowing
 * the file) stops the import instead of filling memory.
 */
export class CsvRecordReader {
  /** The unfinished record's bytes, in a buffer reused from chunk to chunk. */
  private pending = new Uint8Array(4096);
  private pendingLength = 0;
  private line = 1;
  private readonly quoted: Papa.Parser;
  private readonly view: RecordView;
  private readonly separator: number;
  /** The byte that ends a line: \n, or \r in files with bare \r line breaks. */
  private readonly lineByte: number;
  private readonly crlf: boolean;
  /** The highest byte `parse` looks for: any byte above it is part of a field. */
  private readonly top: number;
  /** Set by closeOfQuoted. */
  private doubled = false;

  constructor(
    delimiter: CsvDelimiter,
    newline: Newline,
    private readonly decode: FieldDecoder,
    utf8: boolean,
    private readonly maxRecordBytes = DEFAULT_MAX_RECORD_BYTES,
  ) {
    this.quoted = new Papa.Parser({ delimiter, newline, preview: 1 });
    this.view = new RecordView(decode);
    this.view.utf8 = utf8;
    this.separator = delimiter.charCodeAt(0);
    this.lineByte = newline === '\r' ? 13 : 10;
    this.crlf = newline === '\r\n';
    this.top = Math.max(this.separator, QUOTE, this.lineByte, 13);
  }

  /** The physical line the next record starts on. */
  get nextLine(): number {
    return this.line;
  }

  /** Moves the line count on by `lines` (lines a later piece of the file read elsewhere, see parallelImport.ts). */
  skipLines(lines: number): void {
    this.line += lines;
  }

  /** True when every byte pushed so far belongs to a record already handed over: the next byte starts a record. */
  get atRecordStart(): boolean {
    return this.pendingLength === 0;
  }

  /** `checkSize`: false when the bytes end at a point a sequential read would not stop at (see CsvImportJob.push). */
  push(bytes: Uint8Array, onRecord: RecordHandler, checkSize = true): void {
    if (this.pendingLength === 0) this.keep(bytes, this.parse(bytes, 0, bytes.length, false, onRecord), bytes.length);
    else this.pushAfterPending(bytes, onRecord);
    if (checkSize && this.pendingLength > this.maxRecordBytes) {
      throw new CsvImportError('record_too_large', { line: this.line, limit: this.maxRecordBytes });
    }
  }

  end(onRecord: RecordHandler): void {
    const length = this.pendingLength;
    this.pendingLength = 0;
    if (length > 0) this.parse(this.pending.subarray(0, length), 0, length, true, onRecord);
  }

  /**
   * The unfinished record left by the last chunk, finished with the start of `bytes` up to its first line
   * break, then the rest of `bytes` read where it is. Only when the record runs past that line break (a
   * quoted line break) is the rest of the chunk copied after it.
   */
  private pushAfterPending(bytes: Uint8Array, onRecord: RecordHandler): void {
    const lineEnd = bytes.indexOf(this.lineByte);
    if (lineEnd === -1) {
      this.append(bytes, 0, bytes.length);
      return;
    }
    this.append(bytes, 0, lineEnd + 1);
    const head = this.pending;
    const headLength = this.pendingLength;
    const used = this.parse(head, 0, headLength, false, onRecord);
    if (used === headLength) {
      this.pendingLength = 0;
      this.keep(bytes, this.parse(bytes, lineEnd + 1, bytes.length, false, onRecord), bytes.length);
      return;
    }
    // The head is a prefix of the joined bytes, so what it handed over stands; go on from there.
    this.pending.copyWithin(0, used, headLength);
    this.pendingLength = headLength - used;
    this.append(bytes, lineEnd + 1, bytes.length);
    const joined = this.pending;
    const rest = this.parse(joined, 0, this.pendingLength, false, onRecord);
    joined.copyWithin(0, rest, this.pendingLength);
    this.pendingLength -= rest;
  }

  /** Keeps bytes[from, to) as the unfinished record. */
  private keep(bytes: Uint8Array, from: number, to: number): void {
    this.pendingLength = 0;
    if (from < to) this.append(bytes, from, to);
  }

  private append(bytes: Uint8Array, from: number, to: number): void {
    const need = this.pendingLength + (to - from);
    if (need > this.pending.length) {
      const grown = new Uint8Array(Math.max(need, this.pending.length * 2));
      grown.set(this.pending.subarray(0, this.pendingLength));
      this.pending = grown;
    }
    this.pending.set(bytes.subarray(from, to), this.pendingLength);
    this.pendingLength = need;
  }

  /**
   * Hands over the complete records of bytes[from, to) (all of them when `final`) and returns where they end.
   * This loop runs over every byte of the file, so it does the common case in one pass: it finds the line
   * end and the fields of a record without quotes together, and a byte above every byte it looks for (most
   * of them: letters, digits) costs one comparison. A record with a quote is read again from its start by
   * readInPlace (well-formed quoted fields) or papaparse.
   */
  private parse(bytes: Uint8Array, from: number, to: number, final: boolean, onRecord: RecordHandler): number {
    const view = this.view;
    const separator = this.separator;
    const lineByte = this.lineByte;
    const crlf = this.crlf;
    const top = this.top;
    let record = from;
    while (record < to) {
      view.begin(bytes);
      let starts = view.starts;
      let ends = view.ends;
      let n = 0;
      let start = record;
      let at = record;
      let quote = false;
      // The record ended with a quoted field (already in the view).
      let lineDone = false;
      for (; at < to; at++) {
        const c = bytes[at]!;
        if (c > top) continue;
        if (c === separator) {
          if (n === starts.length) {
            view.grow();
            starts = view.starts;
            ends = view.ends;
          }
          starts[n] = start;
          ends[n] = at;
          n++;
          start = at + 1;
        } else if (c === lineByte) {
          // In a \r\n file a bare \n is part of the field, as papaparse reads it.
          if (!crlf || (at > record && bytes[at - 1] === 13)) break;
        } else if (c === QUOTE) {
          // A quoted field on one line, closed right before a delimiter or the line end: read here. Any
          // other quote (mid-field, a quoted line break, text after the closing quote): from the start.
          const after = at === start ? this.closeOfQuoted(bytes, at, to) : -1;
          const d = after < 0 ? -1 : bytes[after]!;
          const end =
            d === separator ? after : !crlf && d === lineByte ? after : crlf && d === 13 && bytes[after + 1] === 10 && after + 1 < to ? after + 1 : -1;
          if (end < 0) {
            quote = true;
            break;
          }
          view.count = n;
          if (this.doubled) view.addUnquotedField(at + 1, after - 1);
          else view.addField(at + 1, after - 1);
          n = view.count;
          starts = view.starts;
          ends = view.ends;
          at = end;
          if (d === separator) start = end + 1;
          else {
            lineDone = true;
            break;
          }
        }
      }
      if (lineDone) {
        view.count = n;
        onRecord(view, this.line, false);
        this.line++;
        record = at + 1;
        continue;
      }
      if (quote) {
        const next = this.readInPlace(bytes, record, to, final);
        if (next >= 0) {
          onRecord(view, this.line, false);
          this.line++;
          record = next;
          continue;
        }
        if (next === NEED_MORE) break;
        const used = this.readWithParser(bytes, record, to, final, onRecord);
        if (used === 0) break;
        record += used;
        continue;
      }
      if (at >= to && !final) break;
      view.count = n;
      view.addField(start, at >= to ? to : crlf ? at - 1 : at);
      onRecord(view, this.line, false);
      this.line++;
      record = at + 1;
    }
    return Math.min(record, to);
  }

  /**
   * The index after the closing quote of the quoted field opening at `open`, when it closes before `to` with
   * no line break inside and a byte follows it; -1 otherwise. `doubled`: whether it holds doubled quotes.
   */
  private closeOfQuoted(bytes: Uint8Array, open: number, to: number): number {
    this.doubled = false;
    const lineByte = this.lineByte;
    for (let at = open + 1; at < to; at++) {
      const c = bytes[at]!;
      if (c === QUOTE) {
        if (at + 1 >= to) return -1;
        if (bytes[at + 1] !== QUOTE) return at + 1;
        this.doubled = true;
        at++;
      } else if (c === lineByte || c === 13) return -1;
    }
    return -1;
  }

  /**
   * Reads the record at `pos` into the view when it has no quote or only well-formed quoted fields on its
   * line, and returns where the next record starts; NEED_MORE when its line does not end before `to` (and
   * this is not the end of the file), NEED_PARSER for papaparse.
   */
  private readInPlace(bytes: Uint8Array, pos: number, to: number, final: boolean): number {
    const lineByte = this.lineByte;
    const lineEnd = this.crlf ? this.crlfLineEnd(bytes, pos, to) : bytes.indexOf(lineByte, pos);
    let fieldsEnd: number;
    let next: number;
    if (lineEnd === -1 || lineEnd >= to) {
      if (!final) return NEED_MORE;
      fieldsEnd = next = to;
    } else {
      fieldsEnd = this.crlf ? lineEnd - 1 : lineEnd;
      next = lineEnd + 1;
    }
    // Called for a line with a quote `parse` did not read itself (readQuotedLine reads any line, though).
    return this.readQuotedLine(bytes, pos, fieldsEnd) ? next : NEED_PARSER;
  }

  /** The \n of the record's \r\n: in a \r\n file a bare \n is part of the field, as papaparse reads it. */
  private crlfLineEnd(bytes: Uint8Array, pos: number, to: number): number {
    let lineEnd = bytes.indexOf(10, pos);
    while (lineEnd !== -1 && lineEnd < to && (lineEnd === pos || bytes[lineEnd - 1] !== 13)) lineEnd = bytes.indexOf(10, lineEnd + 1);
    return lineEnd;
  }

  /** Reads a line with quotes into the view when every quoted field on it is well formed (see quotedField). */
  private readQuotedLine(bytes: Uint8Array, pos: number, fieldsEnd: number): boolean {
    const view = this.view;
    const separator = this.separator;
    view.begin(bytes);
    let start = pos;
    let at = pos;
    while (at < fieldsEnd) {
      const c = bytes[at]!;
      if (c === separator) {
        view.addField(start, at);
        start = ++at;
      } else if (c === QUOTE) {
        if (at !== start) return false;
        const after = this.quotedField(bytes, at, fieldsEnd);
        if (after < 0) return false;
        if (after === fieldsEnd) return true;
        // quotedField checked that a delimiter follows the closing quote.
        at = after + 1;
        start = at;
      } else at++;
    }
    view.addField(start, fieldsEnd);
    return true;
  }

  /**
   * Reads the quoted field opening at `open` on a line ending at `lineEnd` into the view and returns the
   * index after its closing quote, which is then the line's end or a delimiter; NEED_PARSER otherwise (no
   * closing quote on the line, text after the closing quote).
   */
  private quotedField(bytes: Uint8Array, open: number, lineEnd: number): number {
    let doubled = false;
    // A loop, not indexOf: quoted fields are short, and a native call costs more than the few bytes.
    let close = open + 1;
    for (; close < lineEnd; close++) {
      if (bytes[close] !== QUOTE) continue;
      if (close + 1 < lineEnd && bytes[close + 1] === QUOTE) {
        doubled = true;
        close++;
        continue;
      }
      break;
    }
    if (close >= lineEnd) return NEED_PARSER;
    const after = close + 1;
    if (after !== lineEnd && bytes[after] !== this.separator) return NEED_PARSER;
    if (doubled) this.view.addUnquotedField(open + 1, close);
    else this.view.addField(open + 1, close);
    return after;
  }

  /**
   * Decodes the record at `pos` and has papaparse read it: the decoded window grows line by line (then
   * doubling) until papaparse finds the record's end in it, up to `to`. Returns the bytes used, or 0 when
   * the record does not end before `to` (and this is not the end of the file).
   */
  private readWithParser(bytes: Uint8Array, pos: number, to: number, final: boolean, onRecord: RecordHandler): number {
    let windowEnd = pos;
    for (;;) {
      const lineEnd = bytes.indexOf(this.lineByte, Math.max(windowEnd, pos + 2 * (windowEnd - pos)));
      windowEnd = lineEnd === -1 || lineEnd >= to ? to : lineEnd + 1;
      const atEnd = windowEnd === to;
      const text = this.decode(bytes, pos, windowEnd);
      const result = this.quoted.parse(text, 0, !(final && atEnd)) as ParseResult;
      const fields = result.data[0];
      if (!fields) {
        if (atEnd) return 0;
        continue;
      }
      // The parser stops right after the record's line break: the same count of line breaks in the bytes.
      const usedChars = result.meta.cursor > 0 ? result.meta.cursor : text.length;
      const breaks = countOf(text, this.lineByte === 13 ? '\r' : '\n', usedChars);
      const used = usedChars === text.length ? windowEnd - pos : afterNthByte(bytes, this.lineByte, pos, breaks) - pos;
      this.view.setFields(fields);
      onRecord(
        this.view,
        this.line,
        result.errors.some((e) => e.row === 0),
      );
      this.line += breaks;
      return used;
    }
  }
}

function countOf(text: string, char: string, to: number): number {
  let count = 0;
  for (let i = text.indexOf(char); i !== -1 && i < to; i = text.indexOf(char, i + 1)) count++;
  return count;
}

/** The index right after the n-th `byte` from `from` (n ≥ 1). */
function afterNthByte(bytes: Uint8Array, byte: number, from: number, n: number): number {
  let at = from - 1;
  for (let k = 0; k < n; k++) at = bytes.indexOf(byte, at + 1);
  return at + 1;
}
