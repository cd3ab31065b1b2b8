import type { Agreement } from '../model/schema';
import { CANONICAL_VERSION } from '../model/version';

/**
 * What a signature covers, per canonical version. A version's fingerprint is SHA-256 over the canonical JSON
 * of `CANONICAL_FORMS[v](agreement)`, where `v` is the canonical version its first signature recorded — so a
 * contract signed years ago is hashed exactly as it was then, whatever the model has become since.
 *
 * Each form is a WHITELIST of fields (a frozen shape, not the live zod schema): a field the model gains later
 * is not silently added to old fingerprints. Rules (docs/FORMAT.md, "Fingerprints across migrations"):
 * - a model change that adds something a signature must cover adds form N + 1 and bumps CANONICAL_VERSION;
 *   versions signed before keep their form;
 * - a migration that renames or reshapes a field an older form covers must change that form to project the
 *   new shape back to the old one (the committed signed fixtures prove it: test/model-fixtures*.test.ts);
 * - a published form is never otherwise edited.
 */

/** A whole value (`true`), an object's covered fields, or a list whose items have the given shape. */
export type Shape = true | { readonly [key: string]: Shape } | readonly [Shape];

/** Thrown when data lacks a field its form covers: a migration reshaped it without projecting it back. */
export class CanonicalFormError extends Error {
  constructor(path: string) {
    super(`The canonical form needs ${path}, which the agreement does not have`);
    this.name = 'CanonicalFormError';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keeps exactly the fields `shape` names, at every depth. */
export function project(value: unknown, shape: Shape, path = '$'): unknown {
  if (shape === true) return value;
  if (Array.isArray(shape)) {
    if (!Array.isArray(value)) throw new CanonicalFormError(path);
    const item = shape[0] as Shape;
    return value.map((v, i) => project(v, item, `${path}[${i}]`));
  }
  if (!isObject(value)) throw new CanonicalFormError(path);
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(shape)) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) throw new CanonicalFormError(`${path}.${key}`);
    out[key] = project(value[key], inner, `${path}.${key}`);
  }
  return out;
}

const fields = <K extends string>(...keys: K[]): Record<K, true> => Object.fromEntries(keys.map((k) => [k, true])) as Record<K, true>;

/**
 * Canonical version 1 (every signature made before model version 3, and since): the agreement as the
 * document presents it. Left out on purpose: the signatures themselves, the status and last-edit time (they
 * change by signing), the facilitator's agenda and private notes (workshop aids that never reach the
 * document) and monthly actuals (entered after signing, kept beside the agreement since model version 3).
 */
export const CANONICAL_V1_SHAPE = {
  meta: fields('id', 'title', 'company', 'language', 'currency', 'version', 'amendsId', 'createdAt'),
  participants: [fields('id', 'name', 'jobTitle', 'team', 'email', 'role', 'mustSign')],
  icp: {
    company: fields('industry', 'size', 'region', 'revenueBand', 'description', 'competition', 'challenges', 'goals'),
    personas: [fields('id', 'name', 'demographics', 'role', 'priorities', 'pains', 'goals', 'notes')],
  },
  lifecycle: {
    stages: [fields('id', 'key', 'name', 'definition', 'owner', 'entryCriteria', 'optional')],
    sqlCriteria: fields('authority', 'need', 'understanding', 'fit'),
  },
  goals: {
    targets: [fields('stageId', 'monthly')],
    basis: true,
    reviewMeeting: fields('dayOfMonth', 'description'),
    calculator: {
      revenueGoal: true,
      averageDealSize: true,
      rates: fields('leadToMql', 'mqlToSql', 'sqlToOpportunity', 'opportunityToCustomer'),
    },
  },
  handoff: fields('stageId', 'trigger', 'routing', 'routingDetails', 'acceptWindowHours', 'owner'),
  protocol: {
    ...fields('firstContactBusinessHours', 'contactAttempts', 'attemptWindowDays', 'channels'),
    closedLoop: fields('report', 'frequency'),
    rejection: fields('reasons', 'recycling'),
    commitments: [fields('id', 'team', 'description', 'min', 'max', 'unit')],
  },
  kpis: [fields('id', 'catalogKey', 'name', 'definition', 'formula', 'target', 'unit', 'frequency', 'dataSource', 'owner')],
  cadence: fields('months', 'highGrowth', 'firstReviewDate', 'participantIds', 'agenda'),
  decisions: [fields('id', 'date', 'text', 'owner')],
  parkingLot: [fields('id', 'createdAt', 'text', 'resolved')],
} as const satisfies Shape;

/** Canonical version → the content it covers, computed from an agreement of the CURRENT model. */
export const CANONICAL_FORMS: Readonly<Record<number, (agreement: Agreement) => unknown>> = {
  1: (agreement) => project(agreement, CANONICAL_V1_SHAPE),
};

/** The canonical version a version's fingerprint uses: its first signature's, or the current one before signing. */
export function canonicalVersionOf(agreement: Pick<Agreement, 'signatures'>): number {
  return agreement.signatures[0]?.canonicalVersion ?? CANONICAL_VERSION;
}

/** The content canonical version `version` covers; throws for a version this app does not know. */
export function canonicalContent(agreement: Agreement, version: number): unknown {
  const form = CANONICAL_FORMS[version];
  if (!form) throw new RangeError(`Unknown canonical version ${version}`);
  return form(agreement);
}
