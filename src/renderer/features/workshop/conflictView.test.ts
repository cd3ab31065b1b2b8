import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../shared/i18n';
import { agreementMergeRules, type MergeConflict } from '../../../shared/merge/agreement';
import { isPlainObject, type MergePath } from '../../../shared/merge/paths';
import { createExample } from '../../../shared/model/example';
import { LIMITS } from '../../../shared/model/limits';
import { describeConflict, decisionFor, textLimit } from './conflictView';

const example = {
  ...createExample('es', new Date('2026-03-01T10:00:00Z')),
  actuals: [
    {
      month: '2026-04',
      leads: 480,
      mqls: 190,
      sqls: 90,
      opportunities: 30,
      customers: 12,
      revenue: 150000,
      medianHoursToFirstContact: 5,
      pctContactedWithinSla: 88,
    },
  ],
};
const sides = { mine: example, theirs: example };

/** Every field a person can edit, with its path as the merge names it. */
function leaves(): { path: MergePath; value: unknown }[] {
  const found: { path: MergePath; value: unknown }[] = [];
  const walk = (node: unknown, path: MergePath, pattern: string) => {
    if (agreementMergeRules.serverOwned(pattern)) return;
    if (Array.isArray(node)) {
      const key = agreementMergeRules.listKey(pattern);
      const keyed = key !== null && node.every((item) => isPlainObject(item) && typeof item[key] === 'string');
      if (keyed && node.length > 0) for (const item of node.slice(0, 1)) walk(item, [...path, { key: (item as Record<string, string>)[key]! }], pattern);
      else found.push({ path, value: node });
      return;
    }
    if (isPlainObject(node)) for (const [k, v] of Object.entries(node)) walk(v, [...path, k], pattern ? `${pattern}.${k}` : k);
    else if (!pattern.endsWith('.id') && pattern !== 'goals.targets.stageId') found.push({ path, value: node });
  };
  walk(example, [], '');
  return found;
}

describe.each(['en', 'es'] as const)('a conflict as the dialog shows it (%s)', (lang) => {
  const t = createTranslator(lang);

  it('names every field a person can edit in words, never with a raw message key', () => {
    for (const { path, value } of leaves()) {
      const view = describeConflict({ path, kind: 'value', base: value, mine: value, theirs: value }, t, lang, sides);
      expect(view.label, JSON.stringify(path)).not.toMatch(/\b(changes|workshop|common)\.[a-zA-Z]/);
      expect(view.label.split(' › ').length, JSON.stringify(path)).toBeGreaterThan(1);
    }
  });

  it('shows both texts, and offers to combine them with both already in the box', () => {
    const stage = example.lifecycle.stages[1]!;
    const conflict: MergeConflict = {
      path: ['lifecycle', 'stages', { key: stage.id }, 'definition'],
      kind: 'value',
      base: stage.definition,
      mine: 'Mía',
      theirs: 'Suya',
    };
    const view = describeConflict(conflict, t, lang, sides);
    expect(view.label).toContain(stage.name);
    expect(view).toMatchObject({ mine: 'Mía', theirs: 'Suya', combine: { initial: 'Mía\n\nSuya', maxLength: LIMITS.longText, multiline: true } });
    expect(decisionFor(view, 'combined', 'Mía y suya')).toEqual({ take: 'combined', value: 'Mía y suya' });
    expect(decisionFor(view, 'combined', undefined)).toEqual({ take: 'combined', value: 'Mía\n\nSuya' });
    expect(decisionFor(view, 'theirs', undefined)).toEqual({ take: 'theirs' });
  });

  it('joins a short text on one line within its limit', () => {
    const view = describeConflict({ path: ['meta', 'title'], kind: 'value', base: 'A', mine: 'B', theirs: 'C' }, t, lang, sides);
    expect(view.combine).toMatchObject({ initial: 'B / C', maxLength: LIMITS.shortText, multiline: false });
  });

  it('shows numbers and choices in words, and never offers to combine them', () => {
    const number = describeConflict({ path: ['goals', 'calculator', 'revenueGoal'], kind: 'value', base: 1, mine: 250000, theirs: null }, t, lang, sides);
    expect(number).toMatchObject({ mine: new Intl.NumberFormat(lang).format(250000), theirs: t('changes.empty'), combine: null });
    const choice = describeConflict(
      { path: ['handoff', 'routing'], kind: 'value', base: 'other', mine: 'round-robin', theirs: 'crm-assignment' },
      t,
      lang,
      sides,
    );
    expect(choice).toMatchObject({
      mine: t('steps.handoff.routingOptions.round-robin'),
      theirs: t('steps.handoff.routingOptions.crm-assignment'),
      combine: null,
    });
    const stage = describeConflict(
      { path: ['handoff', 'stageId'], kind: 'value', base: null, mine: example.lifecycle.stages[2]!.id, theirs: example.lifecycle.stages[1]!.id },
      t,
      lang,
      sides,
    );
    expect(stage).toMatchObject({ mine: example.lifecycle.stages[2]!.name, combine: null });
  });

  it('offers every line of both agenda versions, one per line, to combine', () => {
    const view = describeConflict({ path: ['cadence', 'agenda'], kind: 'value', base: ['a'], mine: ['a', 'b'], theirs: ['a', 'c'] }, t, lang, sides);
    expect(view.combine?.initial).toBe('a\nb\nc');
    expect(view.combine?.toValue(' a \n\nb\nd ')).toEqual(['a', 'b', 'd']);
  });

  it('names the items of a list that had to be compared as a whole', () => {
    const [a, b] = example.kpis;
    const view = describeConflict({ path: ['kpis'], kind: 'value', base: [a], mine: [a, a], theirs: [b] }, t, lang, sides);
    expect(view).toMatchObject({ mine: `${a!.name}\n${a!.name}`, theirs: b!.name, combine: null });
  });

  it('describes a removed item by its name on each side', () => {
    const persona = example.icp.personas[0]!;
    const view = describeConflict(
      { path: ['icp', 'personas', { key: persona.id }], kind: 'removedHere', base: persona, mine: undefined, theirs: { ...persona, pains: 'x' } },
      t,
      lang,
      sides,
    );
    expect(view).toMatchObject({ mine: t('workshop.conflict.removedHere'), theirs: t('workshop.conflict.changedItem', { name: persona.name }), combine: null });
    expect(view.label).toContain(persona.name);
  });
});

describe('how long a combined text may be', () => {
  it('follows the schema of each field', () => {
    expect(textLimit('notes.icp')).toBe(LIMITS.longText);
    expect(textLimit('participants.name')).toBe(LIMITS.shortText);
    expect(textLimit('protocol.rejection.reasons')).toBe(LIMITS.shortText);
    expect(textLimit('goals.calculator.revenueGoal')).toBeNull();
    expect(textLimit('participants.email')).toBeNull();
  });
});
