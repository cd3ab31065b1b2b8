import canonicalize from 'canonicalize';
import type { Agreement } from '../model/schema';

/**
 * What a signature covers: the agreement as the document presents it. Left out on purpose: the signatures
 * themselves, the status and last-edit time (they change by signing), the facilitator's agenda and private
 * notes (workshop aids that never reach the document) and monthly actuals (entered after signing).
 */
export interface SignedContent {
  meta: Pick<Agreement['meta'], 'id' | 'title' | 'company' | 'language' | 'currency' | 'version' | 'amendsId' | 'createdAt'>;
  participants: Agreement['participants'];
  icp: Agreement['icp'];
  lifecycle: Agreement['lifecycle'];
  goals: Agreement['goals'];
  handoff: Agreement['handoff'];
  protocol: Agreement['protocol'];
  kpis: Agreement['kpis'];
  cadence: Agreement['cadence'];
  decisions: Agreement['decisions'];
  parkingLot: Agreement['parkingLot'];
}

export function signedContent(agreement: Agreement): SignedContent {
  const { id, title, company, language, currency, version, amendsId, createdAt } = agreement.meta;
  return {
    meta: { id, title, company, language, currency, version, amendsId, createdAt },
    participants: agreement.participants,
    icp: agreement.icp,
    lifecycle: agreement.lifecycle,
    goals: agreement.goals,
    handoff: agreement.handoff,
    protocol: agreement.protocol,
    kpis: agreement.kpis,
    cadence: agreement.cadence,
    decisions: agreement.decisions,
    parkingLot: agreement.parkingLot,
  };
}

/**
 * Text is normalized before hashing so that the same words always give the same fingerprint: lone UTF-16
 * surrogates become U+FFFD (RFC 8785 cannot encode them), then Unicode NFC, then CRLF/CR line ends → LF.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function normalizeText(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD').normalize('NFC').replace(/\r\n?/g, '\n');
}

function normalizeValue(value: unknown): unknown {
  if (typeof value === 'string') return normalizeText(value);
  if (Array.isArray(value)) return value.map(normalizeValue);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [normalizeText(k), normalizeValue(v)]));
  }
  return value;
}

/**
 * The canonical form of any JSON value: normalized text, then RFC 8785 (JSON Canonicalization Scheme:
 * keys sorted by UTF-16 code units, no whitespace, ECMAScript number formatting).
 */
export function canonicalJsonOf(value: unknown): string {
  const text = canonicalize(normalizeValue(value));
  if (text === undefined) throw new Error('Value has no JSON form');
  return text;
}

/** The canonical serialization a version's fingerprint is computed from. */
export function canonicalAgreementJson(agreement: Agreement): string {
  return canonicalJsonOf(signedContent(agreement));
}
