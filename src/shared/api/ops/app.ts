import { z } from 'zod';
import { empty, hostSchema, startupReportSchema } from '../schemas';
import type { OpTable } from './types';

/** The app itself: what it is and what its start found. */
export const appOps = {
  'app.info': {
    input: empty,
    output: z.strictObject({ appVersion: z.string(), schemaVersion: z.number().int(), dataDir: z.string(), host: hostSchema }),
  },
  'app.startupReport': { input: empty, output: startupReportSchema },
} as const satisfies OpTable;
