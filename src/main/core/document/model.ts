import type { TFunction } from 'i18next';
import type { AgreementChange } from '../../../shared/api/contract';
import { createFormatter, type Formatter } from '../../../shared/document/format';
import { buildOutline, documentTranslator, signingPhase, type SigningPhase } from '../../../shared/document/outline';
import type { AgreementOutline } from '../../../shared/document/types';
import type { Agreement, Language, Participant } from '../../../shared/model/schema';
import { canonicalAgreementJson } from '../../../shared/signing/canonical';
import { requiredSigners, type Signature } from '../../../shared/signing/signers';
import { sha256Hex } from '../signing/fingerprint';
import { decodePngDataUrl } from '../signing/png';

export interface SignatureImage {
  bytes: Uint8Array;
  width: number;
  height: number;
  sha256: string;
}

export interface SignerEntry {
  participant: Participant;
  signature: Signature | null;
  /** Null when the signature's image is not a usable PNG: the signature is still listed, without a picture. */
  image: SignatureImage | null;
}

/** Everything the builders read, worked out once: translated outline, signing state, fingerprint, images. */
export interface DocumentModel {
  agreement: Agreement;
  lang: Language;
  t: TFunction;
  f: Formatter;
  outline: AgreementOutline;
  phase: SigningPhase;
  /** The exact text that was hashed, and its SHA-256. */
  canonical: string;
  fingerprint: string;
  /** Required signers in the order listed, each with their signature if any. */
  signers: SignerEntry[];
  signedCount: number;
  now: Date;
  appVersion: string;
  fileName: string;
  /** The certificate that will seal the file, as the record page states it; null when it is not sealed. */
  seal: { subject: string; thumbprint: string } | null;
}

export interface ModelOptions {
  lang?: Language;
  changes?: AgreementChange[];
  baseVersion?: number;
  appVersion: string;
  now?: Date;
  seal?: { thumbprint: string; subject?: string } | null;
}

function imageOf(signature: Signature): SignatureImage | null {
  try {
    const { bytes, width, height } = decodePngDataUrl(signature.image);
    return { bytes, width, height, sha256: sha256Hex(bytes) };
  } catch {
    return null;
  }
}

export function createDocumentModel(agreement: Agreement, fileName: string, options: ModelOptions): DocumentModel {
  const lang = options.lang ?? agreement.meta.language;
  const canonical = canonicalAgreementJson(agreement);
  const byParticipant = new Map(agreement.signatures.map((s) => [s.participantId, s]));
  const signers = requiredSigners(agreement).map((participant) => {
    const signature = byParticipant.get(participant.id) ?? null;
    return { participant, signature, image: signature ? imageOf(signature) : null };
  });
  return {
    agreement,
    lang,
    t: documentTranslator(lang),
    f: createFormatter(lang, agreement.meta.currency),
    outline: buildOutline(agreement, lang, {
      ...(options.changes ? { changes: options.changes } : {}),
      ...(options.baseVersion !== undefined ? { baseVersion: options.baseVersion } : {}),
    }),
    phase: signingPhase(agreement),
    canonical,
    fingerprint: sha256Hex(canonical),
    signers,
    signedCount: signers.filter((s) => s.signature !== null).length,
    now: options.now ?? new Date(),
    appVersion: options.appVersion,
    fileName,
    seal: options.seal ? { subject: options.seal.subject ?? '', thumbprint: options.seal.thumbprint } : null,
  };
}

/** "Draft, not signed" / "Awaiting signatures: 1 of 2" / "Signed by all 2 signatories". */
export function statusText(model: DocumentModel): string {
  const total = model.signers.length;
  if (model.phase === 'signed') return model.t('document.status.signed', { count: total });
  if (model.phase === 'partial') return model.t('document.status.partial', { signed: model.signedCount, total });
  return model.t('document.status.draft');
}

/** The red mark every page of an unsigned or partly signed document carries; null once fully signed. */
export function draftMark(model: DocumentModel): string | null {
  if (model.phase === 'signed') return null;
  if (model.phase === 'partial') return model.t('document.mark.partial', { signed: model.signedCount, total: model.signers.length });
  return model.t('document.mark.draft');
}
