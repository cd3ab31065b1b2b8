import { z } from 'zod';
import { STAGE_KEYS } from '../model/schema';
import type { JobDecisions } from './job';
import { csvMappingSchema, FIELD_ROLES } from './mapping';
import type { CsvImportOptions } from './options';
import { PRESET_IDS, type PresetId } from './presets';
import { CSV_DELIMITERS, CSV_ENCODINGS, DATE_ORDERS, MAPPED_STAGE_KEYS } from './types';

/**
 * The import's options and a job's decisions as zod schemas, for the messages that carry them to another
 * thread (the CLI's worker threads, csvPieceMessages.ts; the app's Web Worker takes the agreement's facts):
 * strict, so a message is read only when every field is one the pipeline knows, of the shape it relies on.
 */

const text = z.string().max(2000);
const zone = z.string().min(1).max(64);
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const index = z.number().int().min(0).max(1_000_000);
const positive = z.number().int().min(1);
const presetId = z.enum(PRESET_IDS as [PresetId, ...PresetId[]]);
const decimal = z.enum(['.', ',']);

/** The parts of an agreement an import needs (`factsOf`). */
export const agreementFactsSchema = z.strictObject({
  stages: z
    .array(z.strictObject({ id: z.string().min(1).max(64), key: z.enum(STAGE_KEYS), name: z.string().max(200) }))
    .min(1)
    .max(50),
  handoffStageId: z.string().max(64).nullable(),
  firstContactWindowHours: z.number().finite().min(0).nullable(),
});

export const csvImportOptionsSchema = z.strictObject({
  facts: agreementFactsSchema,
  mapping: z.union([z.literal('auto'), presetId, csvMappingSchema]).optional(),
  encoding: z.enum(['auto', ...CSV_ENCODINGS]).optional(),
  dateOrder: z.enum(['auto', ...DATE_ORDERS]).optional(),
  decimalSeparator: z.enum(['auto', '.', ',']).optional(),
  timeZone: zone.optional(),
  businessHours: z
    .strictObject({
      weekdays: z.array(z.number().int().min(1).max(7)).max(7),
      startMinute: z.number().int().min(0).max(1440),
      endMinute: z.number().int().min(0).max(1440),
    })
    .nullable()
    .optional(),
  requiredAttempts: z.number().int().min(0).max(1000).nullable().optional(),
  period: z.strictObject({ from: month, to: month }).nullable().optional(),
  asOf: z.number().finite().nullable().optional(),
  maxBadRows: z.number().int().min(0).optional(),
  maxRecordChars: positive.optional(),
  medianBudget: z.number().int().min(0).optional(),
  tuning: z.strictObject({ sniffBytes: positive.optional(), sampleRecords: positive.optional() }).optional(),
}) satisfies z.ZodType<CsvImportOptions>;

const column = z.strictObject({ index, header: text });

export const jobDecisionsSchema = z.strictObject({
  encoding: z.strictObject({ encoding: z.enum(CSV_ENCODINGS), bom: z.number().int().min(0).max(4), detected: z.boolean() }),
  dialect: z.strictObject({ delimiter: z.enum(CSV_DELIMITERS), newline: z.enum(['\n', '\r\n', '\r']) }),
  header: z.array(text).max(100_000),
  preset: presetId.nullable(),
  mapping: z.strictObject({
    name: text,
    stages: z
      .array(
        z.strictObject({
          index,
          header: text,
          stageId: z.string().min(1).max(64),
          key: z.enum([...MAPPED_STAGE_KEYS, 'custom']),
          when: z.strictObject({ index, header: text, values: z.set(text) }).nullable(),
        }),
      )
      .max(100),
    fields: z.partialRecord(z.enum(FIELD_ROLES), column),
    unusedStageColumns: z.array(z.strictObject({ header: text, stage: text })).max(1000),
    dateOrder: z.enum(DATE_ORDERS).optional(),
    decimalSeparator: decimal.optional(),
    timeZone: zone.optional(),
  }),
  conventions: z.strictObject({
    dateOrder: z.enum(DATE_ORDERS).nullable(),
    dateOrderDetected: z.boolean(),
    decimalSeparator: decimal,
    decimalDetected: z.boolean(),
  }),
  checkUtf8: z.boolean(),
}) satisfies z.ZodType<JobDecisions>;
