import { z } from 'zod';

const isoDateTime = z.iso.datetime({ offset: true });

/** A signing key is named by its certificate's SHA-256 thumbprint (lowercase hex). */
export const keyIdSchema = z.string().regex(/^[0-9a-f]{64}$/);

/** How many signing keys one installation keeps: a facilitator's clients, with room to spare. */
export const MAX_SIGNING_KEYS = 64;

export const keyProtectionSchema = z.enum(['safeStorage', 'passphrase']);

/** One signing key, without its private part: whose name it seals with, and whether it can sign now. */
export const signingKeySchema = z.strictObject({
  id: keyIdSchema,
  /** The organization the certificate names (O, else CN): what keys are listed and matched by. */
  organization: z.string(),
  source: z.enum(['installation', 'imported']),
  protection: keyProtectionSchema,
  subject: z.string(),
  issuer: z.string(),
  selfSigned: z.boolean(),
  notBefore: isoDateTime,
  notAfter: isoDateTime,
  createdAt: isoDateTime,
  /** Open for this session (always, with the system keychain); false for a key this host cannot open. */
  unlocked: z.boolean(),
});
export type SigningKeyDto = z.infer<typeof signingKeySchema>;

export const signingKeysSchema = z.strictObject({
  /** How keys made here are protected: the system keychain (desktop app) or one passphrase. */
  protection: keyProtectionSchema,
  /** The passphrase was given this session (always true with the keychain). */
  unlocked: z.boolean(),
  /** Some key here is protected by a passphrase already: unlocking checks it instead of choosing a new one. */
  passphraseSet: z.boolean(),
  keys: z.array(signingKeySchema).max(MAX_SIGNING_KEYS),
});
export type SigningKeysDto = z.infer<typeof signingKeysSchema>;

/** A readable name for this computer, recorded with each signature made on it ("Meeting-room laptop"). */
export const DEVICE_NAME_MAX = 80;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
export const deviceNameSchema = z
  .string()
  .max(1000)
  .transform((text) => text.normalize('NFC').trim().replace(/\s+/g, ' '))
  .pipe(
    z
      .string()
      .max(DEVICE_NAME_MAX)
      .refine((text) => !CONTROL.test(text), { message: 'control characters' }),
  );

export const installationSettingsSchema = z.strictObject({
  /** Null until someone names this computer: signatures then record a translated generic name. */
  deviceName: z.string().min(1).max(DEVICE_NAME_MAX).nullable(),
});
export type InstallationSettings = z.infer<typeof installationSettingsSchema>;
