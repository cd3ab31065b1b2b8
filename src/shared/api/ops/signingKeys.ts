import { z } from 'zod';
import { empty, id, passphraseSchema } from '../schemas';
import { keyIdSchema, signingKeySchema, signingKeysSchema } from '../keysAndSettings';
import { LIMITS } from '../../model/limits';
import type { OpTable } from './types';

/** The signing keys that seal exported documents, one per client organization. */
export const signingKeysOps = {
  /** The signing keys of this installation, by organization, and whether they are open for this session. */
  'signingKeys.list': { input: empty, output: signingKeysSchema },
  /** Gives the passphrase for this session (checked against the keys it protects; chosen here when there are none). */
  'signingKeys.unlock': { input: z.strictObject({ passphrase: passphraseSchema }), output: signingKeysSchema },
  /** A new self-signed key in an organization's name (or that organization's existing installation key). */
  'signingKeys.create': {
    input: z.strictObject({ organization: z.string().trim().min(1).max(LIMITS.shortText), passphrase: passphraseSchema.optional() }),
    output: signingKeySchema,
  },
  /** Adds an organization certificate (.p12/.pfx, base64) opened with its password. */
  'signingKeys.importP12': {
    input: z.strictObject({ base64: z.string().min(1).max(10_000_000), password: z.string().max(1000), passphrase: passphraseSchema.optional() }),
    output: signingKeySchema,
  },
  /** Removes a key from this installation (kept aside in the data folder, never used again). */
  'signingKeys.remove': { input: z.strictObject({ id: keyIdSchema }), output: signingKeysSchema },
  /** The key an export of this agreement would be sealed with by default: the one whose organization matches its company. */
  'signingKeys.select': {
    input: z.strictObject({ agreementId: id }),
    output: z.strictObject({ keyId: keyIdSchema.nullable(), company: z.string() }),
  },
} as const satisfies OpTable;
