import { commitmentMeasureSchema, measureUnit, type CommitmentMeasure } from '../../../../shared/actuals/compliance';
import type { MonthlyActuals } from '../../../../shared/model/actuals';
import type { Agreement, Commitment, Kpi } from '../../../../shared/model/schema';

/**
 * The measures the user linked to an agreement's commitments, as the preferences stored them. Stored data is
 * checked, never trusted: an entry that is not a measure, or names a stage or commitment the agreement no
 * longer has, is left out (the automatic measure applies again).
 */
export function measureLinksOf(stored: unknown, agreement: Pick<Agreement, 'meta' | 'lifecycle' | 'protocol'>): Record<string, CommitmentMeasure> {
  if (!stored || typeof stored !== 'object' || !Object.hasOwn(stored, agreement.meta.id)) return {};
  const entries: unknown = (stored as Record<string, unknown>)[agreement.meta.id];
  if (!entries || typeof entries !== 'object') return {};
  const links: Record<string, CommitmentMeasure> = {};
  for (const commitment of agreement.protocol.commitments) {
    if (!Object.hasOwn(entries, commitment.id)) continue;
    const parsed = commitmentMeasureSchema.safeParse((entries as Record<string, unknown>)[commitment.id]);
    if (!parsed.success) continue;
    const measure = parsed.data;
    if (measure.kind === 'stage' && !agreement.lifecycle.stages.some((s) => s.id === measure.stageId)) continue;
    if (measureUnit(measure) !== commitment.unit) continue;
    links[commitment.id] = measure;
  }
  return links;
}

/** Every measure that can be held to a commitment: the figures in the commitment's own unit. */
export function measureChoices(commitment: Pick<Commitment, 'unit'>, agreement: Pick<Agreement, 'lifecycle'>): CommitmentMeasure[] {
  const all: CommitmentMeasure[] = [
    ...agreement.lifecycle.stages.map((s): CommitmentMeasure => ({ kind: 'stage', stageId: s.id })),
    { kind: 'revenue' },
    { kind: 'medianHoursToFirstContact' },
    { kind: 'pctContactedWithinSla' },
    { kind: 'pctWithRequiredAttempts' },
  ];
  return all.filter((m) => measureUnit(m) === commitment.unit);
}

/** A measure as a select's value, and back ("stage:<id>", "revenue", …). */
export function measureKey(measure: CommitmentMeasure): string {
  return measure.kind === 'stage' ? `stage:${measure.stageId}` : measure.kind;
}

export function measureFromKey(key: string, choices: readonly CommitmentMeasure[]): CommitmentMeasure | null {
  return choices.find((m) => measureKey(m) === key) ?? null;
}

/**
 * The months the review can show: those with anything entered or imported, oldest first. A month holding
 * only notes still counts: the meeting took place.
 */
export function reviewableMonths(months: readonly Pick<MonthlyActuals, 'month'>[]): string[] {
  return [...new Set(months.map((m) => m.month))].sort();
}

/** The month to open on: the one asked for when it can be shown, else the latest. */
export function pickMonth(available: readonly string[], wanted: string | null): string | null {
  if (wanted !== null && available.includes(wanted)) return wanted;
  return available.at(-1) ?? null;
}

/** The months before and after `month` among those available (null at either end). */
export function neighbours(available: readonly string[], month: string): { previous: string | null; next: string | null } {
  const index = available.indexOf(month);
  if (index < 0) return { previous: null, next: null };
  return { previous: available[index - 1] ?? null, next: available[index + 1] ?? null };
}

/** "March 2027" / "marzo de 2027" in the interface's language; the day is the 15th so no time zone moves it. */
export function monthLabel(month: string, locale: string, style: 'long' | 'short' = 'long'): string {
  const [year, mon] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year ?? 1970, (mon ?? 1) - 1, 15));
  return new Intl.DateTimeFormat(locale, { month: style, year: 'numeric', timeZone: 'UTC' }).format(date);
}

/**
 * A value in its unit, the interface's way. Percentages are stored as 0–100; money in the agreement's
 * currency; hours and days with their unit, so a table cell is read right without its header.
 */
export function formatInUnit(value: number | null, unit: Kpi['unit'] | 'per-month', locale: string, currency: string): string | null {
  if (value === null || !Number.isFinite(value)) return null;
  switch (unit) {
    case 'percent':
      return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
    case 'currency':
      return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(value);
    case 'hours':
      return new Intl.NumberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
    case 'days':
      return new Intl.NumberFormat(locale, { style: 'unit', unit: 'day', unitDisplay: 'long', maximumFractionDigits: 1 }).format(value);
    case 'ratio':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
    case 'count':
    case 'per-month':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  }
}

type LogDecision = Agreement['decisions'][number];
type MonthDecision = MonthlyActuals['decisions'][number];

const sameText = (a: string, b: string) => a.replace(/\s+/g, ' ').trim().toLocaleLowerCase() === b.replace(/\s+/g, ' ').trim().toLocaleLowerCase();

/**
 * Whether a month's decision is already in an agreement's decision log. No flag is stored for it: a carried
 * decision keeps its id in the log, and one typed there by hand counts when its text is the same.
 */
export function isInLog(decision: MonthDecision, log: readonly LogDecision[]): boolean {
  if (log.some((d) => d.id === decision.id)) return true;
  return decision.text.trim() !== '' && log.some((d) => sameText(d.text, decision.text));
}

/** The log entry a month's decision becomes: same id (so it is recognised as carried), dated the day it is carried. */
export function toLogDecision(decision: MonthDecision, today: string): LogDecision {
  return { id: decision.id, date: today, text: decision.text.trim(), owner: decision.owner.trim() };
}

/** The agreement with the decision appended to its log (unchanged when it is already there). */
export function withCarriedDecision(agreement: Agreement, decision: MonthDecision, today: string): Agreement {
  if (isInLog(decision, agreement.decisions)) return agreement;
  return { ...agreement, decisions: [...agreement.decisions, toLogDecision(decision, today)] };
}

/**
 * Whether a section's props show the same figures. The review is computed again on every key typed in the
 * notes; the charts (the costliest part to draw) are drawn again only when a figure they show changed.
 */
export function sameFigures<P extends object>(before: P, after: P): boolean {
  const keys = Object.keys(after) as (keyof P)[];
  return (
    keys.length === Object.keys(before).length && keys.every((k) => Object.is(before[k], after[k]) || JSON.stringify(before[k]) === JSON.stringify(after[k]))
  );
}
