import { X509Certificate } from 'node:crypto';

export { organizationKey } from '../../../../shared/signing/organization';

/** Undoes RFC 2253 escapes (`\,` and `\C3\B1`) in one attribute value as Node prints it. */
function unescapeValue(value: string): string {
  const chars = Array.from(value);
  const bytes: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    const hex = (chars[i + 1] ?? '') + (chars[i + 2] ?? '');
    if (c === '\\' && /^[0-9a-fA-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (c === '\\' && i + 1 < chars.length) {
      bytes.push(...Buffer.from(chars[++i] ?? '', 'utf8'));
    } else {
      bytes.push(...Buffer.from(c, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The organization a certificate names: its O attribute, else its CN, else the whole subject. */
export function organizationOfCertificate(certificatePem: string): string {
  const x509 = new X509Certificate(certificatePem);
  // Node prints one attribute per line (a multi-valued one joined with '+'), in DER order.
  const attributes = x509.subject.split('\n').flatMap((line) => line.split(/(?<!\\)\+/)).map((part) => {
    const at = part.indexOf('=');
    return { type: part.slice(0, at).trim().toUpperCase(), value: unescapeValue(part.slice(at + 1).trim()) };
  });
  const pick = (type: string) => attributes.filter((a) => a.type === type).pop()?.value.trim();
  return (pick('O') || pick('CN') || x509.subject.replace(/\n/g, ', ')).slice(0, 200);
}

/** The certificate's SHA-256 thumbprint in lowercase hex: a key's id. */
export function thumbprintOf(certificatePem: string): string {
  return new X509Certificate(certificatePem).fingerprint256.replace(/:/g, '').toLowerCase();
}
