import type { UnreadableProblem } from '../../shared/api/contract';
import { agreementSchema, type Agreement } from '../../shared/model/schema';
import { signatureProblem } from './signing/integrity';

/**
 * Whether one stored agreement can still be trusted, from the bytes on disk. SQLite's integrity_check
 * looks at pages, not at what they say: bytes changed inside a row's JSON pass it. So every row is read
 * as bytes and must be valid UTF-8 (no byte silently replaced), valid JSON, valid against the model, and —
 * for a signed version — its content must still hash to the fingerprint its signatures carry (signing
 * froze it, so any change since is damage, not an edit).
 *
 * A change that keeps all of that true (a letter changed inside a draft's text) cannot be told from an
 * edit without a checksum stored beside each row; see docs/ARCHITECTURE.md.
 */

export type StoredVerdict = { ok: true; agreement: Agreement } | { ok: false; problem: UnreadableProblem };

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function checkStoredAgreement(bytes: Uint8Array, expectedId?: string): StoredVerdict {
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
  const parsed = agreementSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problem: 'schema' };
  const agreement = parsed.data;
  if (expectedId !== undefined && agreement.meta.id !== expectedId) return { ok: false, problem: 'schema' };
  // The same check signing, export and import use (signing/integrity.ts).
  if (signatureProblem(agreement) !== null) return { ok: false, problem: 'fingerprint' };
  return { ok: true, agreement };
}
