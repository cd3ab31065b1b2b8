import type { Stage } from '../model/schema';

/** Text encodings a CRM export arrives in. `windows-1252` also covers Latin-1 (the WHATWG Encoding Standard maps one to the other). */
export const CSV_ENCODINGS = ['utf-8', 'windows-1252', 'utf-16le'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** How day and month are ordered in dates like 03/04/2025. ISO dates (2025-04-03) never need it. */
export const DATE_ORDERS = ['dmy', 'mdy'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

export type DecimalSeparator = '.' | ',';

/** The stage keys a mapping may name; `custom` stages are named by their name or id instead. */
export const MAPPED_STAGE_KEYS = ['lead', 'mql', 'sql', 'opportunity', 'customer'] as const;
export type MappedStageKey = (typeof MAPPED_STAGE_KEYS)[number];

/**
 * Why a row was left out. A rejected row counts nowhere (no stage, no revenue, no speed to lead): half a
 * record would skew the month more than its absence.
 */
export const BAD_ROW_REASONS = [
  'bad_date',
  'ambiguous_date',
  'negative_amount',
  'bad_amount',
  'bad_number',
  'dates_out_of_order',
  'column_count',
  'bad_quotes',
  'duplicate_record',
] as const;
export type BadRowReason = (typeof BAD_ROW_REASONS)[number];

export interface BadRow {
  /** Physical line (1 = the header) where the record starts, counting newlines inside quoted fields. */
  line: number;
  reason: BadRowReason;
  /** The header of the offending column, when one column is to blame. */
  column?: string;
  /** The offending value, cut to 60 characters. */
  value?: string;
}

/** Errors that stop an import before anything could be written. `params` feed the translation. */
export const CSV_ERROR_CODES = [
  'empty_file',
  'no_header',
  'no_mapping_fits',
  'mapping_columns_missing',
  'invalid_mapping',
  'ambiguous_dates',
  'inconsistent_dates',
  'encoding_mismatch',
  'record_too_large',
  'invalid_time_zone',
  'invalid_period',
  'cancelled',
] as const;
export type CsvErrorCode = (typeof CSV_ERROR_CODES)[number];

export class CsvImportError extends Error {
  readonly code: CsvErrorCode;
  readonly params: Record<string, string | number>;
  constructor(code: CsvErrorCode, params: Record<string, string | number> = {}, message?: string) {
    super(message ?? `${code} ${JSON.stringify(params)}`);
    this.name = 'CsvImportError';
    this.code = code;
    this.params = params;
  }
}

/**
 * Working hours used to measure speed to lead in business hours: the days of the week (1 = Monday … 7 =
 * Sunday) and the local start and end of the working day, in minutes after midnight.
 */
export interface BusinessCalendar {
  weekdays: readonly number[];
  startMinute: number;
  endMinute: number;
}

/** The parts of an agreement an import needs (see `importOptionsFor`). */
export interface AgreementFacts {
  stages: readonly Pick<Stage, 'id' | 'key' | 'name'>[];
  /** The stage at which marketing hands a lead to sales; speed to lead is measured from it (MQL when null). */
  handoffStageId: string | null;
  /** The protocol's first-contact window, in hours (business hours when a calendar is given). */
  firstContactWindowHours: number | null;
}
