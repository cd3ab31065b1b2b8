import type { AgreementChange, AgreementRecord, AgreementSummary } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { checkCompleteness } from '../../../shared/model/completeness';
import { newId } from '../../../shared/model/ids';
import type { Agreement, Language } from '../../../shared/model/schema';
import { canonicalVersionOf } from '../../../shared/signing/canonicalForms';
import { diffAgreements } from '../../../shared/signing/diff';
import { signingState } from '../../../shared/signing/signers';
import type { AgreementsRepo } from '../../db/agreementsRepo';
import { inTransaction, type Db } from '../../db/connection';
import { loadAgreement, toRow, toSummary } from '../agreements';
import { fingerprintOf } from './fingerprint';
import { localTimestamp } from './localTime';
import { assertStoredSignaturesIntact } from './integrity';
import { decodePngDataUrl } from './png';

export interface SigningOptions {
  now?: () => Date;
  /** The readable device name recorded with each signature, in the agreement's language when generic. */
  device: (language: Language) => string;
}

export interface SignInput {
  id: string;
  revision: number;
  participantId: string;
  name: string;
  jobTitle: string;
  image: string;
  /** The fingerprint the signer was shown: signing is refused when the content to sign has another one. */
  fingerprint: string;
  /** Also change the participant's job title to `jobTitle` (before the first signature only). */
  updateJobTitle?: boolean;
}

export interface PreviewInput {
  id: string;
  participantId?: string;
  jobTitle?: string;
}

/**
 * The content a signature would cover: the stored agreement, with the signer's job title changed when they
 * asked for it. Once someone has signed the content is frozen, so the title can no longer change it.
 */
function contentToSign(agreement: Agreement, participantId: string | undefined, jobTitle: string | undefined): Agreement {
  const title = jobTitle?.trim();
  const participant = agreement.participants.find((p) => p.id === participantId);
  if (!participant || !title || participant.jobTitle === title) return agreement;
  if (agreement.signatures.length > 0)
    throw new AppError('read_only', 'The agreement is frozen: a job title can no longer change it', { reason: 'title_frozen' });
  return { ...agreement, participants: agreement.participants.map((p) => (p.id === participant.id ? { ...p, jobTitle: title } : p)) };
}

/** The drawn signature must be a whole PNG within the size limits (see png.ts); otherwise nothing is stored. */
function checkDrawnSignature(image: string): void {
  try {
    decodePngDataUrl(image);
  } catch {
    throw new AppError('invalid_input', 'The signature is not a usable PNG image', { reason: 'bad_signature_image' });
  }
}

/** Signing, amending and the changes since a signed version. Every write is one transaction. */
export function createSigningService(db: Db, repo: AgreementsRepo, options: SigningOptions) {
  const now = () => (options.now ?? (() => new Date()))();
  const device = (language: Language) => options.device(language).slice(0, 200) || 'unknown';

  /**
   * When the last signature of an amendment lands, the version it amends is superseded — only a signed version
   * one number older: a link read from an imported file never retires an unrelated agreement.
   */
  function supersede(id: string, version: number, at: string): void {
    const base = repo.get(id);
    if (!base || base.status !== 'signed' || base.deleted_at !== null || base.version !== version - 1) return;
    const { agreement } = loadAgreement(repo, id);
    const next: Agreement = { ...agreement, meta: { ...agreement.meta, status: 'superseded', updatedAt: at } };
    repo.updateSigning(toRow(next, base.revision + 1), base.revision);
  }

  return {
    /** What a signature made now would cover (see `contentToSign`), for the sign dialog to show. */
    preview(input: PreviewInput): { revision: number; version: number; fingerprint: string; started: boolean; device: string } {
      const { agreement, row } = loadAgreement(repo, input.id);
      const started = agreement.signatures.length > 0;
      const content = started ? agreement : contentToSign(agreement, input.participantId, input.jobTitle);
      return { revision: row.revision, version: agreement.meta.version, fingerprint: fingerprintOf(content), started, device: device(agreement.meta.language) };
    },

    sign(input: SignInput): { record: AgreementRecord; fingerprint: string } {
      checkDrawnSignature(input.image);
      return inTransaction(db, () => {
        const { agreement: stored, row } = loadAgreement(repo, input.id);
        if (row.status === 'superseded') throw new AppError('read_only', 'A superseded version cannot be signed', { status: row.status });
        const participant = stored.participants.find((p) => p.id === input.participantId);
        if (!participant?.mustSign) throw new AppError('not_signer', 'Only participants who must sign can sign', { participantId: input.participantId });
        if (stored.signatures.some((s) => s.participantId === participant.id)) {
          throw new AppError('already_signed', `${participant.name} has already signed`, { name: participant.name });
        }
        // Signing adds to what the others certified: a version that is no longer what they signed is refused.
        assertStoredSignaturesIntact(stored);
        // The job title changes the participant in the same transaction as the first signature, and only if the
        // dialog showed the fingerprint that results from it (checked just below).
        const agreement = input.updateJobTitle ? contentToSign(stored, participant.id, input.jobTitle) : stored;
        // The first signature fixes the canonical form for the version; later ones use the same (one fingerprint).
        const canonicalVersion = canonicalVersionOf(agreement);
        const fingerprint = fingerprintOf(agreement, canonicalVersion);
        // What the signer was shown must be exactly what is signed: any change since the dialog opened refuses.
        if (fingerprint !== input.fingerprint) {
          throw new AppError('stale_revision', 'The content changed after the signing dialog opened', {
            reason: 'content_changed',
            current: row.revision,
            given: input.revision,
          });
        }
        if (row.revision !== input.revision) {
          throw new AppError('stale_revision', `Revision ${input.revision} is stale; current is ${row.revision}`, {
            current: row.revision,
            given: input.revision,
          });
        }
        const completeness = checkCompleteness(agreement);
        if (!completeness.complete)
          throw new AppError('not_ready', 'The agreement is not complete', { missing: completeness.missingCount, count: completeness.missingCount });
        const at = now();
        const signature = {
          id: newId(),
          participantId: participant.id,
          name: input.name.trim(),
          jobTitle: input.jobTitle.trim(),
          signedAt: localTimestamp(at),
          image: input.image,
          device: device(agreement.meta.language),
          fingerprint,
          canonicalVersion,
        };
        const next: Agreement = {
          ...agreement,
          meta: { ...agreement.meta, status: 'signed', updatedAt: at.toISOString() },
          signatures: [...agreement.signatures, signature],
        };
        if (!repo.updateSigning(toRow(next, row.revision + 1), row.revision)) {
          throw new AppError('stale_revision', 'The agreement changed while signing', { current: row.revision + 1, given: row.revision });
        }
        if (signingState(next).complete && next.meta.amendsId) supersede(next.meta.amendsId, next.meta.version, at.toISOString());
        return { record: { agreement: next, revision: row.revision + 1 }, fingerprint };
      });
    },

    /**
     * A new draft version of a signed one; asking again opens the same draft instead of a second one. Asked of
     * a superseded version, it amends the newest signed version instead.
     */
    amend(id: string): AgreementSummary {
      return inTransaction(db, () => {
        const first = loadAgreement(repo, id);
        if (first.row.status === 'draft') throw new AppError('invalid_input', 'Only signed versions can be amended', { reason: 'not_signed' });
        // A superseded version is amended through the version that replaced it: changes build on what is in force.
        let latest = first;
        for (let hops = 0; latest.row.status === 'superseded' && hops < 10_000; hops++) {
          const next = repo.signedAmendment(latest.row.id);
          if (!next) break;
          latest = loadAgreement(repo, next.id, { allowTrashed: true });
        }
        const { agreement, row } = latest;
        id = row.id;
        const open = repo.openAmendment(id);
        if (open) return toSummary(open);
        const at = now().toISOString();
        const draft: Agreement = {
          ...structuredClone(agreement),
          meta: { ...agreement.meta, id: newId(), status: 'draft', version: agreement.meta.version + 1, amendsId: id, createdAt: at, updatedAt: at },
          signatures: [],
        };
        // The amendment joins the lineage: it shares the monthly actuals of every version, it does not copy them.
        const draftRow = toRow(draft, 1, null, row.lineage_id);
        repo.insert(draftRow);
        return toSummary(draftRow);
      });
    },

    /** What changed since the version this one amends (nothing for a first version or a purged base). */
    changes(id: string): { base: { id: string; version: number; fingerprint: string | null } | null; changes: AgreementChange[] } {
      const { agreement } = loadAgreement(repo, id, { allowTrashed: true });
      const baseId = agreement.meta.amendsId;
      if (!baseId || !repo.exists(baseId)) return { base: null, changes: [] };
      const { agreement: base } = loadAgreement(repo, baseId, { allowTrashed: true });
      return {
        base: { id: baseId, version: base.meta.version, fingerprint: signingState(base).fingerprint },
        changes: diffAgreements(base, agreement),
      };
    },
  };
}
export type SigningService = ReturnType<typeof createSigningService>;
