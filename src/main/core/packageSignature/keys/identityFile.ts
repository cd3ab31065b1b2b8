import { z } from 'zod';

const pem = (label: string) =>
  z
    .string()
    .max(64 * 1024)
    .refine((text) => text.includes(`-----BEGIN ${label}-----`), `not a PEM ${label}`);

const common = {
  format: z.literal('sla-workshop-signing-identity'),
  source: z.enum(['installation', 'imported']),
  protection: z.enum(['safeStorage', 'passphrase']),
  createdAt: z.iso.datetime(),
  certificatePem: pem('CERTIFICATE'),
  chainPems: z.array(pem('CERTIFICATE')).max(10),
  /** Base64 of the protector's output over the PKCS#8 PEM of the private key. */
  sealedPrivateKey: z.base64().max(64 * 1024),
};

/** The single `<data folder>/signing/identity.json` of earlier versions; migrated to a key file on first read. */
export const legacyIdentityFileSchema = z.strictObject({ ...common, version: z.literal(1) });
export type LegacyIdentityFile = z.infer<typeof legacyIdentityFileSchema>;

/**
 * `<data folder>/signing/keys/<id>.json`, one per key: the certificate in clear, the private key sealed by a
 * KeyProtector. The id is the certificate's SHA-256 thumbprint, so the same certificate is never stored twice.
 */
export const identityFileSchema = z.strictObject({
  ...common,
  version: z.literal(2),
  id: z.string().regex(/^[0-9a-f]{64}$/),
  organization: z.string().min(1).max(200),
});
export type IdentityFile = z.infer<typeof identityFileSchema>;
