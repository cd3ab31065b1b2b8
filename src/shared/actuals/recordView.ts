/**
 * One CSV record without copying it: either offsets of its fields inside the text being parsed (a line
 * without quotes) or the fields papaparse produced (a record with quotes). A million rows × a dozen
 * columns would otherwise be a dozen million short strings for the garbage collector; readers take
 * `text`, `start(i)` and `end(i)` and parse in place, and make a string only for the few values they keep.
 * The view is reused for the next record: copy with `toArray()` to keep one.
 */
export class RecordView {
  /** The text holding field i between start(i) and end(i). */
  private source = '';
  private fields: string[] | null = null;
  private starts = new Int32Array(32);
  private ends = new Int32Array(32);
  /** Fields whose text is not a slice of `source` (quoted with doubled quotes): their own strings, by index. */
  private unquoted: (string | undefined)[] = [];
  /** How many of `unquoted` belong to the current line (0 on almost every line: no lookup then). */
  private unquotedCount = 0;
  count = 0;

  /** Points the view at a quote-free line: fields are the pieces between delimiters. */
  setLine(text: string, from: number, to: number, delimiter: string): void {
    this.source = text;
    this.fields = null;
    this.unquotedCount = 0;
    let n = 0;
    let start = from;
    for (;;) {
      if (n === this.starts.length) this.grow();
      let end = text.indexOf(delimiter, start);
      if (end === -1 || end > to) end = to;
      this.starts[n] = start;
      this.ends[n] = end;
      n++;
      if (end === to) break;
      start = end + 1;
    }
    this.count = n;
  }

  /**
   * Points the view at a line whose quoted fields are well formed — a quote right after a delimiter (or the
   * line start), its closing quote right before a delimiter (or the line end), quotes inside it doubled — as
   * exports quote a company name holding a comma or a quote. A field with doubled quotes gets a string of its
   * own with them undoubled. False for anything else (a quote mid-field, text after a closing quote, a quoted
   * line break): papaparse reads those and reports what is malformed.
   */
  setSimpleQuotedLine(text: string, from: number, to: number, delimiter: string): boolean {
    this.source = text;
    this.fields = null;
    this.unquotedCount = 0;
    const separator = delimiter.charCodeAt(0);
    let n = 0;
    let start = from;
    // The next quote at or after `start`: looked up again only once passed, not for every field.
    let quote = text.indexOf('"', from);
    for (;;) {
      if (n === this.starts.length) this.grow();
      let end: number;
      if (start === quote) {
        let close = text.indexOf('"', start + 1);
        let doubled = false;
        while (close !== -1 && close + 1 < to && text.charCodeAt(close + 1) === 34) {
          doubled = true;
          close = text.indexOf('"', close + 2);
        }
        if (close === -1 || close >= to) return false;
        end = close + 1;
        if (end !== to && text.charCodeAt(end) !== separator) return false;
        this.starts[n] = start + 1;
        this.ends[n] = close;
        if (doubled) this.unquote(n, text.substring(start + 1, close).replaceAll('""', '"'));
        quote = end < to ? text.indexOf('"', end) : -1;
      } else {
        end = text.indexOf(delimiter, start);
        if (end === -1 || end > to) end = to;
        if (quote !== -1 && quote < end) return false;
        this.starts[n] = start;
        this.ends[n] = end;
      }
      n++;
      if (end === to) break;
      start = end + 1;
    }
    this.count = n;
    return true;
  }

  /**
   * Field i as a number when it is only digits (at most 15: exact in a double), else NaN. Record ids
   * kept as numbers cost a fraction of strings in the duplicate check.
   */
  digits(i: number): number {
    const text = this.text(i);
    const start = this.start(i);
    const end = this.end(i);
    // Leading zeros make a different id ("007" is not "7"): those stay strings.
    if (end === start || end - start > 15 || (end - start > 1 && text.charCodeAt(start) === 48)) return Number.NaN;
    let value = 0;
    for (let at = start; at < end; at++) {
      const c = text.charCodeAt(at) - 48;
      if (c < 0 || c > 9) return Number.NaN;
      value = value * 10 + c;
    }
    return value;
  }

  /**
   * Field i as a string of its own. A substring of a long text may share that text's memory (V8 keeps a
   * reference for slices of 13 characters or more); a value kept after the chunk is gone must not pin it.
   */
  ownValue(i: number): string {
    const value = this.value(i);
    return value.length < 13 ? value : `${value} `.slice(0, -1);
  }

  setFields(fields: string[]): void {
    this.fields = fields;
    this.unquotedCount = 0;
    this.count = fields.length;
  }

  text(i: number): string {
    if (this.fields) return this.fields[i] ?? '';
    return this.unquotedCount > 0 ? (this.unquoted[i] ?? this.source) : this.source;
  }

  start(i: number): number {
    if (this.fields) return 0;
    return this.unquotedCount > 0 && this.unquoted[i] !== undefined ? 0 : (this.starts[i] ?? 0);
  }

  end(i: number): number {
    if (this.fields) return this.fields[i]?.length ?? 0;
    const own = this.unquotedCount > 0 ? this.unquoted[i] : undefined;
    return own !== undefined ? own.length : (this.ends[i] ?? 0);
  }

  value(i: number): string {
    if (i >= this.count) return '';
    if (this.fields) return this.fields[i] ?? '';
    const own = this.unquotedCount > 0 ? this.unquoted[i] : undefined;
    return own ?? this.source.substring(this.starts[i]!, this.ends[i]!);
  }

  /** True for a missing, empty or all-space field. */
  isBlank(i: number): boolean {
    if (i >= this.count) return true;
    const text = this.text(i);
    for (let at = this.start(i), end = this.end(i); at < end; at++) {
      const c = text.charCodeAt(at);
      if (c !== 32 && c !== 9 && c !== 160) return false;
    }
    return true;
  }

  toArray(): string[] {
    return Array.from({ length: this.count }, (_, i) => this.value(i));
  }

  /** Gives field n its own text (its doubled quotes undone), for this line only. */
  private unquote(n: number, value: string): void {
    if (this.unquotedCount === 0) this.unquoted.fill(undefined);
    this.unquoted[n] = value;
    this.unquotedCount++;
  }

  private grow(): void {
    const starts = new Int32Array(this.starts.length * 2);
    const ends = new Int32Array(this.ends.length * 2);
    starts.set(this.starts);
    ends.set(this.ends);
    this.starts = starts;
    this.ends = ends;
  }
}
