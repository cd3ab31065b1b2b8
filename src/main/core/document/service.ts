import type { AgreementChange } from '../../../shared/api/contract';
import type { DocumentVerification, ExportAnchor, VerifiedDocument } from '../../../shared/document/verification';
import type { Agreement, Language } from '../../../shared/model/schema';
import { signingState } from '../../../shared/signing/signers';
import type { ExportsRepo } from '../../db/exportsRepo';
import { certificateThumbprint } from '../packageSignature/certificate';
import { summarize } from '../packageSignature/keys/identity';
import type { PackageSigner } from '../packageSignature/signPackage';
import type { IdentityService, UnlockRequest } from '../signingIdentity';
import { fingerprintOf, sha256Hex } from '../signing/fingerprint';
import { decodePngDataUrl } from '../signing/png';
import type { EmbeddedSignature } from './embeddedData';
import { exportDocx } from './exportDocx';

/**
 * Which key seals an export: one of the installation's (the key named, else the organization's — created on
 * first use —, else the one matching the agreement's company; see UnlockRequest) or a .p12 for this export only.
 */
export type KeyRequest = ({ kind: 'installation' } & UnlockRequest) | { kind: 'p12'; bytes: Uint8Array; password: string };

/** The certificate that sealed an export, as the user is told about it. */
export interface SealedBy {
  subject: string;
  issuer: string;
  selfSigned: boolean;
  /** SHA-256 of the certificate (DER), lowercase hex: also recorded in the document and in the database. */
  thumbprint: string;
}

export interface ExportRequest {
  agreement: Agreement;
  /** The document's language; the agreement's own when not given. */
  lang?: Language;
  /** What changed since the version this one amends. */
  changes?: AgreementChange[];
  baseVersion?: number;
  /** Null: not sealed. */
  key: KeyRequest | null;
}

export interface DocumentServiceDeps {
  identities: Pick<IdentityService, 'unlock'>;
  exports: ExportsRepo;
  /** The stored agreement with this id, trashed ones included; null when this installation has none. */
  storedAgreement(id: string): Agreement | null;
  appVersion: string;
  now?: () => Date;
}

function imageDigest(dataUrl: string): string | null {
  try {
    return sha256Hex(decodePngDataUrl(dataUrl).bytes);
  } catch {
    return null;
  }
}

/** The same people signed, at the same times, on the same devices, with the same drawn signatures. */
function sameSignatures(stored: Agreement['signatures'], embedded: EmbeddedSignature[]): boolean {
  if (stored.length !== embedded.length) return false;
  return embedded.every((e) => {
    const s = stored.find((candidate) => candidate.id === e.id);
    if (!s) return false;
    const fields = s.participantId === e.participantId && s.name === e.name && s.jobTitle === e.jobTitle && s.signedAt === e.signedAt && s.device === e.device;
    return fields && s.fingerprint === e.fingerprint && (e.imageSha256 === null || imageDigest(s.image) === e.imageSha256);
  });
}

/**
 * The Word document of an agreement, in one place for every host (core's `document.export` and the CLI's
 * `export`): open the key → build (recording in the document whether, and by which certificate, it will be
 * sealed) → seal → record the export in the database. And `verify` with this installation as the trust anchor.
 */
export function createDocumentService(deps: DocumentServiceDeps) {
  /** The one place an export opens its signing key. */
  async function openKey(key: KeyRequest): Promise<{ signer: PackageSigner; sealedBy: SealedBy }> {
    if (key.kind === 'p12') {
      // The signing code (node-forge, xml-crypto) loads only for an export that is sealed.
      const { importPkcs12 } = await import('../packageSignature/keys/importPkcs12');
      const identity = await importPkcs12(key.bytes, key.password);
      const { subject, issuer, selfSigned } = summarize(identity, 'imported');
      return { signer: identity, sealedBy: { subject, issuer, selfSigned, thumbprint: certificateThumbprint(identity.certificatePem) } };
    }
    const identity = await deps.identities.unlock({
      ...(key.keyId ? { keyId: key.keyId } : {}),
      ...(key.organization ? { organization: key.organization } : {}),
      ...(key.company !== undefined ? { company: key.company } : {}),
      ...(key.passphrase ? { passphrase: key.passphrase } : {}),
    });
    const { subject, issuer, selfSigned } = identity.summary;
    return { signer: identity, sealedBy: { subject, issuer, selfSigned, thumbprint: certificateThumbprint(identity.certificatePem) } };
  }

  function anchorFor(report: VerifiedDocument, signatures: EmbeddedSignature[]): ExportAnchor {
    const exported = deps.exports.findBySha256(report.sha256);
    if (exported) {
      return {
        kind: 'exported',
        exportedAt: exported.exported_at,
        agreementId: exported.agreement_id,
        version: exported.version,
        thumbprint: exported.thumbprint,
      };
    }
    const stored = report.agreementId ? deps.storedAgreement(report.agreementId) : null;
    if (!stored) return { kind: 'not_exported', stored: null };
    return {
      kind: 'not_exported',
      stored: {
        id: stored.meta.id,
        title: stored.meta.title,
        version: stored.meta.version,
        fingerprintEqual: stored.meta.version === report.version && fingerprintOf(stored) === report.fingerprint,
        signaturesEqual: sameSignatures(stored.signatures, signatures),
        exports: deps.exports.countFor(stored.meta.id, stored.meta.version),
      },
    };
  }

  return {
    async export(request: ExportRequest): Promise<{ fileName: string; bytes: Uint8Array; sealedBy: SealedBy | null }> {
      const { agreement } = request;
      // 1. The key first: a missing or locked key is reported before any work is done or anything recorded.
      const sealing = request.key ? await openKey(request.key) : null;
      const at = deps.now ? deps.now() : new Date();
      const lang = request.lang ?? agreement.meta.language;
      // 2. Build, the seal's certificate written into the embedded record so removing or swapping it shows, and
      // 3. seal, before the package is zipped (once).
      const { fileName, bytes } = await exportDocx(agreement, {
        appVersion: deps.appVersion,
        lang,
        now: at,
        seal: sealing ? { thumbprint: sealing.sealedBy.thumbprint, subject: sealing.sealedBy.subject } : null,
        ...(sealing ? { sealWith: sealing.signer } : {}),
        ...(request.changes && request.baseVersion !== undefined ? { changes: request.changes, baseVersion: request.baseVersion } : {}),
      });
      // 4. Record exactly these bytes: the trust anchor `verify --data-dir` and the app consult.
      deps.exports.insert({
        agreement_id: agreement.meta.id,
        version: agreement.meta.version,
        fingerprint: signingState(agreement).started ? fingerprintOf(agreement) : null,
        sha256: sha256Hex(bytes),
        thumbprint: sealing?.sealedBy.thumbprint ?? null,
        language: lang,
        exported_at: at.toISOString(),
      });
      return { fileName, bytes, sealedBy: sealing?.sealedBy ?? null };
    },

    /** verifyDocx, plus what this installation's database says about the file (see ExportAnchor). */
    async verify(bytes: Uint8Array): Promise<DocumentVerification> {
      const { inspectDocx } = await import('./verify');
      const { verification, signatures } = await inspectDocx(bytes);
      if (verification.status === 'unreadable') return verification;
      return { ...verification, anchor: anchorFor(verification, signatures) };
    },
  };
}
export type DocumentService = ReturnType<typeof createDocumentService>;
