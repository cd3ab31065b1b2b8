import canonicalize from 'canonicalize';
import type { Agreement } from '../model/schema';
import { CANONICAL_VERSION } from '../model/version';
import { canonicalContent, canonicalVersionOf } from './canonicalForms';

/** What the current canonical form covers (src/shared/signing/canonicalForms.ts). */
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

/** The content a new signature would cover (what the changes between two versions are measured on). */
export function signedContent(agreement: Agreement): SignedContent {
  return canonicalContent(agreement, CANONICAL_VERSION) as SignedContent;
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

/**
 * The canonical serialization a version's fingerprint is computed from: by default in the canonical version
 * its signatures recorded (the current one for a version nobody has signed yet).
 */
export function canonicalAgreementJson(agreement: Agreement, version: number = canonicalVersionOf(agreement)): string {
  return canonicalJsonOf(canonicalContent(agreement, version));
}
