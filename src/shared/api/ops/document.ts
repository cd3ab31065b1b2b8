import { z } from 'zod';
import { VERIFY_UPLOAD_MAX_BASE64, id, passphraseSchema } from '../schemas';
import { keyIdSchema } from '../keysAndSettings';
import { languageSchema } from '../../model/schema';
import { LIMITS } from '../../model/limits';
import { documentVerificationSchema } from '../../document/verification';
import type { OpTable } from './types';

/** The Word document: export (build → seal → record) and verify. */
export const documentOps = {
  /**
   * The Word document of an agreement (base64), in its own language unless `language` is given. A fully
   * signed agreement is also digitally signed (OOXML package signature) unless `digitalSignature` is false,
   * with the key `keyId`, else the key of `organization` (created if there is none), else the key whose
   * organization matches the agreement's company (`signing_key_required` when none does). `passphrase`
   * opens the keys where the system keychain is not available (browser mode).
   */
  'document.export': {
    input: z.strictObject({
      id,
      language: languageSchema.optional(),
      digitalSignature: z.boolean().optional(),
      keyId: keyIdSchema.optional(),
      organization: z.string().trim().min(1).max(LIMITS.shortText).optional(),
      passphrase: passphraseSchema.optional(),
    }),
    output: z.strictObject({
      fileName: z.string(),
      base64: z.string(),
      bytes: z.number().int().min(0),
      /** The certificate that signed the package (thumbprint: SHA-256 of its DER), or null when it was not digitally signed. */
      digitalSignature: z.strictObject({ subject: z.string(), selfSigned: z.boolean(), thumbprint: z.string().regex(/^[0-9a-f]{64}$/) }).nullable(),
    }),
  },
  /**
   * Checks a Word document (base64 of the .docx, at most VERIFY_UPLOAD_MAX_BYTES) against the data embedded in
   * it and its digital signature, and says whether this installation exported exactly this file or how it
   * differs from the stored version with its id (`anchor`). Unreadable files are an answer, not an error.
   */
  'document.verify': {
    input: z.strictObject({
      base64: z
        .string()
        .min(1)
        .max(VERIFY_UPLOAD_MAX_BASE64)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/),
    }),
    output: documentVerificationSchema,
  },
} as const satisfies OpTable;
