/** The schemas the operations share (records, summaries, reports); each domain's operations are in ./ops. */
import { z } from 'zod';
import { actualsSchema } from '../model/actuals';
import { agreementSchema, languageSchema, statusSchema } from '../model/schema';
import { LIMITS } from '../model/limits';
import { VERIFY_UPLOAD_MAX_BYTES } from '../document/verification';

export const id = z.string().min(1).max(64);
export const isoDateTime = z.iso.datetime({ offset: true });

export const summarySchema = z.strictObject({
  id,
  title: z.string(),
  company: z.string(),
  language: languageSchema,
  status: statusSchema,
  version: z.number().int(),
  revision: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  deletedAt: isoDateTime.nullable(),
  stepsComplete: z.number().int().min(0),
  stepsTotal: z.number().int().min(1),
  /** Signatures recorded and required, once signing has started (null for a draft). */
  signatures: z.strictObject({ signed: z.number().int().min(0), required: z.number().int().min(0) }).nullable(),
});
export type AgreementSummary = z.infer<typeof summarySchema>;

export const recordSchema = z.strictObject({ agreement: agreementSchema, revision: z.number().int().min(1) });
export type AgreementRecord = z.infer<typeof recordSchema>;

export const hostSchema = z.enum(['electron', 'browser', 'direct']);
export type HostKind = z.infer<typeof hostSchema>;

/** Why the database was found damaged at start-up (translated under `ui.recovery.reason.<reason>`). */
export const RECOVERY_REASONS = ['truncated', 'bad_header', 'integrity_check', 'unreadable'] as const;
export const recoveryReasonSchema = z.enum(RECOVERY_REASONS);
export type RecoveryReason = z.infer<typeof recoveryReasonSchema>;

/** Why a stored agreement could not be read (translated under `ui.backups.problem.<problem>`). */
export const UNREADABLE_PROBLEMS = ['not_utf8', 'not_json', 'schema', 'fingerprint', 'newer_model'] as const;
export const unreadableProblemSchema = z.enum(UNREADABLE_PROBLEMS);
export type UnreadableProblem = z.infer<typeof unreadableProblemSchema>;

/** A backup is named by its file name only, never by a path: `sla-workshop-<UTC time>[-n].db`. */
export const backupNameSchema = z
  .string()
  .max(80)
  .regex(/^sla-workshop-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z(?:-\d{1,5})?\.db$/);

export const unreadableAgreementSchema = z.strictObject({
  id,
  /** From the row's summary column, which may have survived the damage (empty when it did not). */
  title: z.string().max(LIMITS.shortText),
  problem: unreadableProblemSchema,
  /** The newest backup holding a readable copy of it, or null when none does. */
  backup: z.strictObject({ name: backupNameSchema, takenAt: isoDateTime }).nullable(),
});
export type UnreadableAgreement = z.infer<typeof unreadableAgreementSchema>;

export const startupReportSchema = z.strictObject({
  /** Null unless this start found the database damaged, moved it aside and restored a backup (or started fresh). */
  recovery: z
    .strictObject({
      damagedPath: z.string(),
      /** The backup copied into place; null when no good backup existed and a fresh database was started. */
      restoredFrom: z.string().nullable(),
      backupTakenAt: isoDateTime.nullable(),
      reason: recoveryReasonSchema,
    })
    .nullable(),
  /**
   * The backups in the data folder; `newest` is when the newest one was taken; `failed` says when and why
   * the last attempt to take one failed (null when it worked or nothing needed backing up).
   */
  backups: z.strictObject({
    count: z.number().int().min(0),
    newest: isoDateTime.nullable(),
    failed: z.strictObject({ at: isoDateTime, reason: z.string().max(200) }).nullable(),
  }),
  /** Agreements whose stored data could not be read at start-up, each with the newest backup that still holds a readable copy. */
  unreadable: z.array(unreadableAgreementSchema).max(10_000),
});
export type StartupReport = z.infer<typeof startupReportSchema>;

/** One backup in the data folder (`ok`: it opened and passed integrity_check; `unreadable`: rows in it that do not parse). */
export const backupInfoSchema = z.strictObject({
  name: backupNameSchema,
  takenAt: isoDateTime,
  size: z.number().int().min(0),
  ok: z.boolean(),
  agreements: z.number().int().min(0),
  unreadable: z.number().int().min(0),
});
export type BackupInfo = z.infer<typeof backupInfoSchema>;

/**
 * What restoring an agreement from a backup does: `replace` the current copy, which cannot be read; add it
 * as a `copy` because the current one is readable (and stays as it is); or `add` it back because it is not
 * in the current data at all.
 */
export const RESTORE_OUTCOMES = ['replace', 'copy', 'add'] as const;
export const restoreOutcomeSchema = z.enum(RESTORE_OUTCOMES);
export type RestoreOutcome = z.infer<typeof restoreOutcomeSchema>;

/** One agreement in a backup, as the restore dialog lists it. */
export const backupAgreementSchema = z.strictObject({
  id,
  title: z.string().max(LIMITS.shortText),
  company: z.string().max(LIMITS.shortText),
  status: statusSchema.nullable(),
  version: z.number().int().nullable(),
  updatedAt: isoDateTime.nullable(),
  deletedAt: isoDateTime.nullable(),
  /** False when this backup's copy does not parse either: it cannot be restored from here. */
  readable: z.boolean(),
  outcome: restoreOutcomeSchema,
});
export type BackupAgreement = z.infer<typeof backupAgreementSchema>;

/** One difference between a signed version and its amendment (see shared/signing/diff.ts); worded by `describeChange`. */
export const changeSchema = z.strictObject({
  kind: z.enum(['added', 'removed', 'changed']),
  /** Path of the field (or list item) in the agreement. */
  path: z.array(z.union([z.string().max(64), z.number().int()])).max(12),
  /** The list item the change is in or about (a stage's or a KPI's name), when there is one. */
  item: z.string().max(LIMITS.shortText).nullable(),
  before: z.string().max(LIMITS.longText).nullable(),
  after: z.string().max(LIMITS.longText).nullable(),
});
export type AgreementChange = z.infer<typeof changeSchema>;

/**
 * What importing a `.slaw` did (docs/FORMAT.md, "Identity"): `imported` under the file's id; `new_id`, a draft
 * whose id was taken; `already_present`, the same signed version was already here; `signatures_added`, it was,
 * and gained the file's extra signatures; `draft_copy`, a signed file whose id holds other content, kept as an
 * unsigned draft copy.
 */
export const IMPORT_OUTCOMES = ['imported', 'new_id', 'already_present', 'signatures_added', 'draft_copy'] as const;
export const importOutcomeSchema = z.enum(IMPORT_OUTCOMES);
export type ImportOutcome = z.infer<typeof importOutcomeSchema>;

export const pngDataUrl = z
  .string()
  .max(2_000_000)
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/);

export const empty = z.strictObject({});

/** The largest document the app's "Verify a document" accepts (ours are well under 2 MB), as base64 characters. */
export const VERIFY_UPLOAD_MAX_BASE64 = Math.ceil(VERIFY_UPLOAD_MAX_BYTES / 3) * 4;

export const passphraseSchema = z.string().min(1).max(1000);
export const fingerprintSchema = z.string().regex(/^[0-9a-f]{64}$/);
export const jobTitleSchema = z.string().trim().min(1).max(LIMITS.shortText);

export const byId = z.strictObject({ id });

/** A lineage's monthly actuals (all versions of one agreement share them) with their own revision (0: none yet). */
export const lineageActualsSchema = z.strictObject({ lineageId: id, revision: z.number().int().min(0), months: actualsSchema });
export type LineageActualsDto = z.infer<typeof lineageActualsSchema>;
