/** Turns the bytes [from, to) of the file into text, in the file's encoding. */
export type FieldDecoder = (bytes: Uint8Array, from: number, to: number) => string;

const EMPTY = new Uint8Array(0);

/**
 * One CSV record without copying it: offsets of its fields inside the raw bytes being read (a line
 * without quotes, or with well-formed quoted fields), or the fields papaparse produced as text (any other
 * record with quotes). A million rows × a dozen columns would otherwise be a dozen million short strings
 * for the garbage collector; readers take `bytes`, `start(i)` and `end(i)` and read digits and dates in
 * place, and ask for `value(i)` — decoded in the file's encoding — only for the few values they keep.
 * Fields that have their own text (`own(i)`: papaparse's, or a quoted field whose doubled quotes were
 * undone) are read from that text instead. The view is reused for the next record: copy with `toArray()`.
 */
export class RecordView {
  bytes: Uint8Array = EMPTY;
  private fields: string[] | null = null;
  /** Where field i starts and ends in `bytes` (the reader writes them in place; `grow()` when full). */
  starts = new Int32Array(32);
  ends = new Int32Array(32);
  /**
   * Fields whose text is not a slice of `bytes` (quoted with doubled quotes): their own strings, by index,
   * made on first use (null until then: most such fields are columns nobody reads).
   */
  private unquoted: (string | null | undefined)[] = [];
  /** How many of `unquoted` belong to the current record (0 on almost every record: no lookup then). */
  private unquotedCount = 0;
  count = 0;
  /** Set by the reader: whether the bytes are UTF-8 (else a single-byte encoding: Windows-1252). */
  utf8 = true;

  constructor(private readonly decode: FieldDecoder) {}

  /** Starts a record over `bytes`; fields are then added in order with `addField`. */
  begin(bytes: Uint8Array): void {
    this.bytes = bytes;
    this.fields = null;
    if (this.unquotedCount > 0) this.unquoted.fill(undefined);
    this.unquotedCount = 0;
    this.count = 0;
  }

  addField(start: number, end: number): void {
    const n = this.count;
    if (n === this.starts.length) this.grow();
    this.starts[n] = start;
    this.ends[n] = end;
    this.count = n + 1;
  }

  /** Adds a quoted field whose doubled quotes must be undone: it gets its own text. */
  addUnquotedField(start: number, end: number): void {
    const n = this.count;
    this.addField(start, end);
    this.unquoted[n] = null;
    this.unquotedCount++;
  }

  setFields(fields: string[]): void {
    this.fields = fields;
    this.unquotedCount = 0;
    this.unquoted.fill(undefined);
    this.count = fields.length;
  }

  /** Field i's own text, when it is not read from `bytes`; undefined otherwise. */
  own(i: number): string | undefined {
    if (this.fields) return this.fields[i] ?? '';
    if (this.unquotedCount === 0) return undefined;
    const own = this.unquoted[i];
    if (own !== null) return own;
    const text = this.decode(this.bytes, this.starts[i]!, this.ends[i]!).replaceAll('""', '"');
    this.unquoted[i] = text;
    return text;
  }

  start(i: number): number {
    return this.starts[i] ?? 0;
  }

  end(i: number): number {
    return this.ends[i] ?? 0;
  }

  /** Field i as text (decoded in the file's encoding); '' past the last field. */
  value(i: number): string {
    if (i >= this.count) return '';
    const own = this.own(i);
    return own ?? this.decode(this.bytes, this.starts[i]!, this.ends[i]!);
  }

  /** Field i as a string of its own (decoded text never shares the chunk's memory). */
  ownValue(i: number): string {
    return this.value(i);
  }

  /** Whether field i's bytes hold a byte outside ASCII (a character the byte readers leave to the text readers). */
  hasHighByte(i: number): boolean {
    if (i >= this.count || this.own(i) !== undefined) return false;
    const bytes = this.bytes;
    for (let at = this.starts[i]!, end = this.ends[i]!; at < end; at++) if (bytes[at]! >= 0x80) return true;
    return false;
  }

  /**
   * Field i as a number when it is only digits (at most 15: exact in a double), else NaN. Record ids
   * kept as numbers cost a fraction of strings in the duplicate check.
   */
  digits(i: number): number {
    if (i >= this.count) return Number.NaN;
    const own = this.own(i);
    if (own !== undefined) return digitsOfText(own);
    const bytes = this.bytes;
    const start = this.starts[i]!;
    const end = this.ends[i]!;
    // Leading zeros make a different id ("007" is not "7"): those stay strings.
    if (end === start || end - start > 15 || (end - start > 1 && bytes[start] === 48)) return Number.NaN;
    let value = 0;
    for (let at = start; at < end; at++) {
      const c = bytes[at]! - 48;
      if (c < 0 || c > 9) return Number.NaN;
      value = value * 10 + c;
    }
    return value;
  }

  /**
   * Field i as an amount when it is plain digits with at most one decimal mark (`decimal`, 46 or 44)
   * between digits and at most 15 digits in all — what CRMs write — else NaN (the caller then reads the
   * text with every rule). The digits divided by a power of ten is the correctly rounded value, as Number
   * would read the same text.
   */
  plainAmount(i: number, decimal: number): number {
    if (i >= this.count || this.own(i) !== undefined) return Number.NaN;
    const bytes = this.bytes;
    const start = this.starts[i]!;
    const end = this.ends[i]!;
    let value = 0;
    let digits = 0;
    let point = -1;
    for (let at = start; at < end; at++) {
      const c = bytes[at]!;
      if (c >= 48 && c <= 57) {
        value = value * 10 + (c - 48);
        digits++;
      } else if (c === decimal && point < 0 && at > start && at < end - 1) point = at;
      else return Number.NaN;
    }
    if (digits === 0 || digits > 15) return Number.NaN;
    return point < 0 ? value : value / POWERS_OF_TEN[end - point - 1]!;
  }

  /** True for a missing, empty or all-space field (space, tab, no-break space). */
  isBlank(i: number): boolean {
    if (i >= this.count) return true;
    const own = this.own(i);
    if (own !== undefined) {
      for (let at = 0; at < own.length; at++) {
        const c = own.charCodeAt(at);
        if (c !== 32 && c !== 9 && c !== 160) return false;
      }
      return true;
    }
    const bytes = this.bytes;
    for (let at = this.starts[i]!, end = this.ends[i]!; at < end; at++) {
      const c = bytes[at]!;
      if (c === 32 || c === 9) continue;
      // No-break space: C2 A0 in UTF-8, A0 in Windows-1252.
      if (this.utf8 ? c === 0xc2 && bytes[at + 1] === 0xa0 && at + 1 < end : c === 0xa0) {
        if (this.utf8) at++;
        continue;
      }
      return false;
    }
    return true;
  }

  toArray(): string[] {
    return Array.from({ length: this.count }, (_, i) => this.value(i));
  }

  grow(): void {
    const starts = new Int32Array(this.starts.length * 2);
    const ends = new Int32Array(this.ends.length * 2);
    starts.set(this.starts);
    ends.set(this.ends);
    this.starts = starts;
    this.ends = ends;
  }
}

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, i) => 10 ** i);

function digitsOfText(text: string): number {
  const length = text.length;
  if (length === 0 || length > 15 || (length > 1 && text.charCodeAt(0) === 48)) return Number.NaN;
  let value = 0;
  for (let at = 0; at < length; at++) {
    const c = text.charCodeAt(at) - 48;
    if (c < 0 || c > 9) return Number.NaN;
    value = value * 10 + c;
  }
  return value;
}
