import { createHash } from 'node:crypto';
import type { Agreement } from '../../../shared/model/schema';
import { canonicalAgreementJson } from '../../../shared/signing/canonical';

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** SHA-256 over the canonical serialization of what a signature covers (see shared/signing/canonical.ts). */
export function fingerprintOf(agreement: Agreement): string {
  return sha256Hex(canonicalAgreementJson(agreement));
}
