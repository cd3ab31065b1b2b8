import { DEFAULT_AGENDA_MINUTES } from '../model/agenda';
import { DEFAULT_CURRENCY } from '../model/defaults';

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Append-only list: entry `n` upgrades a file of schemaVersion `n` to `n + 1`. Each one only fills in what
 * the older format lacked; the strict schema check runs after the last step, so a migration never has to
 * validate. Never edit a published entry: add a new one and bump SLAW_SCHEMA_VERSION.
 */
export const SLAW_MIGRATIONS: Record<number, (file: Json) => Json> = {
  /** v1 → v2: agreements gained a currency and the workshop agenda (time box per step). */
  1(file) {
    const agreement = isRecord(file.agreement) ? file.agreement : {};
    const meta = isRecord(agreement.meta) ? agreement.meta : {};
    const language = meta.language === 'es' || meta.language === 'en' ? meta.language : 'en';
    return {
      ...file,
      schemaVersion: 2,
      agreement: {
        ...agreement,
        meta: { ...meta, currency: meta.currency ?? DEFAULT_CURRENCY[language] },
        agenda: agreement.agenda ?? { minutes: { ...DEFAULT_AGENDA_MINUTES } },
      },
    };
  },
};

export function migrateSlaw(file: Json, fromVersion: number): Json {
  let current = file;
  for (let v = fromVersion, step = SLAW_MIGRATIONS[v]; step; v += 1, step = SLAW_MIGRATIONS[v]) current = step(current);
  return current;
}
