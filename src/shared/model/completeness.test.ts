import { describe, expect, it } from 'vitest';
import { createTranslator } from '../i18n';
import { checkCompleteness } from './completeness';
import { createBlank } from './defaults';
import { createExample } from './example';
import { STEP_IDS } from './schema';
import type { TranslationKey } from '../i18n';

const keysOf = (a: ReturnType<typeof createBlank>, step: string) =>
  checkCompleteness(a)
    .steps.find((s) => s.step === step)
    ?.missing.map((m) => m.key) ?? [];

describe('checkCompleteness', () => {
  it('lists every step in order and marks a blank agreement incomplete everywhere', () => {
    const result = checkCompleteness(createBlank('en'));
    expect(result.steps.map((s) => s.step)).toEqual([...STEP_IDS]);
    expect(result.steps.every((s) => !s.complete)).toBe(true);
    expect(result.missingCount).toBeGreaterThan(20);
  });

  it('asks for a signing marketing leader and a signing sales leader', () => {
    const a = createExample('en');
    a.participants = a.participants.map((p) => (p.team === 'sales' ? { ...p, mustSign: false } : p));
    expect(keysOf(a, 'participants')).toEqual(['missing.participants.salesLeader']);
  });

  it('points at the field that is missing, with a path into the agreement', () => {
    const a = createExample('en');
    a.kpis[2] = { ...a.kpis[2]!, formula: '  ' };
    const item = checkCompleteness(a).steps.find((s) => s.step === 'kpis')?.missing[0];
    expect(item).toEqual({ key: 'missing.kpis.formula', path: ['kpis', 2, 'formula'], params: { n: 3, name: a.kpis[2]!.name } });
  });

  it('needs the clauses of the Terms part: effective date, term, escalation and a confidentiality decision', () => {
    const a = createExample('en');
    a.terms = {
      ...a.terms,
      effectiveDate: null,
      term: 'months',
      termMonths: null,
      escalation: { to: ' ', withinDays: null, remedy: '' },
      confidentiality: { required: null, text: '' },
    };
    expect(keysOf(a, 'cadence')).toEqual([
      'missing.cadence.effectiveDate',
      'missing.cadence.termMonths',
      'missing.cadence.escalationTo',
      'missing.cadence.escalationDays',
      'missing.cadence.escalationRemedy',
      'missing.cadence.confidentiality',
    ]);
    // "Until replaced" needs no number of months; amendment notes and the confidentiality text are optional.
    const b = createExample('es');
    b.terms = { ...b.terms, term: 'until-replaced', termMonths: null, amendmentNotes: '', confidentiality: { required: false, text: '' } };
    expect(keysOf(b, 'cadence')).toEqual([]);
    b.terms.term = null;
    expect(keysOf(b, 'cadence')).toEqual(['missing.cadence.term']);
  });

  it('does not ask for terms in a version whose signing began before they existed (canonical form 1)', () => {
    const a = createExample('en');
    a.terms = { ...a.terms, effectiveDate: null, term: null };
    const first = {
      id: 's1',
      participantId: a.participants[0]!.id,
      name: 'L',
      jobTitle: 'J',
      signedAt: '2026-01-02T10:00:00+01:00',
      image: 'data:image/png;base64,AAAA',
      device: 'd',
      fingerprint: 'a'.repeat(64),
    };
    a.signatures = [{ ...first, canonicalVersion: 1 }];
    expect(keysOf(a, 'cadence')).toEqual([]);
    a.signatures = [{ ...first, canonicalVersion: 2 }];
    expect(keysOf(a, 'cadence')).toEqual(['missing.cadence.effectiveDate', 'missing.cadence.term']);
  });

  it('needs the four SQL criteria', () => {
    const a = createExample('es');
    a.lifecycle.sqlCriteria = { ...a.lifecycle.sqlCriteria, need: '', fit: '' };
    expect(keysOf(a, 'lifecycle')).toEqual(['missing.lifecycle.criterion_need', 'missing.lifecycle.criterion_fit']);
  });

  it('does not require targets for optional stages', () => {
    const a = createExample('en');
    const optional = new Set(a.lifecycle.stages.filter((s) => s.optional).map((s) => s.id));
    a.goals.targets = a.goals.targets.map((t) => (optional.has(t.stageId) ? { ...t, monthly: null } : t));
    expect(keysOf(a, 'goals')).toEqual([]);
  });

  it('does not call a commitment whose minimum is above its maximum complete', () => {
    const a = createExample('en');
    const index = a.protocol.commitments.findIndex((c) => c.min !== null && c.max !== null);
    const commitment = a.protocol.commitments[index]!;
    expect(keysOf(a, 'protocol')).toEqual([]);
    a.protocol.commitments[index] = { ...commitment, min: 400, max: 200 };
    const item = checkCompleteness(a).steps.find((s) => s.step === 'protocol')?.missing;
    expect(item).toEqual([
      { key: 'missing.protocol.commitmentRange', path: ['protocol', 'commitments', index, 'max'], params: { n: index + 1, name: commitment.description } },
    ]);
    // Equal bounds are a fixed number, which is fine; one bound alone too.
    a.protocol.commitments[index] = { ...commitment, min: 200, max: 200 };
    expect(keysOf(a, 'protocol')).toEqual([]);
    a.protocol.commitments[index] = { ...commitment, min: 400, max: null };
    expect(keysOf(a, 'protocol')).toEqual([]);
  });

  it('has a translation in both languages for every key it can produce', () => {
    const keys = new Set<TranslationKey>();
    for (const a of [
      createBlank('en'),
      { ...createBlank('en'), participants: [{ id: 'x', name: '', jobTitle: '', team: 'sales' as const, email: '', role: 'leader' as const, mustSign: true }] },
    ]) {
      a.lifecycle.stages = [...a.lifecycle.stages, { ...a.lifecycle.stages[0]!, id: 'y', name: '', definition: '' }];
      a.kpis = [
        { id: 'k', catalogKey: null, name: '', definition: '', formula: '', target: null, unit: 'count', frequency: 'monthly', dataSource: '', owner: 'sales' },
      ];
      a.icp.personas = [{ id: 'p', name: '', demographics: '', role: '', priorities: '', pains: '', goals: '', notes: '' }];
      a.handoff.stageId = null;
      a.protocol.commitments = [{ id: 'c', team: 'sales', description: '', min: 5, max: 1, unit: 'per-month' }];
      for (const s of checkCompleteness(a).steps) for (const m of s.missing) keys.add(m.key);
    }
    for (const lang of ['en', 'es'] as const) {
      const t = createTranslator(lang);
      for (const key of keys) expect(t(key, { n: 1, name: 'X' }), `${lang}:${key}`).not.toBe(key);
    }
    expect(keys.size).toBeGreaterThan(25);
  });
});
