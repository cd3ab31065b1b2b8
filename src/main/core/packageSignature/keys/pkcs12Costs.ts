import forge from 'node-forge';

/**
 * A .p12/.pfx names its own key-derivation cost: the MAC's iteration count and each PBE algorithm's. Real
 * files use 2,000–10,000 (OpenSSL 3: 2,048; Windows: 2,000); a file asking for billions would keep a CPU busy
 * for hours. These are read from the ASN.1 before anything is derived, and a file over the cap is refused.
 */
export const MAX_PKCS12_ITERATIONS = 1_000_000;

const OID = {
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  data: '1.2.840.113549.1.7.1',
};
/** PKCS#12 PBE (1.2.840.113549.1.12.1.x) and PBES1 (1.2.840.113549.1.5.x except PBES2, PBKDF2, PBMAC1): params are { salt, iterations }. */
const PBE_WITH_SALT_AND_COUNT = /^1\.2\.840\.113549\.1\.(12\.1\.\d+|5\.(1|3|4|6|10|11))$/;

/** Why a file cannot be opened without doing the work it asks for. */
export type Pkcs12CostProblem = 'unreadable' | 'too_costly';

type Asn1 = forge.asn1.Asn1;

function children(node: Asn1 | undefined): Asn1[] {
  return node && Array.isArray(node.value) ? node.value : [];
}

/** An INTEGER's value, exact even when it is too big for a number (then above any cap). */
function integerValue(node: Asn1 | undefined): bigint | null {
  if (!node || node.tagClass !== forge.asn1.Class.UNIVERSAL || node.type !== forge.asn1.Type.INTEGER || typeof node.value !== 'string') return null;
  if (node.value.length === 0) return null;
  return BigInt(`0x${forge.util.bytesToHex(node.value)}`) - ((node.value.charCodeAt(0) & 0x80) !== 0 ? 1n << BigInt(node.value.length * 8) : 0n);
}

function oidOf(node: Asn1 | undefined): string | null {
  if (!node || node.type !== forge.asn1.Type.OID || typeof node.value !== 'string') return null;
  try {
    return forge.asn1.derToOid(node.value);
  } catch {
    return null;
  }
}

function parse(bytes: string): Asn1 | null {
  try {
    return forge.asn1.fromDer(forge.util.createBuffer(bytes), { strict: false, decodeBitStrings: false } as never);
  } catch {
    return null;
  }
}

/** The bytes of an OCTET STRING, also when it is BER-constructed from pieces. */
function octets(node: Asn1 | undefined): string | null {
  if (!node || node.type !== forge.asn1.Type.OCTETSTRING) return null;
  if (typeof node.value === 'string') return node.value;
  return children(node)
    .map((piece) => (typeof piece.value === 'string' ? piece.value : ''))
    .join('');
}

/** Every iteration count the file asks for that can be read without decrypting anything. */
function iterationCounts(pfx: Asn1): bigint[] | null {
  const [, authSafe, macData] = children(pfx);
  const counts: bigint[] = [];
  if (macData) {
    const iterations = children(macData)[2];
    // Absent means 1 (DEFAULT); present but not an INTEGER is not a file we can judge.
    if (iterations) {
      const value = integerValue(iterations);
      if (value === null) return null;
      counts.push(value);
    }
  }
  // authSafe: ContentInfo { data, [0] OCTET STRING of AuthenticatedSafe }.
  if (oidOf(children(authSafe)[0]) !== OID.data) return null;
  const safe = parse(octets(children(children(authSafe)[1])[0]) ?? '');
  if (!safe) return null;
  const pending: Asn1[] = [safe];
  // Walk everything readable in clear (the authenticated safe, plain SafeContents inside it) for algorithm identifiers.
  for (let visited = 0; pending.length > 0; visited++) {
    if (visited > 10_000) return null;
    const node = pending.pop() as Asn1;
    const oid = oidOf(children(node)[0]);
    const params = children(node)[1];
    // A ContentInfo carrying data in clear ([0] OCTET STRING): walk into the bytes. (EncryptedContentInfo also
    // starts with the data OID, followed by its algorithm: that one falls through to the generic walk.)
    if (oid === OID.data && params?.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC) {
      const inner = parse(octets(children(params)[0]) ?? '');
      if (inner) pending.push(inner);
      continue;
    }
    if (oid === OID.pbes2) {
      const kdf = children(params)[0];
      if (oidOf(children(kdf)[0]) !== OID.pbkdf2) continue; // forge refuses other KDFs before any work
      const value = integerValue(children(children(kdf)[1])[1]);
      if (value === null) return null;
      counts.push(value);
      continue;
    }
    if (oid && PBE_WITH_SALT_AND_COUNT.test(oid)) {
      const value = integerValue(children(params)[1]);
      if (value === null) return null;
      counts.push(value);
      continue;
    }
    pending.push(...children(node));
  }
  return counts;
}

/**
 * Null when every cost the file states is within MAX_PKCS12_ITERATIONS; otherwise why it is refused. Costs
 * inside an encrypted part cannot be read beforehand: the worker that decrypts has a time limit for those.
 */
export function pkcs12CostProblem(bytes: Uint8Array): Pkcs12CostProblem | null {
  const pfx = parse(Buffer.from(bytes).toString('binary'));
  if (!pfx) return 'unreadable';
  const counts = iterationCounts(pfx);
  if (!counts) return 'unreadable';
  return counts.some((count) => count < 1n || count > BigInt(MAX_PKCS12_ITERATIONS)) ? 'too_costly' : null;
}
