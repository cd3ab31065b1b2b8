import { z } from 'zod';
import type { TranslationKey } from '../i18n';

/**
 * What `verify` reports about a Word document, shared by the core (which produces it), the contract (the
 * `document.verify` operation), the CLI and the app (which word it through the `verify.*` messages).
 */

/** The largest document the app's "Verify a document" sends to the core (ours are well under 2 MB). */
export const VERIFY_UPLOAD_MAX_BYTES = 20 * 1024 * 1024;

const text = z.string().max(1000);
const partName = z.string().max(300);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

/** One difference between a document and what it says it is; `name` is a signer's name, `part` a zip entry. */
export const verifyProblemSchema = z.discriminatedUnion('kind', [
  /** The embedded agreement no longer hashes to the recorded fingerprint. */
  z.strictObject({ kind: z.literal('data_changed') }),
  /** The recorded fingerprint was changed (`record`), or a signature carries another one (`signature`). */
  z.strictObject({ kind: z.literal('fingerprint_mismatch'), where: z.enum(['record', 'signature']), name: text.optional() }),
  /** Nobody has signed. */
  z.strictObject({ kind: z.literal('not_signed') }),
  /** A participant who must sign has no signature. */
  z.strictObject({ kind: z.literal('signature_missing'), name: text }),
  /** A signature from someone the agreement does not name as a signer. */
  z.strictObject({ kind: z.literal('signature_unknown'), name: text }),
  z.strictObject({ kind: z.literal('signature_image_missing'), name: text }),
  z.strictObject({ kind: z.literal('signature_image_changed'), name: text }),
  /** A part is not the one exported, or is gone (`_rels/.rels`: the package relationships changed). */
  z.strictObject({ kind: z.literal('document_modified'), part: partName }),
  /** Rules v2: a part the export did not contain (nothing the export wrote refers to it). */
  z.strictObject({ kind: z.literal('part_added'), part: partName }),
  /** Rules v2: a part is declared as another kind of content than it was exported as. */
  z.strictObject({ kind: z.literal('content_type_changed'), part: partName }),
  /** Rules v2: the export was sealed, and the document carries no digital signature any more. */
  z.strictObject({ kind: z.literal('seal_missing') }),
  /** Rules v2: the export was not sealed, yet the document carries a digital signature (added afterwards). */
  z.strictObject({ kind: z.literal('seal_unexpected'), found: z.string().max(64) }),
  /** Rules v2: the document is sealed by a certificate other than the one the export recorded. */
  z.strictObject({ kind: z.literal('seal_certificate_changed'), expected: hex64, found: z.string().max(64) }),
  /** The document's digital signature does not verify (its own problems are listed in `seal`). */
  z.strictObject({ kind: z.literal('seal_invalid') }),
]);
export type VerifyProblem = z.infer<typeof verifyProblemSchema>;

export const UNREADABLE_REASONS = ['too_large', 'not_zip', 'not_docx', 'no_embedded_data', 'bad_embedded_data'] as const;
export const unreadableReasonSchema = z.enum(UNREADABLE_REASONS);
export type UnreadableReason = z.infer<typeof unreadableReasonSchema>;

/** The package's OOXML digital signature, as far as a reader needs it (docs/SIGNING.md). */
export const sealSummarySchema = z.strictObject({
  status: z.enum(['none', 'valid', 'invalid']),
  subject: text,
  issuer: text,
  selfSigned: z.boolean(),
  /** SHA-256 of the signing certificate, lowercase hex ('' when none can be read). */
  thumbprint: z.string().max(64),
  signingTime: text.nullable(),
  /** How many references were checked (valid signatures). */
  references: z.number().int().min(0),
  problems: z.array(z.strictObject({ code: z.string().max(64), detail: text.optional() })).max(200),
});
export type SealSummary = z.infer<typeof sealSummarySchema>;

/**
 * The trust anchor outside the file: what this installation's database says about the document. `exported`:
 * it exported exactly these bytes. Otherwise, what the stored agreement with the document's id says.
 */
export const exportAnchorSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('exported'),
    exportedAt: text,
    agreementId: text,
    version: z.number().int(),
    /** The certificate that sealed it, as recorded at export; null when it was not sealed. */
    thumbprint: hex64.nullable(),
  }),
  z.strictObject({
    kind: z.literal('not_exported'),
    /** The stored agreement with the document's id, compared with what the document carries; null when none. */
    stored: z
      .strictObject({
        id: text,
        title: text,
        version: z.number().int(),
        /** The stored version's fingerprint equals the document's. */
        fingerprintEqual: z.boolean(),
        /** The same people signed, at the same times, with the same drawn signatures. */
        signaturesEqual: z.boolean(),
        /** Other exports this installation recorded of that version (exact bytes differ from this file). */
        exports: z.number().int().min(0),
      })
      .nullable(),
  }),
]);
export type ExportAnchor = z.infer<typeof exportAnchorSchema>;

export const verifiedDocumentSchema = z.strictObject({
  status: z.enum(['match', 'mismatch']),
  /** The rules the document's embedded record was written under (1: before rules were versioned). */
  rules: z.union([z.literal(1), z.literal(2)]),
  agreementId: text,
  title: text,
  version: z.number().int(),
  fingerprint: hex64,
  signatures: z.array(z.strictObject({ name: text, signedAt: text })).max(200),
  /** How many participants must sign. */
  signers: z.number().int().min(0),
  exportedAt: text,
  problems: z.array(verifyProblemSchema).max(5000),
  seal: sealSummarySchema,
  /** SHA-256 of the file's exact bytes. */
  sha256: hex64,
  /** Null when no database was consulted (CLI without --data-dir). */
  anchor: exportAnchorSchema.nullable(),
});
export type VerifiedDocument = z.infer<typeof verifiedDocumentSchema>;

export const documentVerificationSchema = z.union([
  verifiedDocumentSchema,
  z.strictObject({ status: z.literal('unreadable'), reason: unreadableReasonSchema }),
]);
export type DocumentVerification = z.infer<typeof documentVerificationSchema>;

/** The `verify.problem.*` message of a problem and its parameters (names and parts still to be made safe for a terminal). */
export function verifyProblemMessage(problem: VerifyProblem): { key: TranslationKey; params: Record<string, string> } {
  switch (problem.kind) {
    case 'fingerprint_mismatch':
      return problem.where === 'record'
        ? { key: 'verify.problem.fingerprintRecord', params: {} }
        : { key: 'verify.problem.fingerprintSignature', params: { name: problem.name ?? '' } };
    case 'document_modified':
      return {
        key: problem.part === '_rels/.rels' ? 'verify.problem.packageRelationships' : 'verify.problem.documentModified',
        params: { part: problem.part },
      };
    case 'part_added':
      return { key: 'verify.problem.partAdded', params: { part: problem.part } };
    case 'content_type_changed':
      return { key: 'verify.problem.contentTypeChanged', params: { part: problem.part } };
    case 'data_changed':
      return { key: 'verify.problem.dataChanged', params: {} };
    case 'not_signed':
      return { key: 'verify.problem.notSigned', params: {} };
    case 'signature_missing':
      return { key: 'verify.problem.signatureMissing', params: { name: problem.name } };
    case 'signature_unknown':
      return { key: 'verify.problem.signatureUnknown', params: { name: problem.name } };
    case 'signature_image_missing':
      return { key: 'verify.problem.imageMissing', params: { name: problem.name } };
    case 'signature_image_changed':
      return { key: 'verify.problem.imageChanged', params: { name: problem.name } };
    case 'seal_missing':
      return { key: 'verify.problem.sealMissing', params: {} };
    case 'seal_unexpected':
      return { key: 'verify.problem.sealUnexpected', params: { found: groupedThumbprint(problem.found) } };
    case 'seal_certificate_changed':
      return {
        key: 'verify.problem.sealCertificateChanged',
        params: { expected: groupedThumbprint(problem.expected), found: groupedThumbprint(problem.found) },
      };
    case 'seal_invalid':
      return { key: 'verify.problem.sealInvalid', params: {} };
  }
}

/** A thumbprint as people compare it: upper-case hex pairs joined by colons, as certificate viewers show it. */
export function groupedThumbprint(hex: string): string {
  return (hex.toUpperCase().match(/.{1,2}/g) ?? []).join(':');
}
