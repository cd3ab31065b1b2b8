import { z } from 'zod';
import { byId, id, lineageActualsSchema } from '../schemas';
import { actualsSchema } from '../../model/actuals';
import type { OpTable } from './types';

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
} as const satisfies OpTable;
