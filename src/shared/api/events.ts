import { z } from 'zod';

/**
 * "This agreement changed": sent to every window after a committed write (a save, a signature, a rename, an
 * amendment, an import, a move to the trash…) so a window showing it can reload or merge at once.
 * `revision` is the stored revision after the write, or null when the agreement no longer exists.
 */
export const agreementChangedSchema = z.strictObject({
  id: z.string().min(1).max(64),
  revision: z.number().int().min(1).nullable(),
});
export type AgreementChanged = z.infer<typeof agreementChangedSchema>;

/** The core's events, by name. */
export interface CoreEventMap {
  agreementChanged: AgreementChanged;
}
