import { z } from 'zod';
import { byId, importOutcomeSchema, summarySchema } from '../schemas';
import { LIMITS } from '../../model/limits';
import type { OpTable } from './types';

/** .slaw files: export and import. */
export const filesOps = {
  'slaw.export': {
    input: byId,
    output: z.strictObject({ fileName: z.string(), content: z.string() }),
  },
  /** Adds a `.slaw` file's agreement, following the identity rules of docs/FORMAT.md; `outcome` says which applied. */
  'slaw.import': {
    input: z.strictObject({ content: z.string().max(LIMITS.slawBytes) }),
    output: z.strictObject({
      summary: summarySchema,
      outcome: importOutcomeSchema,
      signaturesAdded: z.number().int().min(0),
      restoredFromTrash: z.boolean(),
    }),
  },
} as const satisfies OpTable;
