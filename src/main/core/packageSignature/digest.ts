import { createHash } from 'node:crypto';
import type { Element } from '@xmldom/xmldom';
import { DIGESTS, NS } from './constants';
import { onlyChild } from './xml';

/** A Reference's DigestMethod and DigestValue, or null when the method is one we do not accept. */
export function referenceDigest(reference: Element): { algorithm: (typeof DIGESTS)[string]; expected: Buffer } | null {
  const method = onlyChild(reference, NS.dsig, 'DigestMethod')?.getAttribute('Algorithm') ?? '';
  const algorithm = DIGESTS[method];
  const value = onlyChild(reference, NS.dsig, 'DigestValue');
  if (!algorithm || !value) return null;
  return { algorithm, expected: Buffer.from((value.textContent ?? '').replace(/\s+/g, ''), 'base64') };
}

export function digestMatches(algorithm: string, data: string | Uint8Array, expected: Buffer): boolean {
  const actual = createHash(algorithm).update(data).digest();
  return expected.length === actual.length && actual.equals(expected);
}
