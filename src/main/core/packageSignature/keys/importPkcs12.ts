import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { AppError } from '../../../../shared/api/errors';
import type { SigningIdentity } from './identity';

const MAX_P12_BYTES = 1024 * 1024;
/** PKCS#12 bag types (RFC 7292 §4.2). */
const BAG = { key: '1.2.840.113549.1.12.10.1.1', shroudedKey: '1.2.840.113549.1.12.10.1.2', certificate: '1.2.840.113549.1.12.10.1.3' };

const fail = (kind: 'invalid_file' | 'invalid_input', reason: string, message: string, params: Record<string, string> = {}) =>
  new AppError(kind, message, { reason, ...params });

function derOf(asn1: forge.asn1.Asn1): Buffer {
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

function readDer(bytes: Uint8Array): forge.asn1.Asn1 {
  try {
    return forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(bytes).toString('binary')), { strict: false } as never);
  } catch {
    throw fail('invalid_file', 'p12_unreadable', 'The file is not a PKCS#12 (.p12/.pfx) certificate');
  }
}

function parse(bytes: Uint8Array, password: string): forge.pkcs12.Pkcs12Pfx {
  try {
    return forge.pkcs12.pkcs12FromAsn1(readDer(bytes), false, password);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const message = error instanceof Error ? error.message : '';
    // PBES2 (OpenSSL 3, Windows 10+) derives its key from the password's UTF-8 bytes, while the MAC uses its
    // BMPString; forge feeds one string to both, so a non-ASCII password passes the MAC (checked first) and
    // fails decryption. Decrypt again with the UTF-8 form, the MAC (already verified) left out.
    if (/[^\u0020-\u007E]/.test(password) && /decrypt/i.test(message)) {
      const withoutMac = readDer(bytes);
      if (Array.isArray(withoutMac.value)) withoutMac.value.splice(2);
      try {
        return forge.pkcs12.pkcs12FromAsn1(withoutMac, false, forge.util.encodeUtf8(password));
      } catch {
        // fall through to the first error
      }
    }
    if (/password|MAC could not be verified|decrypt/i.test(message)) throw fail('invalid_input', 'p12_wrong_password', 'The certificate password is wrong');
    throw fail('invalid_file', 'p12_unreadable', `The PKCS#12 file cannot be read: ${message.slice(0, 200)}`);
  }
}

function privateKeyOf(p12: forge.pkcs12.Pkcs12Pfx): KeyObject {
  const bags = [
    ...(p12.getBags({ bagType: BAG.shroudedKey })[BAG.shroudedKey] ?? []),
    ...(p12.getBags({ bagType: BAG.key })[BAG.key] ?? []),
  ];
  const bag = bags[0];
  if (!bag) throw fail('invalid_input', 'p12_no_key', 'The PKCS#12 file holds no private key');
  // forge reads RSA keys only; any other key arrives as its ASN.1, which node:crypto reads for the error below.
  const der = bag.key ? derOf(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key))) : bag.asn1 ? derOf(bag.asn1) : null;
  if (!der) throw fail('invalid_input', 'p12_no_key', 'The PKCS#12 file holds no private key');
  const key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'rsa') throw fail('invalid_input', 'unsupported_key', 'Only RSA keys can sign Word documents');
  return key;
}

function certificatesOf(p12: forge.pkcs12.Pkcs12Pfx): X509Certificate[] {
  const bags = p12.getBags({ bagType: BAG.certificate })[BAG.certificate] ?? [];
  return bags.flatMap((bag) => {
    const asn1 = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1;
    return asn1 ? [new X509Certificate(derOf(asn1))] : [];
  });
}

/**
 * An organization's certificate and key from a PKCS#12 file (.p12/.pfx), checked: the password opens it,
 * it holds an RSA key and the certificate of that key, and the certificate is valid now. The other
 * certificates in the file become the chain, ordered from the signer's issuer upwards where possible.
 */
export function importPkcs12(bytes: Uint8Array, password: string, now: Date = new Date()): SigningIdentity {
  if (bytes.byteLength === 0 || bytes.byteLength > MAX_P12_BYTES) throw fail('invalid_file', 'p12_unreadable', 'The file is not a PKCS#12 certificate');
  const p12 = parse(bytes, password);
  const key = privateKeyOf(p12);
  const certificates = certificatesOf(p12);
  if (certificates.length === 0) throw fail('invalid_input', 'p12_no_certificate', 'The PKCS#12 file holds no certificate');
  const own = certificates.find((certificate) => certificate.checkPrivateKey(key));
  if (!own) throw fail('invalid_input', 'p12_no_certificate', 'The PKCS#12 file holds no certificate for its key');
  if (now < new Date(own.validFrom)) throw fail('invalid_input', 'certificate_not_yet_valid', `The certificate is valid only from ${own.validFrom}`);
  if (now > new Date(own.validTo)) throw fail('invalid_input', 'certificate_expired', `The certificate expired on ${own.validTo}`);

  const rest = certificates.filter((certificate) => certificate !== own);
  const chain: X509Certificate[] = [];
  for (let current = own; ; ) {
    const issuer = rest.find((candidate) => !chain.includes(candidate) && candidate !== current && current.checkIssued(candidate));
    if (!issuer) break;
    chain.push(issuer);
    current = issuer;
  }
  chain.push(...rest.filter((certificate) => !chain.includes(certificate)));
  return {
    privateKeyPem: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
    certificatePem: own.toString(),
    chainPems: chain.map((certificate) => certificate.toString()),
  };
}
