import { MonthlyAggregator, type AggregateSnapshot } from './aggregate';
import { DateReader } from './dates';
import { detectConventions, SAMPLE_RECORDS, type ValueConventions } from './detectValues';
import { detectDelimiter, detectNewline } from './dialect';
import { fieldDecoderFor, SNIFF_BYTES, sniffEncoding, Utf16ToUtf8, type EncodingGuess } from './encoding';
import { fitMapping, type ResolvedMapping } from './mapping';
import type { CsvImportOptions, CsvImportResult, CsvPreview, CsvPreviewRow, DetectedFormat } from './options';
import { detectPreset, PRESETS, type PresetId } from './presets';
import { CsvRecordReader } from './records';
import { IdSet, type IdSnapshot } from './idSet';
import { newMedianLog, type MedianBudget } from './median';
import { RecordView } from './recordView';
import { RowReader } from './rowReader';
import { defaultTimeZone, isValidTimeZone, parseMonthKey, ZoneClock } from './timeZone';
import { Tally, type TallySnapshot } from './tally';
import { CsvImportError, type BadRow, type BadRowReason } from './types';
import { Utf8Check, type Utf8Validator } from './utf8Check';

/** What the host running a job may offer it. */
export interface JobHost {
  /** A native UTF-8 check (Node's `buffer.isUtf8`); without one a fatal TextDecoder checks the bytes. */
  isUtf8?: Utf8Validator;
}

/**
 * What the start of a file settled (encoding, line ending and delimiter, header and mapping, date order and
 * decimal mark): a job reading a later piece of the same file starts from them instead of detecting again.
 */
export interface JobDecisions {
  encoding: EncodingGuess;
  dialect: Pick<DetectedFormat, 'delimiter' | 'newline'>;
  header: string[];
  preset: PresetId | null;
  mapping: ResolvedMapping;
  conventions: ValueConventions;
  /** The file was detected as UTF-8: every piece checks its bytes are. */
  checkUtf8: boolean;
}

/** What a job that read one piece of a file found, as plain data (see `CsvImportJob.absorb`). */
export interface PieceOutcome {
  tally: TallySnapshot;
  aggregate: AggregateSnapshot;
  ids: IdSnapshot;
  /** Physical lines the piece spans, and its bytes. */
  lines: number;
  bytes: number;
  /** The piece's last byte ended a record (always so when the piece ran to the end of the file). */
  endsAtRecordStart: boolean;
}

interface Ready {
  mapping: ResolvedMapping;
  rows: RowReader;
  aggregator: MonthlyAggregator;
  conventions: ValueConventions;
}

/**
 * One CSV import, driven chunk by chunk: `push(bytes)` as they arrive (from a File's stream in a Web
 * Worker, from fs.createReadStream in the CLI), then `finish()` for the result. It keeps only the first
 * 64 KB until the encoding is known, the unfinished record, the first 1,000 records until dates are
 * understood, and then the monthly figures, the bad-row list and the median state — never the file.
 * Any error is a CsvImportError; after one, or after `cancel()`, the job accepts nothing more.
 */
export class CsvImportJob {
  private head: Uint8Array[] = [];
  private headBytes = 0;
  /** True once the encoding is known and bytes go to the record reader. */
  private reading = false;
  /** UTF-16 files only: their text turned into UTF-8 bytes for the byte reader. */
  private transcoder: Utf16ToUtf8 | null = null;
  /** A file whose encoding was detected as UTF-8: its bytes are checked to be UTF-8 all the way. */
  private utf8Check: Utf8Check | null = null;
  private encoding: EncodingGuess | null = null;
  private reader: CsvRecordReader | null = null;
  private dialect: Pick<DetectedFormat, 'delimiter' | 'newline'> | null = null;
  private header: string[] | null = null;
  private preset: PresetId | null = null;
  private resolved: ResolvedMapping | null = null;
  private sample: { fields: string[]; line: number; badQuotes: boolean }[] = [];
  private ready: Ready | null = null;
  private readonly clock: ZoneClock;
  private readonly period: { from: number; to: number } | null;
  private readonly budget: MedianBudget;
  private cancelled = false;
  /** It took in the file's last piece (`absorb`): its id set lacks that piece's ids, so it reads no more. */
  private complete = false;
  private failure: unknown = null;
  private preview: CsvPreviewRow[] | null = null;
  private readonly tally: Tally;
  private readonly seenIds = new IdSet();
  private readonly handler = (record: RecordView, line: number, badQuotes: boolean) => this.onRecord(record, line, badQuotes);
  /** Bytes received so far, for a progress bar. */
  bytesRead = 0;
  private readonly sniffBytes: number;
  private readonly sampleRecords: number;

  constructor(
    private readonly options: CsvImportOptions,
    private readonly previewRows = 0,
    private readonly host: JobHost = {},
  ) {
    const mappingZone = typeof options.mapping === 'object' ? options.mapping.timeZone : undefined;
    const zone = options.timeZone ?? mappingZone ?? defaultTimeZone();
    if (!isValidTimeZone(zone)) throw new CsvImportError('invalid_time_zone', { zone });
    this.clock = new ZoneClock(zone);
    this.period = null;
    if (options.period) {
      const from = parseMonthKey(options.period.from);
      const to = parseMonthKey(options.period.to);
      if (from === null || to === null || from > to || to - from >= 600)
        throw new CsvImportError('invalid_period', { from: options.period.from, to: options.period.to });
      this.period = { from, to };
    }
    this.budget = { values: options.medianBudget ?? 2_000_000 };
    this.sniffBytes = Math.max(1, options.tuning?.sniffBytes ?? SNIFF_BYTES);
    this.sampleRecords = Math.max(1, options.tuning?.sampleRecords ?? SAMPLE_RECORDS);
    if (previewRows > 0) this.preview = [];
    this.tally = new Tally(options.maxBadRows ?? 1000);
  }

  /**
   * A job for a later piece of a file, starting at a record's first byte, that goes on from what the job
   * that read the file's start settled (`decisions()`) instead of detecting anything again. Its medians log
   * their order (median.ts), so `absorb` can merge it as if one job had read on.
   */
  static continuing(options: CsvImportOptions, decisions: JobDecisions, host: JobHost = {}): CsvImportJob {
    const job = new CsvImportJob(options, 0, host);
    const { encoding, dialect, header, preset, mapping, conventions } = decisions;
    if (encoding.encoding === 'utf-16le') throw new Error('a UTF-16 file is read in one piece');
    job.encoding = encoding;
    job.dialect = dialect;
    job.header = header;
    job.preset = preset;
    job.resolved = mapping;
    job.reader = new CsvRecordReader(
      dialect.delimiter,
      dialect.newline,
      fieldDecoderFor(encoding.encoding),
      encoding.encoding === 'utf-8',
      options.maxRecordChars,
    );
    if (decisions.checkUtf8) job.utf8Check = new Utf8Check(host.isUtf8);
    job.reading = true;
    job.budget.log = newMedianLog();
    job.makeReady(conventions);
    return job;
  }

  /** True once the header, mapping and the sample's conventions are settled. */
  get isReady(): boolean {
    return this.ready !== null;
  }

  /** What a job for a later piece starts from; null until `isReady`, and for UTF-16 files (read in one piece). */
  decisions(): JobDecisions | null {
    if (!this.ready || !this.encoding || this.encoding.encoding === 'utf-16le') return null;
    const { mapping, conventions } = this.ready;
    return {
      encoding: this.encoding,
      dialect: { delimiter: this.dialect!.delimiter, newline: this.dialect!.newline },
      header: this.header!,
      preset: this.preset,
      mapping,
      conventions,
      checkUtf8: this.utf8Check !== null,
    };
  }

  /** True when the bytes pushed so far end exactly after a record: the next byte starts one. */
  get atRecordStart(): boolean {
    return this.reading && this.reader !== null && this.reader.atRecordStart;
  }

  /** The bad rows listed so far. */
  get badRows(): readonly BadRow[] {
    return this.tally.badRows;
  }

  /**
   * Ends a piece's input and says what it found. `toEndOfFile`: the piece ran to the file's end (its last
   * record may lack a line break); otherwise it ended at a cut that should be a record's end.
   */
  finishPiece(toEndOfFile: boolean): PieceOutcome {
    return this.guard(() => {
      if (this.utf8Check && !this.utf8Check.end()) throw new CsvImportError('encoding_mismatch', { encoding: 'windows-1252' });
      const endsAtRecordStart = toEndOfFile || this.reader!.atRecordStart;
      if (toEndOfFile) this.reader!.end(this.handler);
      return {
        tally: this.tally.snapshot(),
        aggregate: this.ready!.aggregator.snapshot(),
        ids: this.seenIds.snapshot(),
        lines: this.reader!.nextLine - 1,
        bytes: this.bytesRead,
        endsAtRecordStart,
      };
    });
  }

  /**
   * Takes in the piece of the file that starts where this job's bytes end, read by another job
   * (`continuing`), exactly as if this job had read it: false, and nothing changed, when that cannot be
   * done exactly — this job is not at a record's start, the piece lists a record id this job has seen
   * (its duplicate would go unnoticed), or it turned a median into a histogram (median.ts). The caller then
   * pushes the piece's bytes here instead. `lastPiece`: the piece ran to the file's end, so its record ids
   * are not kept, and the job then refuses more bytes.
   */
  absorb(piece: PieceOutcome, lastPiece = false): boolean {
    return this.guard(() => {
      if (this.complete || !this.ready || !this.atRecordStart || !piece.endsAtRecordStart) return false;
      if (piece.aggregate.medianLog.conversions > 0 || this.seenIds.intersects(piece.ids)) return false;
      this.tally.absorb(piece.tally, this.reader!.nextLine - 1);
      this.reader!.skipLines(piece.lines);
      this.bytesRead += piece.bytes;
      this.ready.aggregator.absorb(piece.aggregate);
      // After the file's last piece no record can repeat its ids: they are not worth copying (½ M ids ≈ 30 ms).
      if (lastPiece) this.complete = true;
      else this.seenIds.absorb(piece.ids);
      return true;
    });
  }

  /** The physical line the next record starts on (1 = the header). */
  get nextLine(): number {
    return this.reader?.nextLine ?? 1;
  }

  /** Records read so far (the header excluded). */
  get recordsRead(): number {
    return this.tally.counts.records;
  }

  cancel(): void {
    this.cancelled = true;
  }

  /**
   * `checkSize` false: the chunk ends where a sequential read of the file would not end a read (a cut
   * between two pieces, see parallelImport.ts), so the too-large-record check waits, as it would have.
   */
  push(chunk: Uint8Array, checkSize = true): void {
    this.guard(() => {
      if (this.complete) throw new Error('the file ended with the last piece this job took in');
      // A plain Uint8Array over the same memory (Node hands a Buffer): every reader then sees one kind of array.
      const bytes = chunk.constructor === Uint8Array ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length);
      this.bytesRead += bytes.length;
      if (!this.reading) {
        this.head.push(bytes);
        this.headBytes += bytes.length;
        if (this.headBytes >= this.sniffBytes) this.startReading(false);
        return;
      }
      this.feed(bytes, false, checkSize);
    });
  }

  /** Ends the input. `truncated`: the bytes were only the start of the file (a preview); its last, unfinished record is dropped. */
  finish(truncated = false): CsvImportResult {
    return this.guard(() => {
      if (!this.reading) this.startReading(!truncated);
      if (!truncated) {
        if (this.transcoder) this.feed(new Uint8Array(0), true);
        if (this.utf8Check && !this.utf8Check.end()) throw new CsvImportError('encoding_mismatch', { encoding: 'windows-1252' });
        this.reader?.end((record, line, badQuotes) => this.onRecord(record, line, badQuotes));
      }
      if (!this.header) throw new CsvImportError(this.bytesRead === 0 ? 'empty_file' : 'no_header');
      if (!this.ready) this.becomeReady();
      return this.result();
    });
  }

  /** Ends the input and gives the first rows with the mapping applied (a job made with `previewRows`). */
  previewResult(isWholeFile: boolean): CsvPreview {
    const result = this.finish(!isWholeFile);
    return { detected: result.detected, columns: result.columns, header: this.header ?? [], rows: this.preview ?? [] };
  }

  private guard<T>(work: () => T): T {
    if (this.cancelled) throw new CsvImportError('cancelled');
    if (this.failure !== null) throw this.failure;
    try {
      return work();
    } catch (error) {
      this.failure = error;
      throw error;
    }
  }

  private startReading(isWholeFile: boolean): void {
    const head = concat(this.head, this.headBytes);
    this.head = [];
    const sniff = this.sniffBytes;
    const guess = sniffEncoding(head.subarray(0, sniff), isWholeFile && head.length <= sniff, this.options.encoding ?? 'auto');
    this.encoding = guess;
    // The delimiter and line ending come from exactly the first 64 KB, however the bytes were chunked.
    const sniffText = new TextDecoder(guess.encoding).decode(head.subarray(0, sniff), { stream: head.length > sniff || !isWholeFile });
    const newline = detectNewline(sniffText);
    const delimiter = detectDelimiter(sniffText, newline, isWholeFile && head.length <= sniff) ?? ',';
    this.dialect = { delimiter, newline };
    // The byte reader reads UTF-8 or Windows-1252; UTF-16 text is turned into UTF-8 first.
    const utf16 = guess.encoding === 'utf-16le';
    this.transcoder = utf16 ? new Utf16ToUtf8() : null;
    const readAs = guess.encoding === 'utf-16le' ? 'utf-8' : guess.encoding;
    this.reader = new CsvRecordReader(delimiter, newline, fieldDecoderFor(readAs), readAs === 'utf-8', this.options.maxRecordChars);
    if (guess.detected && guess.encoding === 'utf-8') this.utf8Check = new Utf8Check(this.host.isUtf8);
    this.reading = true;
    // A byte-order mark is not text (a UTF-16 one is dropped by the transcoder's decoder).
    this.feed(utf16 ? head : head.subarray(guess.bom));
  }

  private feed(bytes: Uint8Array, last = false, checkSize = true): void {
    if (this.utf8Check && !this.utf8Check.push(bytes)) throw new CsvImportError('encoding_mismatch', { encoding: 'windows-1252' });
    const input = this.transcoder ? this.transcoder.push(bytes, last) : bytes;
    if (input.length > 0) this.reader!.push(input, this.handler, checkSize);
  }

  private onRecord(record: RecordView, line: number, badQuotes: boolean): void {
    if (!this.header) {
      this.header = record.toArray();
      this.resolveMapping(this.header);
      return;
    }
    if (record.count === 1 && record.isBlank(0)) {
      this.tally.counts.blank++;
      return;
    }
    this.tally.counts.records++;
    if (this.ready) this.process(record, line, badQuotes);
    else {
      this.sample.push({ fields: record.toArray(), line, badQuotes });
      if (this.sample.length >= this.sampleRecords) this.becomeReady();
    }
  }

  private resolveMapping(header: string[]): void {
    const choice = this.options.mapping ?? 'auto';
    const facts = this.options.facts;
    if (choice === 'auto') {
      const found = detectPreset(header, facts);
      if (!found) throw new CsvImportError('no_mapping_fits', { columns: header.slice(0, 8).join(', ') });
      this.preset = found.preset;
      this.resolved = found.resolved;
      return;
    }
    const mapping = typeof choice === 'string' ? PRESETS[choice] : choice;
    const fit = fitMapping(mapping, header, facts);
    if (!fit.fits) throw new CsvImportError('mapping_columns_missing', { mapping: mapping.name, missing: fit.missing.join(', ') });
    this.preset = typeof choice === 'string' ? choice : null;
    this.resolved = fit.resolved;
  }

  private becomeReady(): void {
    const mapping = this.resolved!;
    const pick = <T>(value: T | 'auto' | undefined, fallback: T | undefined): T | null =>
      value !== undefined && value !== 'auto' ? value : (fallback ?? null);
    const conventions = detectConventions(
      this.sample.map((s) => s.fields),
      mapping,
      this.dialect!.delimiter,
      { dateOrder: pick(this.options.dateOrder, mapping.dateOrder), decimalSeparator: pick(this.options.decimalSeparator, mapping.decimalSeparator) },
    );
    this.makeReady(conventions);
    const sample = this.sample;
    this.sample = [];
    const view = new RecordView(() => '');
    for (const s of sample) {
      view.setFields(s.fields);
      this.process(view, s.line, s.badQuotes);
    }
  }

  private makeReady(conventions: ValueConventions): void {
    const mapping = this.resolved!;
    const dates = new DateReader(conventions.dateOrder, this.clock);
    const facts = this.options.facts;
    const speed = {
      windowHours: facts.firstContactWindowHours,
      calendar: this.options.businessHours ?? null,
      requiredAttempts: this.options.requiredAttempts ?? null,
      asOf: this.options.asOf ?? null,
    };
    this.ready = {
      mapping,
      conventions,
      rows: new RowReader(mapping, this.header!.length, dates, conventions.decimalSeparator),
      aggregator: new MonthlyAggregator(mapping, facts, this.clock, speed, this.period, this.budget),
    };
  }

  private process(record: RecordView, line: number, badQuotes: boolean): void {
    const { rows, aggregator } = this.ready!;
    let problem = rows.read(record, badQuotes);
    const { recordNumber, recordText } = rows.values;
    if (!problem && (recordText !== null || !Number.isNaN(recordNumber))) {
      const isNew = recordText !== null ? this.seenIds.addText(recordText) : this.seenIds.addNumber(recordNumber);
      if (!isNew)
        problem = {
          reason: 'duplicate_record',
          column: this.ready!.mapping.fields.recordId?.header,
          value: (recordText ?? String(recordNumber)).slice(0, 60),
          monthIndex: null,
        };
    }
    if (this.preview && this.preview.length < this.previewRows) this.preview.push(this.previewRow(record, line, problem?.reason ?? null));
    if (problem) {
      this.tally.reject(problem, line);
      aggregator.addRejected(problem.monthIndex);
      return;
    }
    this.tally.counts.counted++;
    aggregator.add(rows.values);
  }

  private previewRow(record: RecordView, line: number, problem: BadRowReason | null): CsvPreviewRow {
    const { mapping, rows } = this.ready!;
    const stages: Record<string, string> = {};
    const readDates: Record<string, string> = {};
    mapping.stages.forEach((s, i) => {
      stages[s.stageId] = record.value(s.index);
      const local = rows.values.stageLocal[i]!;
      if (!problem && !Number.isNaN(local)) readDates[s.stageId] = new Date(local).toISOString().slice(0, rows.values.stageHasTime[i] ? 16 : 10);
    });
    const roles: CsvPreviewRow['fields'] = {};
    for (const [role, column] of Object.entries(mapping.fields)) roles[role as keyof typeof roles] = record.value(column.index);
    return { line, stages, fields: roles, readDates, problem };
  }

  private result(): CsvImportResult {
    const { mapping, conventions, aggregator } = this.ready!;
    const handoff = aggregator.handoffStage;
    const fields: CsvImportResult['columns']['fields'] = {};
    for (const [role, column] of Object.entries(mapping.fields)) fields[role as keyof typeof fields] = column.header;
    return {
      rule: 'replace-covered-months',
      months: aggregator.result(),
      detected: {
        encoding: this.encoding!.encoding,
        encodingDetected: this.encoding!.detected,
        bom: this.encoding!.bom > 0,
        ...this.dialect!,
        ...conventions,
        timeZone: this.clock.zone,
        mapping: { name: mapping.name, preset: this.preset },
      },
      columns: { stages: mapping.stages.map((s) => ({ stageId: s.stageId, header: s.header })), fields, unusedStageColumns: mapping.unusedStageColumns },
      speedToLead:
        handoff && mapping.fields.firstContact
          ? {
              fromStageId: handoff.stageId,
              fromColumn: handoff.header,
              windowHours: this.options.facts.firstContactWindowHours,
              clock: this.options.businessHours ? 'business' : 'calendar',
            }
          : null,
      rows: { ...this.tally.counts },
      badRows: [...this.tally.badRows],
      badRowsTotal: this.tally.badRowsTotal,
      badRowsByReason: { ...this.tally.badRowsByReason },
      bytes: this.bytesRead,
    };
  }
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
