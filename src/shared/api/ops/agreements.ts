import { z } from 'zod';
import { byId, changeSchema, id, recordSchema, summarySchema } from '../schemas';
import { agreementSchema, languageSchema } from '../../model/schema';
import { LIMITS } from '../../model/limits';
import type { OpTable } from './types';

/** Agreements and their versions: list, create, save, rename, trash, amend, compare. */
export const agreementsOps = {
  'agreements.list': {
    input: z.strictObject({ query: z.string().max(200).optional(), trash: z.boolean().optional() }),
    output: z.array(summarySchema),
  },
  'agreements.get': { input: byId, output: recordSchema },
  'agreements.create': {
    input: z.strictObject({
      source: z.enum(['blank', 'example']),
      language: languageSchema,
      title: z.string().max(LIMITS.shortText).optional(),
    }),
    output: recordSchema,
  },
  'agreements.save': {
    input: z.strictObject({ id, revision: z.number().int().min(1), agreement: agreementSchema }),
    output: z.strictObject({ revision: z.number().int(), summary: summarySchema }),
  },
  'agreements.duplicate': { input: byId, output: summarySchema },
  'agreements.rename': {
    input: z.strictObject({ id, title: z.string().trim().min(1).max(LIMITS.shortText) }),
    output: summarySchema,
  },
  'agreements.trash': { input: byId, output: summarySchema },
  'agreements.restore': { input: byId, output: summarySchema },
  'agreements.purge': { input: byId, output: z.strictObject({ id }) },
  /** A new draft version that amends a signed one (or the existing open amendment of it). */
  'agreements.amend': { input: byId, output: summarySchema },
  /** What changed in an amendment since the version it amends; `base` is null for a first version. */
  'agreements.changes': {
    input: byId,
    output: z.strictObject({
      base: z.strictObject({ id, version: z.number().int(), fingerprint: z.string().nullable() }).nullable(),
      changes: z.array(changeSchema).max(5000),
    }),
  },
} as const satisfies OpTable;
