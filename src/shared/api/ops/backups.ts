import { z } from 'zod';
import { backupAgreementSchema, backupInfoSchema, backupNameSchema, empty, id, restoreOutcomeSchema, summarySchema } from '../schemas';
import type { OpTable } from './types';

/** Backups in the data folder and restoring one agreement from them. */
export const backupsOps = {
  /** The backups in the data folder, newest first. */
  'backups.list': { input: empty, output: z.array(backupInfoSchema).max(10_000) },
  /** The agreements one backup holds, and what restoring each would do. */
  'backups.agreements': { input: z.strictObject({ backup: backupNameSchema }), output: z.array(backupAgreementSchema).max(100_000) },
  /**
   * Restores one agreement from a backup, in one transaction: it replaces the current copy when that cannot
   * be read, is added as a copy (a new draft) when the current one can, and is added back when it is gone.
   */
  'backups.restoreAgreement': {
    input: z.strictObject({ backup: backupNameSchema, id }),
    output: z.strictObject({ outcome: restoreOutcomeSchema, summary: summarySchema }),
  },
} as const satisfies OpTable;
