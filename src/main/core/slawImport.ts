import type { AgreementSummary, ImportOutcome } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { DEFAULT_CONTENT } from '../../shared/model/content';
import { newId } from '../../shared/model/ids';
import { LIMITS } from '../../shared/model/limits';
import type { Agreement } from '../../shared/model/schema';
import { canonicalJsonOf } from '../../shared/signing/canonical';
import { canonicalVersionOf } from '../../shared/signing/canonicalForms';
import { parseSlaw } from '../../shared/slaw/format';
import type { AgreementsRepo } from '../db/agreementsRepo';
import { inTransaction, type Db } from '../db/connection';
import type { ActualsService } from './actuals';
import { loadAgreement, toRow, toSummary } from './agreements';
import { fingerprintOf } from './signing/fingerprint';
import { assertFileSignaturesIntact } from './signing/integrity';

export interface ImportResult {
  summary: AgreementSummary;
  outcome: ImportOutcome;
  /** Signatures the stored copy gained from the file (outcome `signatures_added`). */
  signaturesAdded: number;
  /** The stored copy was in the trash and is back among the agreements. */
  restoredFromTrash: boolean;
}

type Signature = Agreement['signatures'][number];

/**
 * A draft as this computer starts it: the core owns the id it is given, the status, the version, the link to
 * another version and the creation time. An imported draft amends nothing (docs/FORMAT.md, "Identity").
 */
function asLocalDraft(agreement: Agreement, id: string, at: string, title = agreement.meta.title): Agreement {
  return {
    ...agreement,
    meta: { ...agreement.meta, id, title, status: 'draft', version: 1, amendsId: null, createdAt: at, updatedAt: at },
    signatures: [],
  };
}

/**
 * The signatures of `file` that `stored` lacks. Both carry the same fingerprint, so each one certifies the
 * same words; a participant who signed differently in each is a conflict, refused with nothing changed.
 */
function newSignatures(stored: Agreement, file: Agreement): Signature[] {
  const byParticipant = new Map(stored.signatures.map((s) => [s.participantId, s]));
  const added: Signature[] = [];
  for (const signature of file.signatures) {
    const mine = byParticipant.get(signature.participantId);
    if (!mine) added.push(signature);
    else if (canonicalJsonOf(mine) !== canonicalJsonOf(signature)) {
      throw new AppError('invalid_file', 'A participant signed this version differently in the file', { reason: 'signature_conflict', name: signature.name });
    }
  }
  return added;
}

/**
 * `.slaw` import. The whole file is parsed and its signatures checked before anything is written; then, in
 * one transaction, one of the identity rules of docs/FORMAT.md applies:
 * - a draft is stored as a new local draft, under the file's id unless that id is taken (`new_id`);
 * - a signed version whose id is free is stored as it is (`imported`): id, version, link and dates are
 *   covered by its fingerprint, and storing it changes no other version;
 * - a signed version already here with the same fingerprint is the same version: nothing changes
 *   (`already_present`) except that it gains the signatures it lacks (`signatures_added`);
 * - a signed version whose id is taken by different content cannot keep its id without breaking its
 *   fingerprint, so it becomes an unsigned draft copy (`draft_copy`).
 */
export function importSlaw(db: Db, repo: AgreementsRepo, actuals: ActualsService, content: string, now: Date): ImportResult {
  const { agreement, actuals: months } = parseSlaw(content);
  assertFileSignaturesIntact(agreement);
  const at = now.toISOString();
  return inTransaction(db, () => {
    const outcome = store();
    // The file's monthly actuals join the lineage of the version it landed in; the file wins for its months.
    const lineage = repo.lineageOf(outcome.summary.id);
    if (lineage !== undefined) actuals.importMonths(lineage, months);
    return outcome;
  });

  /** Applies the identity rule that fits (see above). */
  function store(): ImportResult {
    const result = (row: Parameters<typeof toSummary>[0], outcome: ImportOutcome, extra: Partial<ImportResult> = {}): ImportResult => ({
      summary: toSummary(row),
      outcome,
      signaturesAdded: 0,
      restoredFromTrash: false,
      ...extra,
    });
    const insert = (next: Agreement, outcome: ImportOutcome, lineageId = next.meta.id) => {
      const row = toRow(next, 1, null, lineageId);
      repo.insert(row);
      return result(row, outcome);
    };
    const taken = repo.exists(agreement.meta.id);
    if (agreement.signatures.length === 0) {
      return insert(asLocalDraft(agreement, taken ? newId() : agreement.meta.id, at), taken ? 'new_id' : 'imported');
    }
    if (!taken) {
      // A signed amendment joins the lineage of the version it amends (named by that id when it is not here);
      // versions already here that amend this one were waiting under its id: they join too.
      const base = agreement.meta.amendsId;
      const lineage = base === null ? agreement.meta.id : (repo.lineageOf(base) ?? base);
      const imported = insert(agreement, 'imported', lineage);
      actuals.adoptLineage(agreement.meta.id, lineage);
      return imported;
    }

    const stored = sameVersionStored(repo, agreement);
    if (!stored) {
      const title = `${agreement.meta.title} ${DEFAULT_CONTENT[agreement.meta.language].copySuffix}`.slice(0, LIMITS.shortText);
      return insert(asLocalDraft(agreement, newId(), at, title), 'draft_copy');
    }
    const added = newSignatures(stored.agreement, agreement);
    const restoredFromTrash = stored.row.deleted_at !== null;
    if (restoredFromTrash) repo.setDeleted(stored.row.id, null);
    // A superseded version is history: it takes no new signatures.
    if (added.length === 0 || stored.row.status === 'superseded') {
      return result({ ...stored.row, deleted_at: null }, 'already_present', { restoredFromTrash });
    }
    // The stored copy keeps everything that is its own (notes, agenda) and gains the signatures.
    // Like any import, this changes no other version: the one it amends is not superseded here.
    const next: Agreement = {
      ...stored.agreement,
      meta: { ...stored.agreement.meta, status: 'signed', updatedAt: at },
      signatures: [...stored.agreement.signatures, ...added],
    };
    const row = toRow(next, stored.row.revision + 1);
    if (!repo.updateSigning(row, stored.row.revision))
      throw new AppError('stale_revision', 'The agreement changed during the import', { current: stored.row.revision });
    return result(row, 'signatures_added', { signaturesAdded: added.length, restoredFromTrash });
  }
}

/** The stored version with the file's id, if it is the same signed content (same fingerprint). */
function sameVersionStored(repo: AgreementsRepo, file: Agreement) {
  let stored: ReturnType<typeof loadAgreement>;
  try {
    stored = loadAgreement(repo, file.meta.id, { allowTrashed: true });
  } catch {
    // An unreadable stored row is not the same version; it stays as it is.
    return null;
  }
  // Both hashed in the canonical form the file's signatures were computed with.
  const form = canonicalVersionOf(file);
  return fingerprintOf(stored.agreement, form) === fingerprintOf(file, form) ? stored : null;
}
