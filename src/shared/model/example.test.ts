import { describe, expect, it } from 'vitest';
import { checkCompleteness } from './completeness';
import { createBlank } from './defaults';
import { createExample } from './example';
import { agreementSchema, LANGUAGES } from './schema';
import { totalAgendaMinutes } from './agenda';

describe.each(LANGUAGES)('the example agreement in %s', (lang) => {
  const example = createExample(lang, new Date('2026-11-28T10:00:00Z'));

  it('is valid against the strict schema and complete', () => {
    expect(agreementSchema.safeParse(example).success).toBe(true);
    const result = checkCompleteness(example);
    expect(result.steps.filter((s) => !s.complete)).toEqual([]);
    expect(result.complete).toBe(true);
  });

  it('uses the methodology numbers', () => {
    const byKey = Object.fromEntries(example.lifecycle.stages.map((s) => [s.key, s.id]));
    const target = (key: string) => example.goals.targets.find((t) => t.stageId === byKey[key])?.monthly;
    expect([target('lead'), target('mql'), target('sql')]).toEqual([500, 200, 100]);
    const commitments = example.protocol.commitments.map((c) => [c.min, c.max, c.unit]);
    expect(commitments).toContainEqual([200, 400, 'per-month']);
    expect(commitments).toContainEqual([150, 200, 'per-month']);
    expect(commitments).toContainEqual([8, null, 'percent']);
    expect(commitments).toContainEqual([15, null, 'per-month']);
    expect(example.cadence.months).toBe(6);
  });

  it('has a signing marketing leader and a signing sales leader', () => {
    const leaders = example.participants.filter((p) => p.role === 'leader' && p.mustSign).map((p) => p.team);
    expect(leaders).toEqual(expect.arrayContaining(['marketing', 'sales']));
  });

  it('says its money in the agreement currency and its review day once', () => {
    const currencySymbol = example.meta.currency === 'USD' ? '$' : '€';
    const otherSymbol = currencySymbol === '$' ? '€' : '$';
    const text = JSON.stringify({ icp: example.icp, goals: example.goals, protocol: example.protocol });
    expect(text).toContain(currencySymbol);
    expect(text).not.toContain(otherSymbol);
    // The day is the meeting's own field; the description must not name another day.
    expect(example.goals.reviewMeeting.description).not.toMatch(/\d|tuesday|martes|monday|lunes|first|primer/i);
  });

  it('is written in its own language', () => {
    expect(example.meta.language).toBe(lang);
    const sql = example.lifecycle.stages.find((s) => s.key === 'sql');
    expect(sql?.name).toMatch(lang === 'es' ? /calificado por ventas/ : /Sales Qualified/);
  });
});

describe('a blank agreement', () => {
  const blank = createBlank('en');

  it('starts with the five default stages, SQL, Opportunity and Customer owned by sales', () => {
    expect(blank.lifecycle.stages.map((s) => [s.key, s.owner, s.optional])).toEqual([
      ['lead', 'marketing', false],
      ['mql', 'marketing', false],
      ['sql', 'sales', false],
      ['opportunity', 'sales', true],
      ['customer', 'sales', true],
    ]);
  });

  it('reviews every 6 months, has a three-hour agenda and a draft status', () => {
    expect(blank.cadence.months).toBe(6);
    expect(totalAgendaMinutes(blank.agenda.minutes)).toBe(180);
    expect(blank.meta.status).toBe('draft');
    expect(agreementSchema.safeParse(blank).success).toBe(true);
  });

  it('hands off at the SQL stage by default', () => {
    expect(blank.handoff.stageId).toBe(blank.lifecycle.stages.find((s) => s.key === 'sql')?.id);
  });
});

describe('the schema', () => {
  it('rejects unknown fields, oversized text and wrong types', () => {
    const a = createBlank('en');
    expect(agreementSchema.safeParse({ ...a, extra: 1 }).success).toBe(false);
    expect(agreementSchema.safeParse({ ...a, icp: { ...a.icp, company: { ...a.icp.company, description: 'x'.repeat(20_001) } } }).success).toBe(false);
    expect(agreementSchema.safeParse({ ...a, kpis: 'none' }).success).toBe(false);
    expect(agreementSchema.safeParse({ ...a, goals: { ...a.goals, calculator: { ...a.goals.calculator, revenueGoal: -5 } } }).success).toBe(false);
  });
});
