import { z } from 'zod';
import { csvMappingSchema, FIELD_ROLES } from '../../../../shared/actuals/mapping';
import { agreementFactsSchema } from '../../../../shared/actuals/optionsSchema';
import type { CsvImportOptions, CsvImportResult, CsvPreview } from '../../../../shared/actuals/options';
import type { PresetId } from '../../../../shared/actuals/presets';
import { BAD_ROW_REASONS, CSV_DELIMITERS, CSV_ENCODINGS, CSV_ERROR_CODES, DATE_ORDERS } from '../../../../shared/actuals/types';
import { HEAD_BYTES } from './fileHead';

/**
 * The messages between the import panel and its Web Worker (csvWorker.ts), checked with zod on both sides: the
 * worker trusts nothing the page posts, and the page trusts nothing the worker answers. The File itself travels
 * by structured clone (no copy of its bytes); the worker streams it. Two jobs: `preview` (the file's first bytes
 * read with the chosen options, answered once, tagged with the page's request number) and `start` (the whole
 * import, with progress, until `done`, `failed` or a `cancel`).
 */

const count = z.number().int().min(0);
const nullableNumber = z.number().finite().nullable();
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const text = z.string().max(2000);
const presetId = z.enum(['hubspot', 'salesforce'] as const satisfies readonly PresetId[]);

/** The options the panel chose; everything else (tuning, budgets) keeps the pipeline's defaults. */
export const workerOptionsSchema = z.strictObject({
  facts: agreementFactsSchema,
  mapping: z.union([z.literal('auto'), presetId, csvMappingSchema]),
  encoding: z.enum(['auto', ...CSV_ENCODINGS]),
  dateOrder: z.enum(['auto', ...DATE_ORDERS]),
  decimalSeparator: z.enum(['auto', '.', ',']),
  timeZone: z.string().min(1).max(64),
  requiredAttempts: z.number().int().min(0).max(1000).nullable(),
});
export type WorkerOptions = z.infer<typeof workerOptionsSchema>;

const isBlob = (value: unknown): value is Blob => typeof Blob !== 'undefined' && value instanceof Blob;

const requestId = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const toWorkerSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('start'), file: z.custom<Blob>(isBlob, 'a File'), options: workerOptionsSchema }),
  z.strictObject({ type: z.literal('preview'), id: requestId, file: z.custom<Blob>(isBlob, 'a File'), options: workerOptionsSchema }),
  z.strictObject({ type: z.literal('cancel') }),
]);
export type ToWorker = z.infer<typeof toWorkerSchema>;

const importedMonthSchema = z.strictObject({
  month,
  stages: z.array(z.strictObject({ stageId: z.string().max(64), count: count.nullable() })),
  revenue: nullableNumber,
  medianHoursToFirstContact: nullableNumber,
  pctContactedWithinSla: nullableNumber,
  contacts: count.nullable(),
  mqlsThatBecameSql: count.nullable(),
  sqlValue: nullableNumber,
  medianHoursMqlToSql: nullableNumber,
  pctWithRequiredAttempts: nullableNumber,
  speedToLead: z.strictObject({ handedOff: count, measured: count, withinSla: count, pending: count, withoutTime: count }),
  rejectedRows: count,
  mediansExact: z.boolean(),
});

const badRowSchema = z.strictObject({ line: count, reason: z.enum(BAD_ROW_REASONS), column: text.optional(), value: text.optional() });

const detectedSchema = z.strictObject({
  encoding: z.enum(CSV_ENCODINGS),
  encodingDetected: z.boolean(),
  bom: z.boolean(),
  delimiter: z.enum(CSV_DELIMITERS),
  newline: z.enum(['\n', '\r\n', '\r']),
  dateOrder: z.enum(DATE_ORDERS).nullable(),
  dateOrderDetected: z.boolean(),
  decimalSeparator: z.enum(['.', ',']),
  decimalDetected: z.boolean(),
  timeZone: z.string().max(64),
  mapping: z.strictObject({ name: text, preset: presetId.nullable() }),
});

const columnsSchema = z.strictObject({
  stages: z.array(z.strictObject({ stageId: z.string().max(64), header: text })),
  fields: z.partialRecord(z.enum(FIELD_ROLES), text),
  unusedStageColumns: z.array(z.strictObject({ header: text, stage: text })),
});

export const importResultSchema = z.strictObject({
  rule: z.literal('replace-covered-months'),
  months: z.array(importedMonthSchema).max(1200),
  detected: detectedSchema,
  columns: columnsSchema,
  speedToLead: z
    .strictObject({
      fromStageId: z.string().max(64),
      fromColumn: text,
      windowHours: nullableNumber,
      clock: z.enum(['calendar', 'business']),
    })
    .nullable(),
  rows: z.strictObject({ records: count, counted: count, rejected: count, blank: count }),
  badRows: z.array(badRowSchema).max(10_000),
  badRowsTotal: count,
  badRowsByReason: z.partialRecord(z.enum(BAD_ROW_REASONS), count),
  bytes: count,
});

/** A preview cell or header is the file's own text: at most as many characters as the head has bytes. */
const cell = z.string().max(HEAD_BYTES);
const stageIdKey = z.string().max(64);

export const previewSchema = z.strictObject({
  detected: detectedSchema,
  columns: columnsSchema,
  header: z.array(cell).max(HEAD_BYTES),
  rows: z
    .array(
      z.strictObject({
        line: count,
        stages: z.record(stageIdKey, cell),
        fields: z.partialRecord(z.enum(FIELD_ROLES), cell),
        readDates: z.record(stageIdKey, z.string().max(64)),
        problem: z.enum(BAD_ROW_REASONS).nullable(),
      }),
    )
    .max(100),
});

const errorParams = z.record(z.string().max(64), z.union([text, z.number()]));

/** What the preview found besides the rows: the header offered to the mapping builder, and whether the head was the whole file. */
const headFacts = { id: requestId, header: z.array(cell).max(HEAD_BYTES), isWholeFile: z.boolean() };

export const fromWorkerSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('preview'), ...headFacts, preview: previewSchema }),
  /** The head read, but the options do not fit it (no mapping fits, ambiguous dates…): said as an import error. */
  z.strictObject({ type: z.literal('previewFailed'), ...headFacts, code: z.enum(CSV_ERROR_CODES), params: errorParams }),
  z.strictObject({ type: z.literal('progress'), bytesRead: count, totalBytes: count.nullable(), records: count }),
  z.strictObject({ type: z.literal('done'), result: importResultSchema }),
  z.strictObject({
    type: z.literal('failed'),
    code: z.enum(CSV_ERROR_CODES),
    params: errorParams,
  }),
  /** Something that is not an import error (a bug, a file that cannot be read): shown as such, nothing written. */
  z.strictObject({ type: z.literal('crashed'), message: text, id: requestId.optional() }),
]);
export type FromWorker = z.infer<typeof fromWorkerSchema>;

/** The pipeline's options from what crossed the boundary. */
export function pipelineOptions(options: WorkerOptions): CsvImportOptions {
  return {
    facts: options.facts,
    mapping: options.mapping,
    encoding: options.encoding,
    dateOrder: options.dateOrder,
    decimalSeparator: options.decimalSeparator,
    timeZone: options.timeZone,
    requiredAttempts: options.requiredAttempts,
  };
}

/** A result already checked by `fromWorkerSchema`, typed as the pipeline's (the schema mirrors it: assignable). */
export function asImportResult(checked: z.infer<typeof importResultSchema>): CsvImportResult {
  return checked;
}

/** A preview already checked by `fromWorkerSchema`, typed as the pipeline's. */
export function asPreview(checked: z.infer<typeof previewSchema>): CsvPreview {
  return checked;
}

/** At most one progress message per interval: posting every chunk would flood the page with renders. */
export function progressThrottle(intervalMs: number, now: () => number = () => Date.now()) {
  let last = Number.NEGATIVE_INFINITY;
  return (): boolean => {
    const at = now();
    if (at - last < intervalMs) return false;
    last = at;
    return true;
  };
}

/** How often the worker reports progress: five updates a second read as smooth, and leave the page idle in between. */
export const PROGRESS_INTERVAL_MS = 200;
