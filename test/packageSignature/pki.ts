import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';

/** A small PKI for tests, made with node-forge: a CA, certificates it issues, and PKCS#12 files. */
export interface TestCertificate {
  privateKeyPem: string;
  certificatePem: string;
}

let serial = 1;
const rsa = () =>
  generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });

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
      ? [
          { name: 'basicConstraints', cA: true, critical: true },
          { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
        ]
      : [
          { name: 'basicConstraints', cA: false },
          { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
        ],
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

/** An INTEGER's content octets for a non-negative value of any size (forge's integerToDer stops at 32 bits). */
function integerOctets(value: bigint): string {
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  if (parseInt(hex.slice(0, 2), 16) & 0x80) hex = `00${hex}`;
  return forge.util.hexToBytes(hex);
}

/**
 * A copy of a .p12 made by `pkcs12()` whose MAC and/or key-encryption (PBKDF2) iteration counts are rewritten:
 * a hostile file asking for absurd work, made without doing that work. Its MAC no longer verifies, which does
 * not matter to a reader that refuses the cost first.
 */
export function withIterationCounts(p12: Buffer, counts: { mac?: bigint; pbe?: bigint }): Buffer {
  const der = (node: forge.asn1.Asn1) => forge.asn1.toDer(node).getBytes();
  const parse = (bytes: string) => forge.asn1.fromDer(forge.util.createBuffer(bytes));
  const kids = (node: forge.asn1.Asn1 | undefined) => (node && Array.isArray(node.value) ? node.value : []);
  const pfx = forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary')));
  const [, authSafe, macData] = kids(pfx);
  if (counts.mac !== undefined) {
    const iterations = kids(macData)[2];
    if (!iterations) throw new Error('no MAC iterations');
    iterations.value = integerOctets(counts.mac);
  }
  if (counts.pbe !== undefined) {
    const octets = kids(kids(authSafe)[1])[0];
    if (!octets || typeof octets.value !== 'string') throw new Error('unexpected authSafe');
    const safe = parse(octets.value);
    for (const contentInfo of kids(safe)) {
      const inner = kids(kids(contentInfo)[1])[0];
      if (!inner || typeof inner.value !== 'string') continue;
      const bags = parse(inner.value);
      for (const bag of kids(bags)) {
        if (forge.asn1.derToOid(kids(bag)[0]?.value as string) !== forge.pki.oids.pkcs8ShroudedKeyBag) continue;
        const algorithm = kids(kids(kids(bag)[1])[0])[0];
        const pbkdf2Params = kids(kids(kids(algorithm)[1])[0])[1];
        const iterations = kids(pbkdf2Params)[1];
        if (!iterations) throw new Error('no PBKDF2 iterations');
        iterations.value = integerOctets(counts.pbe);
      }
      inner.value = der(bags);
    }
    octets.value = der(safe);
  }
  return Buffer.from(der(pfx), 'binary');
}
