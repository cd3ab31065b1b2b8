import type { UnreadableProblem } from '../../shared/api/contract';
import type { MonthlyActuals } from '../../shared/model/actuals';
import { upgradeStoredAgreement } from '../../shared/model/migrations';
import type { Agreement } from '../../shared/model/schema';
import { MODEL_VERSION } from '../../shared/model/version';
import { signatureProblem } from './signing/integrity';

/**
 * Whether one stored agreement can still be trusted, from the bytes on disk. SQLite's integrity_check
 * looks at pages, not at what they say: bytes changed inside a row's JSON pass it. So every row is read
 * as bytes and must be valid UTF-8 (no byte silently replaced), valid JSON, valid against the model, and —
 * for a signed version — its content must still hash to the fingerprint its signatures carry (signing
 * froze it, so any change since is damage, not an edit).
 *
 * A row written in an older model version (a backup taken before an upgrade) is read through the same
 * migration list as a `.slaw` file, so it is as readable as it was; a row from a newer model is not damaged,
 * but this app cannot read it (`newer_model`).
 *
 * A change that keeps all of that true (a letter changed inside a draft's text) cannot be told from an
 * edit without a checksum stored beside each row; see docs/ARCHITECTURE.md.
 */

export type StoredVerdict =
  /** `actuals`: the months an upgrade took out of an older row (they belong to its lineage). */
  { ok: true; agreement: Agreement; actuals: MonthlyActuals[] } | { ok: false; problem: UnreadableProblem };

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function checkStoredAgreement(bytes: Uint8Array, expectedId?: string, modelVersion: number = MODEL_VERSION): StoredVerdict {
  if (modelVersion > MODEL_VERSION) return { ok: false, problem: 'newer_model' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, problem: 'not_utf8' };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'not_json' };
  }
  let upgraded: { agreement: Agreement; actuals: MonthlyActuals[] };
  try {
    upgraded = upgradeStoredAgreement(json, modelVersion);
  } catch {
    return { ok: false, problem: 'schema' };
  }
  const { agreement, actuals } = upgraded;
  if (expectedId !== undefined && agreement.meta.id !== expectedId) return { ok: false, problem: 'schema' };
  // The same check signing, export and import use (signing/integrity.ts).
  if (signatureProblem(agreement) !== null) return { ok: false, problem: 'fingerprint' };
  return { ok: true, agreement, actuals };
}
