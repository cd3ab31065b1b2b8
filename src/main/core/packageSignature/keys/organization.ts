import { X509Certificate } from 'node:crypto';
import { AppError } from '../../../../shared/api/errors';
import { normalizeText } from '../../../../shared/signing/canonical';

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
  const attributes = x509.subject
    .split('\n')
    .flatMap((line) => line.split(/(?<!\\)\+/))
    .map((part) => {
      const at = part.indexOf('=');
      return { type: part.slice(0, at).trim().toUpperCase(), value: unescapeValue(part.slice(at + 1).trim()) };
    });
  const pick = (type: string) =>
    attributes
      .filter((a) => a.type === type)
      .pop()
      ?.value.trim();
  return (pick('O') || pick('CN') || x509.subject.replace(/\n/g, ', ')).slice(0, 200);
}

/** The certificate's SHA-256 thumbprint in lowercase hex: a key's id. */
export function thumbprintOf(certificatePem: string): string {
  return new X509Certificate(certificatePem).fingerprint256.replace(/:/g, '').toLowerCase();
}

/**
 * An organization name fit for a certificate: trimmed, 1–64 characters (X.520's upper bound), no controls,
 * valid Unicode (a lone UTF-16 surrogate cannot be encoded as UTF-8: it becomes U+FFFD, as in fingerprints).
 */
export function organizationName(input: string): string {
  const name = normalizeText(input).trim().replace(/\s+/g, ' ');
  const control = [...name].some((c) => (c.codePointAt(0) ?? 0) < 0x20 || c === '\u007F');
  if (name.length < 1 || name.length > 64 || control) {
    throw new AppError('invalid_input', 'The organization name must have 1 to 64 characters', { reason: 'bad_organization' });
  }
  return name;
}
