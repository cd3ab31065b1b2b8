import type { z } from 'zod';

/** One domain's operations: name → zod input and zod output (assembled into the contract in ../contract.ts). */
export type OpTable = Record<string, { input: z.ZodType; output: z.ZodType }>;
