import type { Completeness, MissingItem } from '../../../../../shared/model/completeness';
import type { Agreement, StepId, Team } from '../../../../../shared/model/schema';
import { signingState, type SigningState } from '../../../../../shared/signing/signers';

/** Where a version stands, as the review page's header says it. */
export type ReviewStatus = 'draft' | 'awaiting' | 'signed' | 'superseded';

export function reviewStatus(agreement: Agreement, signing: SigningState = signingState(agreement)): ReviewStatus {
  if (agreement.meta.status === 'superseded') return 'superseded';
  if (agreement.meta.status === 'draft' && !signing.started) return 'draft';
  return signing.complete ? 'signed' : 'awaiting';
}

/** The two leader checks are shown as their own lines, so the open-points list leaves them out. */
const LEADER_KEYS = new Set(['missing.participants.marketingLeader', 'missing.participants.salesLeader']);

export interface SigningChecks {
  /** Open points per step, without the leader checks. */
  open: { step: StepId; items: MissingItem[] }[];
  openCount: number;
  /** Names of the leaders of each team who sign (empty: none, which blocks signing). */
  leaders: Record<Exclude<Team, 'other'>, string[]>;
  /** Nothing blocks the first signature. */
  ready: boolean;
}

export function signingChecks(agreement: Agreement, completeness: Completeness): SigningChecks {
  const open = completeness.steps
    .map((s) => ({ step: s.step, items: s.missing.filter((item) => !LEADER_KEYS.has(item.key)) }))
    .filter((s) => s.items.length > 0);
  const leadersOf = (team: Team) => agreement.participants.filter((p) => p.team === team && p.role === 'leader' && p.mustSign).map((p) => p.name.trim());
  return {
    open,
    openCount: open.reduce((n, s) => n + s.items.length, 0),
    leaders: { marketing: leadersOf('marketing'), sales: leadersOf('sales') },
    ready: completeness.complete,
  };
}

/** Why a pending signer cannot sign now, or null when they can. */
export type SignBlock = 'incomplete' | 'superseded' | null;

export function signBlock(agreement: Agreement, completeness: Completeness): SignBlock {
  if (agreement.meta.status === 'superseded') return 'superseded';
  return completeness.complete ? null : 'incomplete';
}

/** The step whose form holds a field, for links from a change to its field (meta fields live on Participants). */
export function stepOfPath(path: readonly (string | number)[], steps: readonly StepId[]): StepId | null {
  const [head] = path;
  if (head === 'meta') return 'participants';
  return steps.find((s) => s === head) ?? null;
}
