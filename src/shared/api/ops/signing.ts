import { z } from 'zod';
import { fingerprintSchema, id, jobTitleSchema, pngDataUrl, recordSchema } from '../schemas';
import { LIMITS } from '../../model/limits';
import type { OpTable } from './types';

/** Drawn signatures: what is about to be signed, and signing it. */
export const signingOps = {
  /** Records one signer's drawn signature; the first one freezes the version (read-only from then on). */
  'signing.sign': {
    input: z.strictObject({
      id,
      revision: z.number().int().min(1),
      participantId: id,
      name: z.string().trim().min(1).max(LIMITS.shortText),
      jobTitle: jobTitleSchema,
      image: pngDataUrl,
      /** The signer ticked the consent sentence. */
      consent: z.literal(true),
      /** The fingerprint the dialog showed: the host refuses when the content to sign has another one. */
      fingerprint: fingerprintSchema,
      /** The signer confirmed that their participant's job title changes to `jobTitle` (only before the first signature). */
      updateJobTitle: z.boolean().optional(),
    }),
    output: z.strictObject({ record: recordSchema, fingerprint: fingerprintSchema }),
  },
  /**
   * What a signature would cover now: the stored revision and its fingerprint, with the signer's new job title
   * applied when one is given and nobody has signed yet; `started` says the content is frozen.
   */
  'signing.preview': {
    input: z.strictObject({ id, participantId: id.optional(), jobTitle: jobTitleSchema.optional() }),
    output: z.strictObject({
      revision: z.number().int().min(1),
      version: z.number().int(),
      fingerprint: fingerprintSchema,
      started: z.boolean(),
      /** The device name a signature made now records. */
      device: z.string(),
    }),
  },
} as const satisfies OpTable;
