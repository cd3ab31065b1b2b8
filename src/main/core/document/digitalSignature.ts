import { documentTranslator } from '../../../shared/document/outline';
import type { Agreement, Language } from '../../../shared/model/schema';
import { signingState } from '../../../shared/signing/signers';
import { signPackage, type PackageSigner } from '../packageSignature';
import { signatureParts, unsignablePackage, type SealedParts } from '../packageSignature/signPackage';
import { fingerprintOf } from '../signing/fingerprint';

/** What Word shows as the purpose of the package signature: the agreement, its fingerprint and who signed it. */
export function signatureComment(agreement: Agreement, lang: Language): string {
  const t = documentTranslator(lang);
  const state = signingState(agreement);
  const base = { title: agreement.meta.title, version: agreement.meta.version };
  if (!state.started) return t('document.digitalSignature.commentUnsigned', base);
  const signers = state.signed.map(({ signature }) => `${signature.name} (${signature.jobTitle})`).join(', ');
  return t('document.digitalSignature.comment', { ...base, fingerprint: fingerprintOf(agreement), signers });
}

/** Seals an exported .docx with an OOXML digital signature (ECMA-376 Part 2) by `signer`. */
export function digitallySign(docx: Uint8Array, agreement: Agreement, lang: Language, signer: PackageSigner, now?: Date): Promise<Uint8Array> {
  return signPackage(docx, signer, { comment: signatureComment(agreement, lang), ...(now ? { now } : {}) });
}

/** The same seal, as the parts it adds to an export not yet zipped (see exportDocx). */
export function sealParts(parts: ReadonlyMap<string, Buffer>, agreement: Agreement, lang: Language, signer: PackageSigner, now: Date): SealedParts {
  try {
    return signatureParts(parts, signer, { comment: signatureComment(agreement, lang), now });
  } catch (error) {
    throw unsignablePackage(error);
  }
}
