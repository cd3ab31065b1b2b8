import { z } from 'zod';
import { csvMappingSchema } from '../../actuals/mapping';
import { empty, id, isoDateTime } from '../schemas';
import type { OpTable } from './types';

/** How many column mappings one installation keeps: a list to choose from, not an archive. */
export const SAVED_MAPPINGS_MAX = 50;

/** A column mapping the user built and named, as the core stores it (id and savedAt set by the core). */
export const savedCsvMappingSchema = z.strictObject({ id, savedAt: isoDateTime, mapping: csvMappingSchema });
export type SavedCsvMapping = z.infer<typeof savedCsvMappingSchema>;

const savedList = z.strictObject({ mappings: z.array(savedCsvMappingSchema).max(SAVED_MAPPINGS_MAX) });

/** Column mappings for CSV imports of actuals, kept by the installation (not by an agreement): any agreement can use them. */
export const csvMappingsOps = {
  /** Saved mappings, newest first. */
  'csvMappings.list': { input: empty, output: savedList },
  /** Saves a mapping; one with the same name (case and accents ignored) is replaced. Returns the list. */
  'csvMappings.save': { input: z.strictObject({ mapping: csvMappingSchema }), output: savedList },
  'csvMappings.delete': { input: z.strictObject({ id }), output: savedList },
} as const satisfies OpTable;
