import { coversTerms } from '../signing/canonicalForms';
import type { KeysUnder, TranslationKey } from '../i18n';
import type { AgreementPath } from './paths';
import { STEP_IDS, type Agreement, type StepId } from './schema';

/** Where a field lives in the agreement; typed from the model (see paths.ts). */
export type FieldPath = AgreementPath;

/** One thing still missing: an i18n key (namespace `missing`), its parameters and the field to focus. */
export interface MissingItem {
  key: TranslationKey;
  path: FieldPath;
  params?: Record<string, string | number>;
}

export interface StepCompleteness {
  step: StepId;
  missing: MissingItem[];
  complete: boolean;
}

export interface Completeness {
  steps: StepCompleteness[];
  complete: boolean;
  missingCount: number;
}

const blank = (s: string): boolean => s.trim().length === 0;

type Checker = (a: Agreement, miss: (key: KeysUnder<'missing'>, path: FieldPath, params?: MissingItem['params']) => void) => void;

const checks: Record<StepId, Checker> = {
  participants(a, miss) {
    if (a.participants.length === 0) miss('participants.none', ['participants']);
    const signingLeader = (team: string) => a.participants.some((p) => p.team === team && p.role === 'leader' && p.mustSign);
    if (!signingLeader('marketing')) miss('participants.marketingLeader', ['participants']);
    if (!signingLeader('sales')) miss('participants.salesLeader', ['participants']);
    a.participants.forEach((p, i) => {
      const n = i + 1;
      if (blank(p.name)) miss('participants.name', ['participants', i, 'name'], { n });
      if (p.mustSign && blank(p.jobTitle)) miss('participants.jobTitle', ['participants', i, 'jobTitle'], { n, name: p.name });
    });
  },
  icp(a, miss) {
    const c = a.icp.company;
    for (const field of ['industry', 'description', 'competition', 'challenges', 'goals'] as const) {
      if (blank(c[field])) miss(`icp.${field}`, ['icp', 'company', field]);
    }
    if (a.icp.personas.length === 0) miss('icp.persona', ['icp', 'personas']);
    a.icp.personas.forEach((p, i) => {
      for (const field of ['name', 'role', 'priorities', 'pains'] as const) {
        if (blank(p[field])) miss(`icp.persona_${field}`, ['icp', 'personas', i, field], { n: i + 1, name: p.name });
      }
    });
  },
  lifecycle(a, miss) {
    for (const key of ['lead', 'mql', 'sql'] as const) {
      if (!a.lifecycle.stages.some((s) => s.key === key)) miss(`lifecycle.stage_${key}`, ['lifecycle', 'stages']);
    }
    a.lifecycle.stages.forEach((s, i) => {
      const params = { n: i + 1, name: s.name };
      if (blank(s.name)) miss('lifecycle.name', ['lifecycle', 'stages', i, 'name'], params);
      if (blank(s.definition)) miss('lifecycle.definition', ['lifecycle', 'stages', i, 'definition'], params);
      if (blank(s.entryCriteria)) miss('lifecycle.entryCriteria', ['lifecycle', 'stages', i, 'entryCriteria'], params);
    });
    for (const c of ['authority', 'need', 'understanding', 'fit'] as const) {
      if (blank(a.lifecycle.sqlCriteria[c])) miss(`lifecycle.criterion_${c}`, ['lifecycle', 'sqlCriteria', c]);
    }
  },
  goals(a, miss) {
    a.lifecycle.stages.forEach((s) => {
      if (s.optional) return;
      const index = a.goals.targets.findIndex((t) => t.stageId === s.id);
      if (index < 0 || a.goals.targets[index]?.monthly == null) {
        miss('goals.target', ['goals', 'targets', index < 0 ? a.goals.targets.length : index, 'monthly'], { name: s.name });
      }
    });
    if (blank(a.goals.basis)) miss('goals.basis', ['goals', 'basis']);
    if (blank(a.goals.reviewMeeting.description)) miss('goals.reviewMeeting', ['goals', 'reviewMeeting', 'description']);
  },
  handoff(a, miss) {
    const h = a.handoff;
    if (h.stageId === null || !a.lifecycle.stages.some((s) => s.id === h.stageId)) miss('handoff.stage', ['handoff', 'stageId']);
    if (blank(h.trigger)) miss('handoff.trigger', ['handoff', 'trigger']);
    if (h.acceptWindowHours === null) miss('handoff.acceptWindow', ['handoff', 'acceptWindowHours']);
    if (blank(h.owner)) miss('handoff.owner', ['handoff', 'owner']);
  },
  protocol(a, miss) {
    const p = a.protocol;
    if (p.firstContactBusinessHours === null) miss('protocol.firstContact', ['protocol', 'firstContactBusinessHours']);
    if (p.contactAttempts === null) miss('protocol.attempts', ['protocol', 'contactAttempts']);
    if (p.attemptWindowDays === null) miss('protocol.attemptWindow', ['protocol', 'attemptWindowDays']);
    if (p.channels.length === 0) miss('protocol.channels', ['protocol', 'channels']);
    if (blank(p.closedLoop.report)) miss('protocol.closedLoop', ['protocol', 'closedLoop', 'report']);
    if (p.rejection.reasons.length === 0) miss('protocol.rejectionReasons', ['protocol', 'rejection', 'reasons']);
    if (blank(p.rejection.recycling)) miss('protocol.recycling', ['protocol', 'rejection', 'recycling']);
    if (!p.commitments.some((c) => c.team === 'marketing')) miss('protocol.marketingCommitment', ['protocol', 'commitments']);
    if (!p.commitments.some((c) => c.team === 'sales')) miss('protocol.salesCommitment', ['protocol', 'commitments']);
    // A range that cannot hold ("at least 400, at most 200") is not a commitment anyone can meet.
    p.commitments.forEach((c, i) => {
      if (c.min !== null && c.max !== null && c.min > c.max)
        miss('protocol.commitmentRange', ['protocol', 'commitments', i, 'max'], { n: i + 1, name: c.description.trim() || String(i + 1) });
    });
  },
  kpis(a, miss) {
    if (a.kpis.length === 0) miss('kpis.none', ['kpis']);
    a.kpis.forEach((k, i) => {
      const params = { n: i + 1, name: k.name };
      for (const field of ['name', 'definition', 'formula', 'dataSource'] as const) {
        if (blank(k[field])) miss(`kpis.${field}`, ['kpis', i, field], params);
      }
      if (k.target === null) miss('kpis.target', ['kpis', i, 'target'], params);
    });
  },
  cadence(a, miss) {
    if (a.cadence.firstReviewDate === null) miss('cadence.firstReviewDate', ['cadence', 'firstReviewDate']);
    if (a.cadence.participantIds.length === 0) miss('cadence.participants', ['cadence', 'participantIds']);
    if (a.cadence.agenda.filter((item) => !blank(item)).length === 0) miss('cadence.agenda', ['cadence', 'agenda']);
    // The clauses (the step's "Terms" part). Amendment notes and the confidentiality text are optional. A version
    // whose signing began before the terms existed (canonical form 1) is finished without them: its remaining
    // signers sign what the first one did, and the terms can no longer be part of it.
    if (!coversTerms(a)) return;
    const terms = a.terms;
    if (terms.effectiveDate === null) miss('cadence.effectiveDate', ['terms', 'effectiveDate']);
    if (terms.term === null) miss('cadence.term', ['terms', 'term']);
    else if (terms.term === 'months' && terms.termMonths === null) miss('cadence.termMonths', ['terms', 'termMonths']);
    if (blank(terms.escalation.to)) miss('cadence.escalationTo', ['terms', 'escalation', 'to']);
    if (terms.escalation.withinDays === null) miss('cadence.escalationDays', ['terms', 'escalation', 'withinDays']);
    if (blank(terms.escalation.remedy)) miss('cadence.escalationRemedy', ['terms', 'escalation', 'remedy']);
    if (terms.confidentiality.required === null) miss('cadence.confidentiality', ['terms', 'confidentiality', 'required']);
  },
};

/** What is still missing, step by step. Keys live under the `missing` namespace of the locale files. */
export function checkCompleteness(agreement: Agreement): Completeness {
  const steps = STEP_IDS.map((step): StepCompleteness => {
    const missing: MissingItem[] = [];
    checks[step](agreement, (key, path, params) => missing.push(params ? { key: `missing.${key}`, path, params } : { key: `missing.${key}`, path }));
    return { step, missing, complete: missing.length === 0 };
  });
  const missingCount = steps.reduce((n, s) => n + s.missing.length, 0);
  return { steps, complete: missingCount === 0, missingCount };
}
