import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';

/** A small PKI for tests, made with node-forge: a CA, certificates it issues, and PKCS#12 files. */
export interface TestCertificate {
  privateKeyPem: string;
  certificatePem: string;
}

let serial = 1;
const rsa = () => generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });

export function issueCertificate(
  subject: string,
  options: { issuer?: TestCertificate; ca?: boolean; notBefore?: Date; notAfter?: Date } = {},
): TestCertificate {
  const keys = rsa();
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.publicKeyFromPem(keys.publicKey);
  certificate.serialNumber = (serial++).toString(16).padStart(4, '0');
  certificate.validity.notBefore = options.notBefore ?? new Date(Date.now() - 86_400_000);
  certificate.validity.notAfter = options.notAfter ?? new Date(Date.now() + 365 * 86_400_000);
  const name = [
    { name: 'organizationName', value: subject },
    { name: 'commonName', value: subject },
  ];
  certificate.setSubject(name);
  const issuer = options.issuer ? forge.pki.certificateFromPem(options.issuer.certificatePem) : null;
  certificate.setIssuer(issuer ? issuer.subject.attributes : name);
  certificate.setExtensions(
    options.ca
      ? [{ name: 'basicConstraints', cA: true, critical: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }]
      : [{ name: 'basicConstraints', cA: false }, { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true }],
  );
  certificate.sign(forge.pki.privateKeyFromPem(options.issuer?.privateKeyPem ?? keys.privateKey), forge.md.sha256.create());
  return { privateKeyPem: keys.privateKey, certificatePem: forge.pki.certificateToPem(certificate) };
}

/** A .p12 holding `holder`'s key and certificate, plus `extra` certificates (a chain), sealed with `password`. */
export function pkcs12(holder: TestCertificate | null, password: string, extra: string[] = [], withKey = true): Buffer {
  const certificates = [...(holder ? [holder.certificatePem] : []), ...extra].map((pem) => forge.pki.certificateFromPem(pem));
  const key = withKey && holder ? forge.pki.privateKeyFromPem(holder.privateKeyPem) : null;
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, certificates, password, { algorithm: 'aes256' });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}
