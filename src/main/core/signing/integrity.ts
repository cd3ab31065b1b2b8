import { AppError } from '../../../shared/api/errors';
import type { Agreement } from '../../../shared/model/schema';
import { canonicalVersionOf } from '../../../shared/signing/canonicalForms';
import { fingerprintOf } from './fingerprint';
import { decodePngDataUrl } from './png';

/** How a version fails to be what its signatures say (see signatureProblem). */
export type SignatureProblem =
  /** Marked signed or superseded with no signature, or a draft carrying signatures. */
  | 'status'
  /** A signature carries another fingerprint: the content was edited after signing. */
  | 'content_changed'
  /** A signature by someone who is not a required signer of this content. */
  | 'not_signer'
  /** Two signatures for the same participant. */
  | 'signed_twice'
  /** Signatures computed with different canonical forms: one version has one fingerprint, one form. */
  | 'mixed_canonical';

/**
 * THE check that a version is still what was signed: the status agrees with the signatures, and every
 * signature is by a distinct required signer and carries the fingerprint of the content as it is now, in the
 * canonical form the version was signed in (a migrated version is hashed as it was when signed).
 * Every path that reads a signed agreement from outside (import, validate, export) or acts on a stored one
 * (signing, the Word document) runs it; null when the version is intact.
 */
export function signatureProblem(agreement: Agreement): SignatureProblem | null {
  const { signatures, meta } = agreement;
  if (signatures.length === 0 ? meta.status !== 'draft' : meta.status === 'draft') return 'status';
  if (signatures.length === 0) return null;
  // Every signature of one version covers the same content in the same canonical form (its first signer's).
  const canonicalVersion = canonicalVersionOf(agreement);
  if (signatures.some((s) => s.canonicalVersion !== canonicalVersion)) return 'mixed_canonical';
  const fingerprint = fingerprintOf(agreement, canonicalVersion);
  const signers = new Set(agreement.participants.filter((p) => p.mustSign).map((p) => p.id));
  const seen = new Set<string>();
  for (const s of signatures) {
    if (s.fingerprint !== fingerprint) return 'content_changed';
    if (!signers.has(s.participantId)) return 'not_signer';
    if (seen.has(s.participantId)) return 'signed_twice';
    seen.add(s.participantId);
  }
  return null;
}

/** The first signature whose drawn image is not a whole, bounded PNG (see png.ts), or null. */
export function badSignatureImage(agreement: Agreement): Agreement['signatures'][number] | null {
  for (const signature of agreement.signatures) {
    try {
      decodePngDataUrl(signature.image);
    } catch {
      return signature;
    }
  }
  return null;
}

const named = (agreement: Agreement) => ({ title: agreement.meta.title, version: agreement.meta.version, count: agreement.signatures.length });

/**
 * An agreement read from a file (import, `validate`, `export`): refused as `invalid_file` when it was edited
 * after signing or when a drawn signature is not a real PNG image. Nothing is stored or written before this.
 */
export function assertFileSignaturesIntact(agreement: Agreement): void {
  const problem = signatureProblem(agreement);
  if (problem)
    throw new AppError('invalid_file', `The content no longer matches its signatures (${problem})`, { reason: 'signature_mismatch', ...named(agreement) });
  const image = badSignatureImage(agreement);
  if (image) throw new AppError('invalid_file', 'A signature image is not a usable PNG', { reason: 'signature_image_unreadable', name: image.name });
}

/**
 * A stored version about to be signed or exported. Only a copy made by an older version of the app (which
 * gave re-imported signed files a new id, so a new fingerprint) can fail; it is refused, never certified.
 */
export function assertStoredSignaturesIntact(agreement: Agreement): void {
  const problem = signatureProblem(agreement);
  if (problem)
    throw new AppError('read_only', `The stored version no longer matches its signatures (${problem})`, {
      reason: 'stored_signature_mismatch',
      ...named(agreement),
    });
}
