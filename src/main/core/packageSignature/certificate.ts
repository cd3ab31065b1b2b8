import { X509Certificate, createHash } from 'node:crypto';

export interface CertificateInfo {
  der: Buffer;
  /** RFC 4514 order (most specific first), e.g. `CN=Acme, O=Acme`. */
  subject: string;
  issuer: string;
  /** The serial number in decimal, as XAdES IssuerSerial writes it. */
  serialDecimal: string;
  selfSigned: boolean;
  notBefore: Date;
  notAfter: Date;
  x509: X509Certificate;
}

/**
 * Node prints names one attribute per line in DER order (C, O, CN), RFC 2253-escaped; XML signatures and
 * people read them the other way round, comma-separated.
 */
function rfc4514(multiline: string): string {
  return multiline
    .split('\n')
    .filter((line) => line.trim() !== '')
    .reverse()
    .join(', ');
}

export function certificateInfo(certificate: string | Buffer): CertificateInfo {
  const x509 = new X509Certificate(certificate);
  return {
    der: x509.raw,
    subject: rfc4514(x509.subject),
    issuer: rfc4514(x509.issuer),
    serialDecimal: BigInt(`0x${x509.serialNumber}`).toString(10),
    // Not checkIssued(): OpenSSL also wants keyCertSign there, which a signing-only certificate lacks.
    selfSigned: x509.subject === x509.issuer && x509.verify(x509.publicKey),
    notBefore: new Date(x509.validFrom),
    notAfter: new Date(x509.validTo),
    x509,
  };
}

export function certificateDigest(der: Buffer, algorithm: 'sha1' | 'sha256' | 'sha384' | 'sha512' = 'sha256'): string {
  return createHash(algorithm).update(der).digest('base64');
}

/** PEM text → the base64 of its DER, as X509Certificate elements carry it. */
export function pemBody(pem: string): string {
  return new X509Certificate(pem).raw.toString('base64');
}

/** SHA-256 of a certificate's DER, lowercase hex: the thumbprint `verify` prints and the embedded record keeps. */
export function certificateThumbprint(certificatePem: string): string {
  return createHash('sha256').update(new X509Certificate(certificatePem).raw).digest('hex');
}
