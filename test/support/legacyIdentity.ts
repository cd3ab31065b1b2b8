import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInstallationIdentity, type KeyProtector, type SigningIdentity } from '../../src/main/core/packageSignature';

/** The one `signing/identity.json` earlier versions of the app wrote (format version 1), as they wrote it. */
export async function writeLegacyIdentity(
  dataDir: string,
  organization: string,
  protector: KeyProtector,
  createdAt = new Date('2026-01-05T10:00:00Z'),
): Promise<SigningIdentity> {
  const identity = await createInstallationIdentity(organization, createdAt);
  const sealed = await protector.encrypt(Buffer.from(identity.privateKeyPem, 'utf8'));
  mkdirSync(join(dataDir, 'signing'), { recursive: true, mode: 0o700 });
  const record = {
    format: 'sla-workshop-signing-identity',
    version: 1,
    source: 'installation',
    protection: protector.kind,
    createdAt: createdAt.toISOString(),
    certificatePem: identity.certificatePem,
    chainPems: identity.chainPems,
    sealedPrivateKey: sealed.toString('base64'),
  };
  writeFileSync(join(dataDir, 'signing', 'identity.json'), `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 });
  return identity;
}
