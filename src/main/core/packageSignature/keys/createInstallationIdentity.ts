import { generateKeyPair, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';
import { organizationName } from './organization';

export { organizationName };
import type { SigningIdentity } from './identity';

export const CERTIFICATE_YEARS = 5;

/**
 * A new RSA-2048 key and a self-signed SHA-256 certificate for this installation, named after the
 * organization (CN and O), valid for five years, for document signing (digitalSignature, nonRepudiation).
 * node:crypto makes the key (native, off the event loop: finding two 1024-bit primes can take a good part of a
 * second); node-forge only assembles the certificate.
 */
export async function createInstallationIdentity(organization: string, now: Date = new Date()): Promise<SigningIdentity> {
  const name = organizationName(organization);
  const { privateKey, publicKey } = await promisify(generateKeyPair)('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.publicKeyFromPem(publicKey);
  // 16 random bytes, top bit cleared so the DER INTEGER stays positive (RFC 5280 §4.1.2.2).
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  certificate.serialNumber = serial.toString('hex');
  // A minute back, so a verifier whose clock is slightly behind does not see a certificate from the future.
  certificate.validity.notBefore = new Date(now.getTime() - 60_000);
  const notAfter = new Date(now.getTime());
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + CERTIFICATE_YEARS);
  certificate.validity.notAfter = notAfter;
  // UTF8String, not forge's default PrintableString, so names such as "Compañía" survive (@types has the tag type wrong).
  // DER order runs from the general to the specific (O, then CN), so the name reads "CN=…, O=…".
  const attributes = [
    { name: 'organizationName', value: name, valueTagClass: forge.asn1.Type.UTF8 },
    { name: 'commonName', value: name, valueTagClass: forge.asn1.Type.UTF8 },
  ];
  certificate.setSubject(attributes as unknown as forge.pki.CertificateField[]);
  certificate.setIssuer(attributes as unknown as forge.pki.CertificateField[]);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  certificate.sign(forge.pki.privateKeyFromPem(privateKey), forge.md.sha256.create());
  return { privateKeyPem: privateKey, certificatePem: forge.pki.certificateToPem(certificate), chainPems: [] };
}
