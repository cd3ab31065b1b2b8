import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import { AppError } from '../../../../shared/api/errors';
import type { SigningIdentity } from './identity';
import { KeyJobError, openPkcs12InWorker } from './keyWorker';
import { MAX_PKCS12_ITERATIONS, pkcs12CostProblem } from './pkcs12Costs';

const MAX_P12_BYTES = 1024 * 1024;

const fail = (kind: 'invalid_file' | 'invalid_input', reason: string, message: string, params: Record<string, string> = {}) =>
  new AppError(kind, message, { reason, ...params });

/** The file's keys and certificates (DER), decrypted in a worker thread; the password errors told apart. */
async function open(bytes: Uint8Array, password: string): Promise<{ keys: Uint8Array[]; certificates: Uint8Array[] }> {
  const cost = pkcs12CostProblem(bytes);
  if (cost === 'unreadable') throw fail('invalid_file', 'p12_unreadable', 'The file is not a PKCS#12 (.p12/.pfx) certificate');
  if (cost === 'too_costly')
    throw fail('invalid_file', 'p12_too_costly', `The PKCS#12 file asks for more than ${MAX_PKCS12_ITERATIONS} key-derivation iterations`);
  let contents: Awaited<ReturnType<typeof openPkcs12InWorker>>;
  try {
    contents = await openPkcs12InWorker(bytes, password);
  } catch (error) {
    if (error instanceof KeyJobError) throw fail('invalid_file', 'p12_unreadable', `The PKCS#12 file cannot be read: ${error.message.slice(0, 200)}`);
    throw error;
  }
  if ('failure' in contents) {
    if (contents.failure === 'wrong_password') throw fail('invalid_input', 'p12_wrong_password', 'The certificate password is wrong');
    throw fail('invalid_file', 'p12_unreadable', `The PKCS#12 file cannot be read: ${contents.message}`);
  }
  return contents;
}

function privateKeyOf(keys: Uint8Array[]): KeyObject {
  const der = keys[0];
  if (!der) throw fail('invalid_input', 'p12_no_key', 'The PKCS#12 file holds no private key');
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' });
  } catch {
    throw fail('invalid_file', 'p12_unreadable', 'The private key in the PKCS#12 file cannot be read');
  }
  if (key.asymmetricKeyType !== 'rsa') throw fail('invalid_input', 'unsupported_key', 'Only RSA keys can sign Word documents');
  return key;
}

function certificatesOf(ders: Uint8Array[]): X509Certificate[] {
  return ders.flatMap((der) => {
    try {
      return [new X509Certificate(Buffer.from(der))];
    } catch {
      return [];
    }
  });
}

/**
 * An organization's certificate and key from a PKCS#12 file (.p12/.pfx), checked: its key-derivation costs are
 * sane (pkcs12Costs.ts, before any work), the password opens it (in a worker thread, keyWorker.ts),
 * it holds an RSA key and the certificate of that key, and the certificate is valid now. The other
 * certificates in the file become the chain, ordered from the signer's issuer upwards where possible.
 */
export async function importPkcs12(bytes: Uint8Array, password: string, now: Date = new Date()): Promise<SigningIdentity> {
  if (bytes.byteLength === 0 || bytes.byteLength > MAX_P12_BYTES) throw fail('invalid_file', 'p12_unreadable', 'The file is not a PKCS#12 certificate');
  const contents = await open(bytes, password);
  const key = privateKeyOf(contents.keys);
  const certificates = certificatesOf(contents.certificates);
  if (certificates.length === 0) throw fail('invalid_input', 'p12_no_certificate', 'The PKCS#12 file holds no certificate');
  const own = certificates.find((certificate) => certificate.checkPrivateKey(key));
  if (!own) throw fail('invalid_input', 'p12_no_certificate', 'The PKCS#12 file holds no certificate for its key');
  if (now < new Date(own.validFrom)) throw fail('invalid_input', 'certificate_not_yet_valid', `The certificate is valid only from ${own.validFrom}`);
  if (now > new Date(own.validTo)) throw fail('invalid_input', 'certificate_expired', `The certificate expired on ${own.validTo}`);

  const rest = certificates.filter((certificate) => certificate !== own);
  const chain: X509Certificate[] = [];
  for (let current = own; ;) {
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
