import type { Commitment, Kpi } from '../../model/schema';
import { TEAMS } from '../../model/schema';
import type { OutlineBlock } from '../types';
import { maybe, teamName, text, type OutlineContext } from './context';
import type { KeysUnder } from '../../i18n';

/** "200–400 per month", "At least 8 %", "At most 40 hours"; empty when neither bound is set. */
export function commitmentTarget(ctx: OutlineContext, c: Commitment): string {
  const { t, f } = ctx;
  const value = (n: number) => (c.unit === 'percent' ? f.percent(n) : f.number(n));
  let amount: string;
  if (c.min !== null && c.max !== null) amount = c.min === c.max ? value(c.min) : t('document.protocol.range', { min: value(c.min), max: value(c.max) });
  else if (c.min !== null) return t('document.protocol.atLeast', { value: t(`document.protocol.units.${c.unit}`, { value: value(c.min), count: c.min }) });
  else if (c.max !== null) return t('document.protocol.atMost', { value: t(`document.protocol.units.${c.unit}`, { value: value(c.max), count: c.max }) });
  else return t('document.notSet');
  // A range reads with its upper bound's plural: "1–2 hours".
  return t(`document.protocol.units.${c.unit}`, { value: amount, count: c.max });
}

/** Step 5: contact rules, closed loop, rejections and each team's volume commitments. */
export function protocolBlocks(ctx: OutlineContext): OutlineBlock[] {
  const { t, f, agreement } = ctx;
  const p = agreement.protocol;
  const attempts = p.contactAttempts === null ? null : t('document.protocol.attemptsValue', { count: p.contactAttempts, value: f.number(p.contactAttempts) });
  const attemptsText =
    attempts === null
      ? t('document.notSet')
      : p.attemptWindowDays === null
        ? attempts
        : t('document.protocol.attemptsOver', { attempts, count: p.attemptWindowDays, value: f.number(p.attemptWindowDays) });
  // Option labels are capitalised on screen; inside a sentence only the first keeps its capital ("Phone, e-mail and …").
  const channels = p.channels.map((ch, i) => {
    const label = t(`steps.protocol.channels.${ch}`);
    return i > 0 && /^\p{Lu}(?!\p{Lu})/u.test(label) ? label.charAt(0).toLocaleLowerCase(f.lang) + label.slice(1) : label;
  });
  const blocks: OutlineBlock[] = [
    { kind: 'subheading', text: t('document.protocol.contactTitle') },
    {
      kind: 'fields',
      rows: [
        {
          label: t('document.protocol.firstContact'),
          value: maybe(ctx, p.firstContactBusinessHours, (n) => t('document.protocol.firstContactValue', { count: n, value: f.number(n) })),
        },
        { label: t('document.protocol.attempts'), value: attemptsText },
        { label: t('document.protocol.channels'), value: channels.length > 0 ? f.list(channels) : t('document.notSpecified') },
      ],
    },
    { kind: 'subheading', text: t('document.protocol.closedLoopTitle') },
    {
      kind: 'fields',
      rows: [
        { label: t('steps.protocol.closedLoop.report.label'), value: text(ctx, p.closedLoop.report) },
        { label: t('steps.protocol.closedLoop.frequency.label'), value: t(`steps.protocol.frequencies.${p.closedLoop.frequency}`) },
      ],
    },
    { kind: 'subheading', text: t('document.protocol.rejectionTitle') },
  ];
  const reasons = p.rejection.reasons.filter((r) => r.trim() !== '');
  if (reasons.length > 0) blocks.push({ kind: 'paragraph', text: t('document.protocol.reasonsIntro') }, { kind: 'list', items: reasons });
  else blocks.push({ kind: 'note', text: t('document.protocol.noReasons') });
  blocks.push(
    { kind: 'fields', rows: [{ label: t('steps.protocol.rejection.recycling.label'), value: text(ctx, p.rejection.recycling) }] },
    { kind: 'subheading', text: t('document.protocol.commitmentsTitle') },
  );
  const columns = [t('document.protocol.columns.commitment'), t('document.protocol.columns.target')];
  for (const team of TEAMS) {
    const rows = p.commitments.filter((c) => c.team === team).map((c) => [text(ctx, c.description), commitmentTarget(ctx, c)]);
    if (team === 'other' && rows.length === 0) continue;
    const caption = t(`document.protocol.commitmentsOf.${team}`);
    if (rows.length > 0) blocks.push({ kind: 'table', caption, columns, rows, widths: [65, 35] });
    else blocks.push({ kind: 'subheading', level: 3, text: caption }, { kind: 'note', text: t('document.protocol.noCommitments') });
  }
  return blocks;
}

/** A KPI's target with its unit: "40 %", "$1,250,000", "7 days". */
export function kpiTarget(ctx: OutlineContext, kpi: Kpi): string {
  const { t, f } = ctx;
  return maybe(ctx, kpi.target, (n) => {
    switch (kpi.unit) {
      case 'percent':
        return f.percent(n);
      case 'currency':
        return f.currency(n);
      case 'hours':
        return t('document.kpis.value.hours', { value: f.number(n) });
      case 'days':
        return t('document.kpis.value.days', { count: n, value: f.number(n) });
      case 'ratio':
        return t('document.kpis.value.ratio', { value: f.number(n) });
      default:
        return f.number(n);
    }
  });
}

/** Step 6: who owns which KPI and its target, then what each one means and how it is computed. */
export function kpisBlocks(ctx: OutlineContext): OutlineBlock[] {
  const { t, agreement } = ctx;
  if (agreement.kpis.length === 0) return [{ kind: 'note', text: t('document.kpis.none') }];
  const c = (key: KeysUnder<'document.kpis.columns'>) => t(`document.kpis.columns.${key}`);
  return [
    { kind: 'paragraph', text: t('document.kpis.intro') },
    { kind: 'subheading', text: t('document.kpis.summaryTitle') },
    {
      kind: 'table',
      columns: [c('name'), c('target'), c('frequency'), c('dataSource'), c('owner')],
      rows: agreement.kpis.map((k) => [
        text(ctx, k.name),
        kpiTarget(ctx, k),
        t(`steps.kpis.frequencies.${k.frequency}`),
        text(ctx, k.dataSource),
        teamName(ctx, k.owner),
      ]),
      widths: [38, 17, 14, 18, 13],
      numeric: [false, true, false, false, false],
    },
    { kind: 'subheading', text: t('document.kpis.definitionsTitle') },
    {
      kind: 'table',
      columns: [c('name'), c('definition'), c('formula')],
      rows: agreement.kpis.map((k) => [text(ctx, k.name), text(ctx, k.definition), text(ctx, k.formula)]),
      widths: [28, 40, 32],
    },
  ];
}
