import type { TFunction } from 'i18next';
import type { AgreementChange } from '../api/contract';
import { LIMITS } from '../model/limits';
import type { Agreement } from '../model/schema';
import { signedContent } from './canonical';
import { calendarDateToUtc, formatCalendarDate } from '../model/calendarFormat';
import { isTranslationKey } from '../i18n';

type Path = (string | number)[];
type Item = { id: string } & Record<string, unknown>;

/** Fields that only identify or link things; their changes are never news to a reader. */
const IGNORED = new Set(['meta.id', 'meta.version', 'meta.amendsId', 'meta.createdAt']);
/** Lists whose items are shown by this field when added or removed. */
const ITEM_NAME: Record<string, string> = {
  participants: 'name',
  'icp.personas': 'name',
  'lifecycle.stages': 'name',
  'protocol.commitments': 'description',
  kpis: 'name',
  decisions: 'text',
  parkingLot: 'text',
};

const clip = (text: string, limit: number = LIMITS.longText) => (text.length > limit ? `${text.slice(0, limit - 1)}…` : text);
const isItemList = (v: unknown): v is Item[] =>
  Array.isArray(v) && v.every((x) => x !== null && typeof x === 'object' && typeof (x as { id?: unknown }).id === 'string');

/** Ids are replaced by what a reader knows them by: stage ids by stage names, participant ids by names. */
function displayValue(pattern: string, value: unknown, names: Map<string, string>): string | null {
  if (value === null || value === undefined) return null;
  if (pattern === 'handoff.stageId') return names.get(String(value)) ?? String(value);
  if (Array.isArray(value)) return clip(value.map((v) => (pattern === 'cadence.participantIds' ? (names.get(String(v)) ?? String(v)) : String(v))).join(', '));
  return clip(String(value));
}

/**
 * Field-by-field differences between a signed version and its amendment, over what a signature covers
 * (shared/signing/canonical.ts). List items are matched by id, so a reordered list only reports its order.
 */
export function diffAgreements(before: Agreement, after: Agreement): AgreementChange[] {
  const names = new Map<string, string>();
  for (const a of [before, after]) {
    for (const s of a.lifecycle.stages) names.set(s.id, s.name);
    for (const p of a.participants) names.set(p.id, p.name);
  }
  const changes: AgreementChange[] = [];
  const pattern = (path: Path) => path.filter((p) => typeof p === 'string').join('.');

  function walk(x: unknown, y: unknown, path: Path, item: string | null): void {
    const key = pattern(path);
    if (IGNORED.has(key)) return;
    if (isItemList(x) && isItemList(y) && (x.length > 0 || y.length > 0) && key !== 'goals.targets') {
      const nameField = ITEM_NAME[key] ?? 'name';
      const label = (entry: Item) => clip(String(entry[nameField] ?? ''), LIMITS.shortText);
      const beforeIds = x.map((i) => i.id);
      y.forEach((entry, index) => {
        const old = x.find((i) => i.id === entry.id);
        if (!old) changes.push({ kind: 'added', path: [...path, index], item: label(entry), before: null, after: label(entry) });
        else walk(old, entry, [...path, index], label(entry) || label(old));
      });
      x.forEach((entry, index) => {
        if (!y.some((i) => i.id === entry.id)) changes.push({ kind: 'removed', path: [...path, index], item: label(entry), before: label(entry), after: null });
      });
      const kept = y.map((i) => i.id).filter((id) => beforeIds.includes(id));
      const keptBefore = beforeIds.filter((id) => kept.includes(id));
      if (kept.join() !== keptBefore.join()) {
        changes.push({ kind: 'changed', path: [...path, 'order'], item: null, before: clip(x.map(label).join(', ')), after: clip(y.map(label).join(', ')) });
      }
      return;
    }
    if (key === 'goals.targets' && Array.isArray(x) && Array.isArray(y)) {
      const monthly = (list: unknown[], stageId: string) =>
        (list as { stageId: string; monthly: number | null }[]).find((t) => t.stageId === stageId)?.monthly ?? null;
      const stageIds = [...new Set([...(x as { stageId: string }[]), ...(y as { stageId: string }[])].map((t) => t.stageId))];
      stageIds.forEach((stageId, index) => {
        const a = monthly(x, stageId);
        const b = monthly(y, stageId);
        const stage = clip(names.get(stageId) ?? stageId, LIMITS.shortText);
        if (a !== b)
          changes.push({
            kind: 'changed',
            path: ['goals', 'targets', index, 'monthly'],
            item: stage,
            before: a === null ? null : String(a),
            after: b === null ? null : String(b),
          });
      });
      return;
    }
    if (x !== null && y !== null && typeof x === 'object' && typeof y === 'object' && !Array.isArray(x) && !Array.isArray(y)) {
      for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) {
        walk((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], [...path, k], item);
      }
      return;
    }
    if (JSON.stringify(x) === JSON.stringify(y)) return;
    changes.push({ kind: 'changed', path, item, before: displayValue(key, x, names), after: displayValue(key, y, names) });
  }

  walk(signedContent(before), signedContent(after), [], null);
  return changes;
}

/** Where a field's values are translated, for fields holding a code rather than words. */
const VALUE_KEYS: Record<string, string> = {
  'meta.language': 'common.language',
  'participants.team': 'common.teams',
  'participants.role': 'steps.participants.roles',
  'lifecycle.stages.owner': 'common.teams',
  'handoff.routing': 'steps.handoff.routingOptions',
  'protocol.channels': 'steps.protocol.channels',
  'protocol.commitments.team': 'common.teams',
  'protocol.commitments.unit': 'steps.protocol.units',
  'kpis.unit': 'steps.kpis.units',
  'kpis.frequency': 'steps.kpis.frequencies',
  'kpis.owner': 'common.teams',
  'terms.term': 'steps.cadence.terms.termKinds',
};

const QUOTE_LIMIT = 160;

function wordValue(t: TFunction, key: string, value: string | null): string {
  if (value === null || value.trim() === '') return t('changes.empty');
  if (value === 'true' || value === 'false') return t(value === 'true' ? 'changes.yes' : 'changes.no');
  const prefix = VALUE_KEYS[key];
  if (prefix)
    return value
      .split(', ')
      .map((v) => t(`${prefix}.${v}`, { defaultValue: v }))
      .join(', ');
  if (/^-?\d+(\.\d+)?$/.test(value)) return new Intl.NumberFormat(t('changes.locale')).format(Number(value));
  // A calendar date reads as one, with its weekday, like every date the app shows.
  if (calendarDateToUtc(value)) return formatCalendarDate(value, t('changes.locale'));
  return value.length > QUOTE_LIMIT ? `${value.slice(0, QUOTE_LIMIT - 1)}…` : value;
}

/** The label of the field a change is about, e.g. "Lifecycle stages › “MQL” › Definition". */
export function changeLabel(change: AgreementChange, t: TFunction): string {
  const key = change.path.filter((p) => typeof p === 'string' && p !== 'order').join('.');
  const [section] = change.path;
  // Paths come from the agreements compared; a section or field without a label reads as its path.
  const sectionKey = `changes.section.${String(section)}`;
  const parts = [isTranslationKey(sectionKey) ? t(sectionKey) : String(section)];
  if (change.kind === 'changed' && change.item) parts.push(t('changes.quoted', { text: change.item }));
  if (change.path[change.path.length - 1] === 'order') parts.push(t('changes.order'));
  else if (change.kind === 'changed' && key.includes('.')) {
    const fieldKey = `changes.field.${key}`;
    parts.push(isTranslationKey(fieldKey) ? t(fieldKey) : fieldKey);
  }
  return parts.join(' › ');
}

/** One sentence, in words, for one change. */
export function describeChange(change: AgreementChange, t: TFunction): string {
  const key = change.path.filter((p) => typeof p === 'string').join('.');
  const field = changeLabel(change, t);
  if (change.kind === 'added') return t('changes.added', { field, item: wordValue(t, key, change.after) });
  if (change.kind === 'removed') return t('changes.removed', { field, item: wordValue(t, key, change.before) });
  return t('changes.changed', { field, before: wordValue(t, key, change.before), after: wordValue(t, key, change.after) });
}
