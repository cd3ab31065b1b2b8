import type { ImportedMonth } from './aggregate';
import type { CsvMapping, FieldRole } from './mapping';
import type { Newline } from './dialect';
import type { PresetId } from './presets';
import type { Agreement } from '../model/schema';
import type { AgreementFacts, BadRow, BadRowReason, BusinessCalendar, CsvDelimiter, CsvEncoding, DateOrder, DecimalSeparator } from './types';

export interface CsvImportOptions {
  /** The agreement's stages, handoff stage and first-contact window (`factsOf(agreement)`). */
  facts: AgreementFacts;
  /** A preset, a saved mapping, or `auto` (the preset that fits the header best). Default `auto`. */
  mapping?: 'auto' | PresetId | CsvMapping;
  encoding?: CsvEncoding | 'auto';
  dateOrder?: DateOrder | 'auto';
  decimalSeparator?: DecimalSeparator | 'auto';
  /** IANA zone of dates written without an offset, and of month boundaries. Default: the mapping's, else the user's. */
  timeZone?: string;
  /** Measure speed to lead in these working hours instead of calendar hours. */
  businessHours?: BusinessCalendar | null;
  /** The protocol's number of contact attempts, for the attempts commitment. */
  requiredAttempts?: number | null;
  /** Take only these months (YYYY-MM, inclusive) from the file; every month of the period is then covered. */
  period?: { from: string; to: string } | null;
  /** When the export was taken (ms since epoch): leads handed off less than the window before it are not missed yet. */
  asOf?: number | null;
  /** Bad rows listed in full (default 1,000); all are counted. */
  maxBadRows?: number;
  /** The longest unfinished record kept, in bytes (default 1,000,000): an unclosed quote stops the import there. */
  maxRecordChars?: number;
  /** Exact values kept for medians before histograms take over (see median.ts). */
  medianBudget?: number;
  /**
   * How much of the file detection reads: the first `sniffBytes` (default 64 KB) decide encoding, delimiter
   * and line ending; the first `sampleRecords` (default 1,000) date order and decimal mark. Tests make them
   * small so that small files go through the streaming paths that follow.
   */
  tuning?: { sniffBytes?: number; sampleRecords?: number };
}

/** The parts of an agreement an import needs. */
export function factsOf(agreement: Pick<Agreement, 'lifecycle' | 'handoff' | 'protocol'>): AgreementFacts {
  return {
    stages: agreement.lifecycle.stages.map(({ id, key, name }) => ({ id, key, name })),
    handoffStageId: agreement.handoff.stageId,
    firstContactWindowHours: agreement.protocol.firstContactBusinessHours,
  };
}

export interface DetectedFormat {
  encoding: CsvEncoding;
  encodingDetected: boolean;
  bom: boolean;
  delimiter: CsvDelimiter;
  newline: Newline;
  dateOrder: DateOrder | null;
  dateOrderDetected: boolean;
  decimalSeparator: DecimalSeparator;
  decimalDetected: boolean;
  timeZone: string;
  /** The mapping used, and the preset it came from (null for a saved mapping). */
  mapping: { name: string; preset: PresetId | null };
}

export interface ColumnUse {
  stages: { stageId: string; header: string }[];
  fields: Partial<Record<FieldRole, string>>;
  /** Stage columns of the file for stages the agreement does not have: read but not counted. */
  unusedStageColumns: { header: string; stage: string }[];
}

/**
 * What an import produced. **Double-count rule** (`rule`): an import replaces, for exactly the months in
 * `months`, the figures it has a column for; figures it has no column for are null and leave what is
 * stored. Importing the same file twice gives the same months; two exports whose months overlap: the
 * later import wins for the months it covers. See docs/FORMAT.md, "CSV import".
 */
export interface CsvImportResult {
  rule: 'replace-covered-months';
  months: ImportedMonth[];
  detected: DetectedFormat;
  columns: ColumnUse;
  /** Where speed to lead is measured from, against which window, counted how; null when the file cannot say. */
  speedToLead: { fromStageId: string; fromColumn: string; windowHours: number | null; clock: 'calendar' | 'business' } | null;
  rows: { records: number; counted: number; rejected: number; blank: number };
  badRows: BadRow[];
  badRowsTotal: number;
  badRowsByReason: Partial<Record<BadRowReason, number>>;
  bytes: number;
}

export interface CsvPreviewRow {
  line: number;
  /** Raw text per mapped column (stage ids and field roles), and the problem that would reject the row. */
  stages: Record<string, string>;
  fields: Partial<Record<FieldRole, string>>;
  /** Stage dates as read (ISO wall-clock time in the import's zone), per stage id. */
  readDates: Record<string, string>;
  problem: BadRowReason | null;
}

export interface CsvPreview {
  detected: DetectedFormat;
  columns: ColumnUse;
  header: string[];
  rows: CsvPreviewRow[];
}
