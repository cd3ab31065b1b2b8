import { z } from 'zod';
import { byId, id, lineageActualsSchema } from '../schemas';
import { actualsSchema } from '../../model/actuals';
import { languageSchema } from '../../model/schema';
import type { OpTable } from './types';

const reviewExportInput = z.strictObject({ id, month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/), language: languageSchema.optional() });

/** Monthly actuals of an agreement's lineage, outside the signed record. */
export const actualsOps = {
  /** The monthly actuals of the agreement `id` belongs to (any version of it, signed ones included). */
  'actuals.get': { input: byId, output: lineageActualsSchema },
  /**
   * Replaces the months of that lineage if they are still at `revision` (their own, not the agreement's);
   * allowed on signed versions: the agreement, and so its fingerprint, is never touched.
   */
  'actuals.save': {
    input: z.strictObject({ id, revision: z.number().int().min(0), months: actualsSchema }),
    output: lineageActualsSchema,
  },
  /**
   * One month's review (src/shared/actuals/review.ts) of the agreement `id` against its lineage's actuals, as a
   * one- or two-page Word document (base64), in the agreement's language unless `language` is given. Not
   * signed and not embedded: the signed SLA document is unchanged by actuals.
   */
  'actuals.exportReviewDocx': {
    input: reviewExportInput,
    output: z.strictObject({ fileName: z.string(), base64: z.string(), bytes: z.number().int().min(0) }),
  },
  /** The same month's figures as CSV text (UTF-8 BOM included; `;` and decimal comma in Spanish). */
  'actuals.exportReviewCsv': {
    input: reviewExportInput,
    output: z.strictObject({ fileName: z.string(), text: z.string() }),
  },
} as const satisfies OpTable;
