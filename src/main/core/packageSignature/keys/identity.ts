import { certificateInfo } from '../certificate';

/** What signs a package: an RSA private key, its certificate and the rest of the chain (PEM). */
export interface SigningIdentity {
  privateKeyPem: string;
  certificatePem: string;
  chainPems: string[];
}

/** What a user is shown about an identity, without its key. */
export interface IdentitySummary {
  source: 'installation' | 'imported';
  subject: string;
  issuer: string;
  selfSigned: boolean;
  notBefore: string;
  notAfter: string;
}

export function summarize(identity: SigningIdentity, source: IdentitySummary['source']): IdentitySummary {
  const info = certificateInfo(identity.certificatePem);
  return {
    source,
    subject: info.subject,
    issuer: info.issuer,
    selfSigned: info.selfSigned,
    notBefore: info.notBefore.toISOString(),
    notAfter: info.notAfter.toISOString(),
  };
}
