import { z } from 'zod';
import type { AggregateSnapshot } from '../../shared/actuals/aggregate';
import type { JobDecisions, PieceOutcome } from '../../shared/actuals/job';
import type { CsvImportOptions } from '../../shared/actuals/options';
import { csvImportOptionsSchema, jobDecisionsSchema } from '../../shared/actuals/optionsSchema';
import { BAD_ROW_REASONS, CSV_ERROR_CODES } from '../../shared/actuals/types';

/**
 * The messages between the CLI's parallel import (csvParallel.ts) and its worker threads
 * (csvImportWorker.ts). Both ends are this program, in one process; still, each end checks every message
 * before using it: the worker the options and decisions in full (optionsSchema.ts), the main thread the
 * outcome's shapes (typed arrays where it indexes, numbers where it adds).
 */

const count = z.number().int().min(0);
const float64 = z.custom<Float64Array>((v) => v instanceof Float64Array, 'a Float64Array');

/** What the main thread sends (its own objects); the worker reads it back through pieceRequestSchema. */
export interface PieceRequest {
  kind: 'piece';
  file: string;
  start: number;
  end: number;
  chunkBytes: number;
  options: CsvImportOptions;
  decisions: JobDecisions;
}

export const pieceRequestSchema = z.strictObject({
  kind: z.literal('piece'),
  file: z.string().min(1),
  start: count,
  end: count,
  chunkBytes: z.number().int().min(1),
  options: csvImportOptionsSchema,
  decisions: jobDecisionsSchema,
}) satisfies z.ZodType<PieceRequest>;

/** Count the `"` bytes of [start, end) of the file (parallelImport.ts planCuts), before the piece is known. */
export const countRequestSchema = z.strictObject({ kind: z.literal('count'), file: z.string().min(1), start: count, end: count });
export type CountRequest = z.infer<typeof countRequestSchema>;

export const workerRequestSchema = z.discriminatedUnion('kind', [pieceRequestSchema, countRequestSchema]);

const bucketSchema = z.strictObject({
  index: z.number().int(),
  stageCounts: float64,
  counts: z.record(z.string(), count),
  revenue: z.array(z.number()),
  sqlValue: z.array(z.number()),
  firstContactHours: float64,
  mqlToSqlHours: float64,
});

const outcomeSchema = z.strictObject({
  tally: z.strictObject({
    counts: z.strictObject({ records: count, counted: count, rejected: count, blank: count }),
    badRows: z.array(z.strictObject({ line: count, reason: z.enum(BAD_ROW_REASONS), column: z.string().optional(), value: z.string().optional() })),
    badRowsTotal: count,
    badRowsByReason: z.partialRecord(z.enum(BAD_ROW_REASONS), count),
  }),
  aggregate: z.strictObject({
    buckets: z.array(bucketSchema),
    medianLog: z.strictObject({ ids: z.custom<Int32Array>((v) => v instanceof Int32Array, 'an Int32Array'), length: count, conversions: count }),
  }),
  ids: z.strictObject({ numbers: float64, texts: z.array(z.string()) }),
  lines: count,
  bytes: count,
  endsAtRecordStart: z.boolean(),
});

export const pieceReplySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('done'), outcome: outcomeSchema }),
  z.strictObject({ kind: z.literal('counted'), quotes: count }),
  z.strictObject({
    kind: z.literal('failed'),
    csv: z.strictObject({ code: z.enum(CSV_ERROR_CODES), params: z.record(z.string(), z.union([z.string(), z.number()])) }).optional(),
    io: z.strictObject({ code: z.string().max(64) }).optional(),
    message: z.string().max(2000),
  }),
]);
export type PieceReply = z.infer<typeof pieceReplySchema>;

/** The typed arrays of an outcome, moved (not copied) to the main thread. */
export function transferables(outcome: PieceOutcome): ArrayBuffer[] {
  const aggregate: AggregateSnapshot = outcome.aggregate;
  const buffers = new Set<ArrayBuffer>([aggregate.medianLog.ids.buffer as ArrayBuffer, outcome.ids.numbers.buffer as ArrayBuffer]);
  for (const b of aggregate.buckets)
    for (const array of [b.stageCounts, b.firstContactHours, b.mqlToSqlHours]) if (array.byteLength > 0) buffers.add(array.buffer as ArrayBuffer);
  return [...buffers];
}
