import { z } from 'zod';
import { actualsSchema } from '../model/actuals';
import { agreementSchema, languageSchema, statusSchema } from '../model/schema';
import { LIMITS } from '../model/limits';
import { deviceNameSchema, installationSettingsSchema, keyIdSchema, signingKeySchema, signingKeysSchema } from './keysAndSettings';
import { documentVerificationSchema, VERIFY_UPLOAD_MAX_BYTES } from '../document/verification';

const id = z.string().min(1).max(64);
const isoDateTime = z.iso.datetime({ offset: true });

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

const pngDataUrl = z
  .string()
  .max(2_000_000)
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/);

const empty = z.strictObject({});

/** The largest document the app's "Verify a document" accepts (ours are well under 2 MB), as base64 characters. */
const VERIFY_UPLOAD_MAX_BASE64 = Math.ceil(VERIFY_UPLOAD_MAX_BYTES / 3) * 4;

const passphraseSchema = z.string().min(1).max(1000);
const fingerprintSchema = z.string().regex(/^[0-9a-f]{64}$/);
const jobTitleSchema = z.string().trim().min(1).max(LIMITS.shortText);

const byId = z.strictObject({ id });

/** A lineage's monthly actuals (all versions of one agreement share them) with their own revision (0: none yet). */
export const lineageActualsSchema = z.strictObject({ lineageId: id, revision: z.number().int().min(0), months: actualsSchema });
export type LineageActualsDto = z.infer<typeof lineageActualsSchema>;

/**
 * The whole API, declared once: operation name → zod input and zod output. Core implements it, dispatch
 * validates every input against it, and the renderer's client is typed from it.
 */
export const contract = {
  'app.info': {
    input: empty,
    output: z.strictObject({ appVersion: z.string(), schemaVersion: z.number().int(), dataDir: z.string(), host: hostSchema }),
  },
  'app.startupReport': { input: empty, output: startupReportSchema },
  'agreements.list': {
    input: z.strictObject({ query: z.string().max(200).optional(), trash: z.boolean().optional() }),
    output: z.array(summarySchema),
  },
  'agreements.get': { input: byId, output: recordSchema },
  'agreements.create': {
    input: z.strictObject({
      source: z.enum(['blank', 'example']),
      language: languageSchema,
      title: z.string().max(LIMITS.shortText).optional(),
    }),
    output: recordSchema,
  },
  'agreements.save': {
    input: z.strictObject({ id, revision: z.number().int().min(1), agreement: agreementSchema }),
    output: z.strictObject({ revision: z.number().int(), summary: summarySchema }),
  },
  'agreements.duplicate': { input: byId, output: summarySchema },
  'agreements.rename': {
    input: z.strictObject({ id, title: z.string().trim().min(1).max(LIMITS.shortText) }),
    output: summarySchema,
  },
  'agreements.trash': { input: byId, output: summarySchema },
  'agreements.restore': { input: byId, output: summarySchema },
  'agreements.purge': { input: byId, output: z.strictObject({ id }) },
  /** The monthly actuals of the agreement `id` belongs to (any version of it, signed ones included). */
  'actuals.get': { input: byId, output: lineageActualsSchema },
  /**
   * Replaces the months of that lineage if they are still at `revision` (their own, not the agreement's);
   * allowed on signed versions: the agreement, and so its fingerprint, is never touched.
   */
  'actuals.save': {
    input: z.strictObject({ id, revision: z.number().int().min(0), months: actualsSchema }),
    output: lineageActualsSchema,
  },
  /** Records one signer's drawn signature; the first one freezes the version (read-only from then on). */
  'signing.sign': {
    input: z.strictObject({
      id,
      revision: z.number().int().min(1),
      participantId: id,
      name: z.string().trim().min(1).max(LIMITS.shortText),
      jobTitle: jobTitleSchema,
      image: pngDataUrl,
      /** The signer ticked the consent sentence. */
      consent: z.literal(true),
      /** The fingerprint the dialog showed: the host refuses when the content to sign has another one. */
      fingerprint: fingerprintSchema,
      /** The signer confirmed that their participant's job title changes to `jobTitle` (only before the first signature). */
      updateJobTitle: z.boolean().optional(),
    }),
    output: z.strictObject({ record: recordSchema, fingerprint: fingerprintSchema }),
  },
  /**
   * What a signature would cover now: the stored revision and its fingerprint, with the signer's new job title
   * applied when one is given and nobody has signed yet; `started` says the content is frozen.
   */
  'signing.preview': {
    input: z.strictObject({ id, participantId: id.optional(), jobTitle: jobTitleSchema.optional() }),
    output: z.strictObject({
      revision: z.number().int().min(1),
      version: z.number().int(),
      fingerprint: fingerprintSchema,
      started: z.boolean(),
      /** The device name a signature made now records. */
      device: z.string(),
    }),
  },
  /** A new draft version that amends a signed one (or the existing open amendment of it). */
  'agreements.amend': { input: byId, output: summarySchema },
  /** What changed in an amendment since the version it amends; `base` is null for a first version. */
  'agreements.changes': {
    input: byId,
    output: z.strictObject({
      base: z.strictObject({ id, version: z.number().int(), fingerprint: z.string().nullable() }).nullable(),
      changes: z.array(changeSchema).max(5000),
    }),
  },
  /**
   * The Word document of an agreement (base64), in its own language unless `language` is given. A fully
   * signed agreement is also digitally signed (OOXML package signature) unless `digitalSignature` is false,
   * with the key `keyId`, else the key of `organization` (created if there is none), else the key whose
   * organization matches the agreement's company (`signing_key_required` when none does). `passphrase`
   * opens the keys where the system keychain is not available (browser mode).
   */
  'document.export': {
    input: z.strictObject({
      id,
      language: languageSchema.optional(),
      digitalSignature: z.boolean().optional(),
      keyId: keyIdSchema.optional(),
      organization: z.string().trim().min(1).max(LIMITS.shortText).optional(),
      passphrase: passphraseSchema.optional(),
    }),
    output: z.strictObject({
      fileName: z.string(),
      base64: z.string(),
      bytes: z.number().int().min(0),
      /** The certificate that signed the package (thumbprint: SHA-256 of its DER), or null when it was not digitally signed. */
      digitalSignature: z.strictObject({ subject: z.string(), selfSigned: z.boolean(), thumbprint: z.string().regex(/^[0-9a-f]{64}$/) }).nullable(),
    }),
  },
  /** The signing keys of this installation, by organization, and whether they are open for this session. */
  'signingKeys.list': { input: empty, output: signingKeysSchema },
  /** Gives the passphrase for this session (checked against the keys it protects; chosen here when there are none). */
  'signingKeys.unlock': { input: z.strictObject({ passphrase: passphraseSchema }), output: signingKeysSchema },
  /** A new self-signed key in an organization's name (or that organization's existing installation key). */
  'signingKeys.create': {
    input: z.strictObject({ organization: z.string().trim().min(1).max(LIMITS.shortText), passphrase: passphraseSchema.optional() }),
    output: signingKeySchema,
  },
  /** Adds an organization certificate (.p12/.pfx, base64) opened with its password. */
  'signingKeys.importP12': {
    input: z.strictObject({ base64: z.string().min(1).max(10_000_000), password: z.string().max(1000), passphrase: passphraseSchema.optional() }),
    output: signingKeySchema,
  },
  /** Removes a key from this installation (kept aside in the data folder, never used again). */
  'signingKeys.remove': { input: z.strictObject({ id: keyIdSchema }), output: signingKeysSchema },
  /** The key an export of this agreement would be sealed with by default: the one whose organization matches its company. */
  'signingKeys.select': {
    input: z.strictObject({ agreementId: id }),
    output: z.strictObject({ keyId: keyIdSchema.nullable(), company: z.string() }),
  },
  /** Settings of this installation (the device name recorded with signatures). */
  'settings.get': { input: empty, output: installationSettingsSchema },
  /** An empty device name goes back to the generic one. */
  'settings.update': { input: z.strictObject({ deviceName: deviceNameSchema.nullable() }), output: installationSettingsSchema },
  /**
   * Checks a Word document (base64 of the .docx, at most VERIFY_UPLOAD_MAX_BYTES) against the data embedded in
   * it and its digital signature, and says whether this installation exported exactly this file or how it
   * differs from the stored version with its id (`anchor`). Unreadable files are an answer, not an error.
   */
  'document.verify': {
    input: z.strictObject({
      base64: z
        .string()
        .min(1)
        .max(VERIFY_UPLOAD_MAX_BASE64)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/),
    }),
    output: documentVerificationSchema,
  },
  /** The backups in the data folder, newest first. */
  'backups.list': { input: empty, output: z.array(backupInfoSchema).max(10_000) },
  /** The agreements one backup holds, and what restoring each would do. */
  'backups.agreements': { input: z.strictObject({ backup: backupNameSchema }), output: z.array(backupAgreementSchema).max(100_000) },
  /**
   * Restores one agreement from a backup, in one transaction: it replaces the current copy when that cannot
   * be read, is added as a copy (a new draft) when the current one can, and is added back when it is gone.
   */
  'backups.restoreAgreement': {
    input: z.strictObject({ backup: backupNameSchema, id }),
    output: z.strictObject({ outcome: restoreOutcomeSchema, summary: summarySchema }),
  },
  'slaw.export': {
    input: byId,
    output: z.strictObject({ fileName: z.string(), content: z.string() }),
  },
  /** Adds a `.slaw` file's agreement, following the identity rules of docs/FORMAT.md; `outcome` says which applied. */
  'slaw.import': {
    input: z.strictObject({ content: z.string().max(LIMITS.slawBytes) }),
    output: z.strictObject({
      summary: summarySchema,
      outcome: importOutcomeSchema,
      signaturesAdded: z.number().int().min(0),
      restoredFromTrash: z.boolean(),
    }),
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type OpName = keyof Contract;
export const OP_NAMES = Object.keys(contract) as OpName[];
export type OpInput<K extends OpName> = z.input<Contract[K]['input']>;
export type OpParsedInput<K extends OpName> = z.output<Contract[K]['input']>;
export type OpOutput<K extends OpName> = z.output<Contract[K]['output']>;

export function isOpName(name: string): name is OpName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
