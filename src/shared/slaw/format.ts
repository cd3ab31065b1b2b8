import { z } from 'zod';
import { AppError, issuesFromZod } from '../api/errors';
import { LIMITS } from '../model/limits';
import { agreementSchema, type Agreement } from '../model/schema';
import { migrateSlaw } from './migrations';

export const SLAW_FORMAT = 'sla-workshop';
export const SLAW_SCHEMA_VERSION = 2;
export const SLAW_EXTENSION = '.slaw';

export const slawEnvelopeSchema = z.strictObject({
  format: z.literal(SLAW_FORMAT),
  schemaVersion: z.literal(SLAW_SCHEMA_VERSION),
  exportedAt: z.iso.datetime({ offset: true }),
  appVersion: z.string().max(50),
  agreement: agreementSchema,
});
export type SlawEnvelope = z.infer<typeof slawEnvelopeSchema>;

export function serializeSlaw(agreement: Agreement, appVersion: string, now: Date = new Date()): string {
  const envelope: SlawEnvelope = { format: SLAW_FORMAT, schemaVersion: SLAW_SCHEMA_VERSION, exportedAt: now.toISOString(), appVersion, agreement };
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
  const migrated = migrateSlaw(raw, version);
  const parsed = slawEnvelopeSchema.safeParse(migrated);
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error);
    const first = issues[0];
    throw new AppError('invalid_file', `The file does not match the agreement format${first ? ` at ${first.path || '(root)'} (${first.code})` : ''}`, { reason: 'schema' }, issues);
  }
  return parsed.data;
}
