import { z } from 'zod';

const pem = (label: string) => z.string().max(64 * 1024).refine((text) => text.includes(`-----BEGIN ${label}-----`), `not a PEM ${label}`);

/** `<data folder>/signing/identity.json`: the certificate in clear, the private key sealed by a KeyProtector. */
export const identityFileSchema = z.strictObject({
  format: z.literal('sla-workshop-signing-identity'),
  version: z.literal(1),
  source: z.enum(['installation', 'imported']),
  protection: z.enum(['safeStorage', 'passphrase']),
  createdAt: z.iso.datetime(),
  certificatePem: pem('CERTIFICATE'),
  chainPems: z.array(pem('CERTIFICATE')).max(10),
  /** Base64 of the protector's output over the PKCS#8 PEM of the private key. */
  sealedPrivateKey: z.base64().max(64 * 1024),
});
export type IdentityFile = z.infer<typeof identityFileSchema>;
