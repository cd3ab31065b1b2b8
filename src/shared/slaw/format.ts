import { z } from 'zod';
import { AppError, issuesFromZod } from '../api/errors';
import { actualsSchema, type MonthlyActuals } from '../model/actuals';
import { LIMITS } from '../model/limits';
import { migrateModel } from '../model/migrations';
import { agreementSchema, type Agreement } from '../model/schema';
import { MODEL_VERSION } from '../model/version';

export const SLAW_FORMAT = 'sla-workshop';
/** The file's version is the model version of what it carries: one number, one migration list (model/version.ts). */
export const SLAW_SCHEMA_VERSION = MODEL_VERSION;
export const SLAW_EXTENSION = '.slaw';
/** The model version whose files carry the lineage's monthly actuals at the top level (model/migrations/003). */
export const TOP_LEVEL_ACTUALS_SINCE = 3;

export const slawEnvelopeSchema = z.strictObject({
  format: z.literal(SLAW_FORMAT),
  schemaVersion: z.literal(SLAW_SCHEMA_VERSION),
  exportedAt: z.iso.datetime({ offset: true }),
  appVersion: z.string().max(50),
  agreement: agreementSchema,
  /** The monthly actuals of the agreement's lineage: beside the agreement, never inside what was signed. */
  actuals: actualsSchema,
});
export type SlawEnvelope = z.infer<typeof slawEnvelopeSchema>;

export function serializeSlaw(agreement: Agreement, appVersion: string, now: Date = new Date(), actuals: MonthlyActuals[] = []): string {
  const envelope: SlawEnvelope = { format: SLAW_FORMAT, schemaVersion: SLAW_SCHEMA_VERSION, exportedAt: now.toISOString(), appVersion, agreement, actuals };
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Byte length of a string as UTF-8, without TextEncoder allocation for the common case. */
function utf8Length(text: string): number {
  return new TextEncoder().encode(text).byteLength;
}

/**
 * Strictly parses a `.slaw` file: JSON, our format tag, a known schemaVersion (older ones migrated),
 * and the agreement schema with no unknown fields and no oversized text. Throws AppError naming the problem.
 */
export function parseSlaw(text: string): SlawEnvelope {
  if (text.length > LIMITS.slawBytes || utf8Length(text) > LIMITS.slawBytes) {
    throw new AppError('too_large', `File is larger than ${LIMITS.slawBytes} bytes`, { limit: LIMITS.slawBytes });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    throw new AppError('invalid_file', 'The file is not valid JSON', { reason: 'not_json' });
  }
  if (!isRecord(raw) || raw.format !== SLAW_FORMAT) {
    throw new AppError('invalid_file', 'The file is not an SLA Workshop agreement (.slaw)', { reason: 'not_slaw' });
  }
  const version = raw.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new AppError('invalid_file', 'The file has no valid schemaVersion', { reason: 'bad_schema_version' });
  }
  if (version > SLAW_SCHEMA_VERSION) {
    throw new AppError('unsupported_version', `The file uses schema version ${version}; this app reads up to ${SLAW_SCHEMA_VERSION}`, {
      found: version,
      supported: SLAW_SCHEMA_VERSION,
    });
  }
  // Files older than the top-level `actuals` had none there (a version-2 file's actuals come out of its
  // agreement); one there is a field that version did not have, refused like any unknown field.
  if (version < TOP_LEVEL_ACTUALS_SINCE && 'actuals' in raw) {
    throw new AppError('invalid_file', `The file does not match the agreement format at (root) (unrecognized_keys)`, { reason: 'schema' }, [
      { path: '', code: 'unrecognized_keys', params: { keys: 'actuals' } },
    ]);
  }
  const carried = version < TOP_LEVEL_ACTUALS_SINCE ? [] : raw.actuals;
  const { agreement, actuals } = migrateModel({ agreement: raw.agreement, actuals: carried }, version, { to: SLAW_SCHEMA_VERSION });
  const parsed = slawEnvelopeSchema.safeParse({ ...raw, schemaVersion: SLAW_SCHEMA_VERSION, agreement, actuals });
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error);
    const first = issues[0];
    throw new AppError(
      'invalid_file',
      `The file does not match the agreement format${first ? ` at ${first.path || '(root)'} (${first.code})` : ''}`,
      { reason: 'schema' },
      issues,
    );
  }
  return parsed.data;
}
