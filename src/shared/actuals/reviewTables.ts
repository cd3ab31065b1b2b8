import type { TFunction } from 'i18next';
import type { KeysUnder } from '../i18n';
import type { Agreement, Language } from '../model/schema';
import type { CommitmentMeasure } from './compliance';
import type { TargetStatus } from './kpis';
import type { CommitmentReview, KpiReview, MonthReview } from './review';

/**
 * `display`: for people (grouped thousands, units, the currency symbol), as the CLI prints and the .docx
 * shows; `sheet`: for a spreadsheet (bare numbers in the language's decimal mark, no grouping, no units),
 * as the CSV carries, so every figure stays a number once opened.
 */
export type ReviewTableStyle = 'display' | 'sheet';

/** A table as text: column names, rows of cells, and which columns hold numbers (aligned right). */
export interface TextTable {
  columns: string[];
  rows: string[][];
  numeric: boolean[];
}

export interface ReviewTables {
  stages: TextTable;
  kpis: TextTable;
  commitments: TextTable;
  figures: TextTable;
  trend: TextTable;
  decisions: TextTable;
}

export const LOCALE: Record<Language, string> = { en: 'en-US', es: 'es-ES' };

/** "March 2027" / "marzo de 2027" for YYYY-MM. */
export function monthLabel(month: string, lang: Language, short = false): string {
  const [year, mon] = month.split('-').map(Number);
  if (!year || !mon) return month;
  return new Intl.DateTimeFormat(LOCALE[lang], { month: short ? 'short' : 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, mon - 1, 1));
}

const DASH = '–';

function numberFormatter(lang: Language, style: ReviewTableStyle) {
  const cache = new Map<number, Intl.NumberFormat>();
  return (value: number | null, digits = 1): string => {
    if (value === null || !Number.isFinite(value)) return style === 'display' ? DASH : '';
    let format = cache.get(digits);
    if (!format) {
      format = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: digits, useGrouping: style === 'display' });
      cache.set(digits, format);
    }
    return format.format(value);
  };
}

const STATUS_MARK: Record<TargetStatus, string> = { met: '✓', missed: '✗', 'no-data': '○', 'no-target': '○' };

/**
 * The review's tables in one language and style: the same rows for the CLI, the .docx and the CSV, so the
 * three never disagree. Names typed in the agreement are passed through as they are (callers that print to a
 * terminal or a spreadsheet make them safe for it).
 */
export function reviewTables(
  review: MonthReview,
  agreement: Pick<Agreement, 'lifecycle'>,
  t: TFunction,
  lang: Language,
  style: ReviewTableStyle,
): ReviewTables {
  const num = numberFormatter(lang, style);
  const col = (key: KeysUnder<'monthReview.columns'>): string => t(`monthReview.columns.${key}`);
  const status = (s: TargetStatus) => (style === 'display' ? `${STATUS_MARK[s]} ${t(`monthReview.status.${s}`)}` : t(`monthReview.status.${s}`));
  const pct = (v: number | null) => (style === 'display' && v !== null ? `${num(v)} %` : num(v));
  const money = (v: number | null) =>
    style === 'display' && v !== null
      ? new Intl.NumberFormat(LOCALE[lang], { style: 'currency', currency: review.currency, maximumFractionDigits: 0 }).format(v)
      : num(v, 2);
  const kpiValue = (k: KpiReview, v: number | null) => {
    if (k.unit === 'percent') return pct(v);
    if (k.unit === 'currency') return money(v);
    if (style === 'display' && v !== null && (k.unit === 'hours' || k.unit === 'days')) return t(`monthReview.kpiUnit.${k.unit}`, { value: num(v) });
    return num(v);
  };
  const stageName = (id: string) => agreement.lifecycle.stages.find((s) => s.id === id)?.name ?? id;

  const measureText = (c: CommitmentReview) => {
    const m: CommitmentMeasure | null = c.measure;
    if (!m) return t('monthReview.measure.none');
    return m.kind === 'stage' ? t('monthReview.measure.stage', { stage: stageName(m.stageId) }) : t(`monthReview.measure.${m.kind}`);
  };
  const rangeText = (c: CommitmentReview) => {
    const min = num(c.min, 2);
    const max = num(c.max, 2);
    const range =
      c.min !== null && c.max !== null
        ? t('monthReview.range.between', { min, max })
        : c.min !== null
          ? t('monthReview.range.atLeast', { min })
          : c.max !== null
            ? t('monthReview.range.atMost', { max })
            : t('monthReview.range.none');
    return c.min === null && c.max === null ? range : `${range} ${t(`monthReview.unit.${c.unit}`)}`;
  };
  const commitmentValue = (c: CommitmentReview) => (c.unit === 'percent' ? pct(c.value) : num(c.value));

  const figures = review.figures;
  return {
    stages: {
      columns: [col('stage'), col('target'), col('actual'), col('pctOfTarget'), col('status')],
      numeric: [false, true, true, true, false],
      rows: review.stages.map((s) => [
        s.name,
        num(s.target, 2),
        num(s.actual, 2),
        pct(s.pctOfTarget === null ? null : Math.round(s.pctOfTarget * 10) / 10),
        status(s.status),
      ]),
    },
    kpis: {
      columns: [col('kpi'), col('target'), col('actual'), col('status')],
      numeric: [false, true, true, false],
      rows: review.kpis.map((k) => [k.name, kpiValue(k, k.target), kpiValue(k, k.value), status(k.status)]),
    },
    commitments: {
      columns: [col('commitment'), col('team'), col('range'), col('measuredBy'), col('actual'), col('status')],
      numeric: [false, false, false, false, true, false],
      rows: review.commitments.map((c) => [c.description, t(`common.teams.${c.team}`), rangeText(c), measureText(c), commitmentValue(c), status(c.status)]),
    },
    figures: {
      columns: [col('item'), col('actual')],
      numeric: [false, true],
      rows: [
        [t('monthReview.figures.revenue'), money(figures.revenue)],
        [t('monthReview.figures.medianHoursToFirstContact'), num(figures.medianHoursToFirstContact)],
        [t('monthReview.figures.pctContactedWithinSla'), pct(figures.pctContactedWithinSla)],
        [t('monthReview.figures.pctWithRequiredAttempts'), pct(figures.pctWithRequiredAttempts)],
        [t('monthReview.figures.rejected'), num(figures.rejected)],
      ],
    },
    trend: {
      columns: [col('month'), ...review.stages.map((s) => s.name)],
      numeric: [false, ...review.stages.map(() => true)],
      rows: review.trend.map((m) => [style === 'display' ? monthLabel(m.month, lang, true) : m.month, ...m.stages.map((s) => num(s.actual, 2))]),
    },
    decisions: {
      columns: [col('decision'), col('owner')],
      numeric: [false, false],
      rows: review.decisions.map((d) => [d.text, d.owner]),
    },
  };
}
