import type { TFunction } from 'i18next';
import { z } from 'zod';
import { agreementValueAt, TEXT_LISTS, type Decision, type MergeConflict } from '../../../shared/merge/agreement';
import { isPlainObject, pathKey, pathPattern } from '../../../shared/merge/paths';
import { agreementSchema, type Agreement } from '../../../shared/model/schema';
import { translateIfKnown } from '../../../shared/i18n';

/** One conflicting field as the dialog shows it: its label, both sides in words, and whether to combine. */
export interface ConflictView {
  key: string;
  kind: MergeConflict['kind'];
  label: string;
  mine: string;
  theirs: string;
  /** Text fields (and lists of lines) can be combined in an editable box; numbers and choices cannot. */
  combine: { initial: string; maxLength: number; multiline: boolean; toValue(text: string): unknown } | null;
}

/** Lists whose items are known by this field, in labels and in "removed" choices. */
const ITEM_NAME: Record<string, string> = {
  participants: 'name',
  'icp.personas': 'name',
  'lifecycle.stages': 'name',
  'protocol.commitments': 'description',
  kpis: 'name',
  decisions: 'text',
  parkingLot: 'text',
  actuals: 'month',
};

/** Fields holding a code rather than words, and where their words are. */
const VALUE_KEYS: Record<string, string> = {
  'meta.language': 'common.language',
  'participants.team': 'common.teams',
  'participants.role': 'steps.participants.roles',
  'lifecycle.stages.owner': 'common.teams',
  'handoff.routing': 'steps.handoff.routingOptions',
  'protocol.closedLoop.frequency': 'steps.protocol.frequencies',
  'protocol.commitments.team': 'common.teams',
  'protocol.commitments.unit': 'steps.protocol.units',
  'kpis.unit': 'steps.kpis.units',
  'kpis.frequency': 'steps.kpis.frequencies',
  'kpis.owner': 'common.teams',
};

/** The schema of the field a pattern names, to know how long its text may be. */
function fieldSchema(pattern: string): z.ZodType | null {
  let node: z.ZodType = agreementSchema;
  for (const part of pattern.split('.')) {
    while (node instanceof z.ZodNullable || node instanceof z.ZodArray)
      node = node instanceof z.ZodNullable ? (node.unwrap() as z.ZodType) : (node.element as z.ZodType);
    if (!(node instanceof z.ZodObject)) return null;
    const next = (node.shape as Record<string, z.ZodType>)[part];
    if (!next) return null;
    node = next;
  }
  return node;
}

export function textLimit(pattern: string): number | null {
  let schema = fieldSchema(pattern);
  if (schema instanceof z.ZodArray) schema = schema.element as z.ZodType;
  return schema instanceof z.ZodString ? (schema.maxLength ?? null) : null;
}

function itemName(pattern: string, item: unknown, names: Map<string, string>): string {
  if (!isPlainObject(item)) return '';
  if (pattern === 'goals.targets') return names.get(String(item.stageId)) ?? '';
  const value = item[ITEM_NAME[pattern] ?? 'name'];
  return typeof value === 'string' ? value : '';
}

/** Where a conflict is, in words: "Lifecycle stages › “MQL” › Definition". */
export function conflictLabel(conflict: MergeConflict, t: TFunction, sides: { mine: Agreement; theirs: Agreement }): string {
  const names = new Map<string, string>();
  for (const side of [sides.mine, sides.theirs]) for (const stage of side.lifecycle.stages) names.set(stage.id, stage.name);
  const [section] = conflict.path;
  const parts = [
    translateIfKnown(t, `changes.section.${String(section)}`, '') || translateIfKnown(t, `workshop.conflict.section.${String(section)}`, String(section)),
  ];
  let listPattern = '';
  conflict.path.forEach((segment, index) => {
    if (typeof segment === 'string') return void (listPattern = pathPattern(conflict.path.slice(0, index + 1)));
    const item = agreementValueAt(sides.theirs, conflict.path.slice(0, index + 1)) ?? agreementValueAt(sides.mine, conflict.path.slice(0, index + 1));
    const name = itemName(listPattern, item, names);
    if (name) parts.push(t('changes.quoted', { text: name.length > 60 ? `${name.slice(0, 59)}…` : name }));
  });
  const pattern = pathPattern(conflict.path);
  if (conflict.kind !== 'value') return parts.join(' › ');
  // Path segments come from the agreements being merged: a segment without a label reads as itself.
  const label = (key: string, segment: unknown) => translateIfKnown(t, key, String(segment));
  if (section === 'notes') parts.push(label(`common.steps.${String(conflict.path[1])}`, conflict.path[1]));
  else if (section === 'agenda') parts.push(label(`common.steps.${String(conflict.path[2])}`, conflict.path[2]), t('workshop.conflict.agendaMinutes'));
  else if (section === 'actuals') parts.push(label(`workshop.conflict.actualsField.${String(conflict.path.at(-1))}`, conflict.path.at(-1)));
  else if (pattern.includes('.')) parts.push(label(`changes.field.${pattern}`, `changes.field.${pattern}`));
  return parts.join(' › ');
}

function words(t: TFunction, language: string, pattern: string, value: unknown, names: Map<string, string>): string {
  if (value === null || value === undefined || value === '') return t('changes.empty');
  if (typeof value === 'boolean') return t(value ? 'changes.yes' : 'changes.no');
  if (typeof value === 'number') return new Intl.NumberFormat(language).format(value);
  if (Array.isArray(value)) return value.length === 0 ? t('changes.empty') : value.map((v) => words(t, language, pattern, v, names)).join('\n');
  // A whole list item (only in a list that holds one id twice, merged as one value): named, never "[object Object]".
  if (isPlainObject(value)) return itemName(pattern, value, names) || t('changes.empty');
  const text = String(value);
  if (pattern === 'handoff.stageId') return names.get(text) ?? text;
  const prefix = VALUE_KEYS[pattern];
  return prefix ? t(`${prefix}.${text}`, { defaultValue: text }) : text;
}

/** Builds what the dialog shows for one conflict, in the interface language. */
export function describeConflict(conflict: MergeConflict, t: TFunction, language: string, sides: { mine: Agreement; theirs: Agreement }): ConflictView {
  const pattern = pathPattern(conflict.path);
  const names = new Map<string, string>();
  for (const side of [sides.mine, sides.theirs]) for (const stage of side.lifecycle.stages) names.set(stage.id, stage.name);
  const base = { key: pathKey(conflict.path), kind: conflict.kind, label: conflictLabel(conflict, t, sides) };
  if (conflict.kind !== 'value') {
    const item = conflict.kind === 'removedHere' ? conflict.theirs : conflict.mine;
    const changed = t('workshop.conflict.changedItem', { name: itemName(pattern, item, names) || t('changes.empty') });
    return conflict.kind === 'removedHere'
      ? { ...base, mine: t('workshop.conflict.removedHere'), theirs: changed, combine: null }
      : { ...base, mine: changed, theirs: t('workshop.conflict.removedThere'), combine: null };
  }
  const view = { ...base, mine: words(t, language, pattern, conflict.mine, names), theirs: words(t, language, pattern, conflict.theirs, names) };
  const limit = textLimit(pattern);
  if (TEXT_LISTS.has(pattern) && Array.isArray(conflict.mine) && Array.isArray(conflict.theirs)) {
    // Every line of both sides, each once, in this window's order first.
    const lines = [...new Set([...(conflict.mine as string[]), ...(conflict.theirs as string[])])];
    const toValue = (text: string) =>
      text
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.length > 0);
    return { ...view, combine: { initial: lines.join('\n'), maxLength: (limit ?? 200) * 200, multiline: true, toValue } };
  }
  if (typeof conflict.mine !== 'string' || typeof conflict.theirs !== 'string' || limit === null || VALUE_KEYS[pattern]) return { ...view, combine: null };
  const multiline = limit > 200;
  const joined = [conflict.mine.trim(), conflict.theirs.trim()].filter((text) => text.length > 0).join(multiline ? '\n\n' : ' / ');
  return { ...view, combine: { initial: joined, maxLength: limit, multiline, toValue: (text) => text } };
}

export type Choice = 'mine' | 'theirs' | 'combined';

export function decisionFor(view: ConflictView, choice: Choice, combinedText: string | undefined): Decision {
  if (choice === 'combined' && view.combine) return { take: 'combined', value: view.combine.toValue(combinedText ?? view.combine.initial) };
  return { take: choice === 'theirs' ? 'theirs' : 'mine' };
}
