import { createHash } from 'node:crypto';
import type { Agreement } from '../../../shared/model/schema';
import { canonicalAgreementJson } from '../../../shared/signing/canonical';
import { canonicalVersionOf } from '../../../shared/signing/canonicalForms';

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * SHA-256 over the canonical serialization of what a signature covers (see shared/signing/canonicalForms.ts),
 * in the given canonical version — by default the one the version's signatures were computed with.
 */
export function fingerprintOf(agreement: Agreement, canonicalVersion: number = canonicalVersionOf(agreement)): string {
  return sha256Hex(canonicalAgreementJson(agreement, canonicalVersion));
}
