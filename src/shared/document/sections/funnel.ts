import { RATE_KEYS, reverseFunnel } from '../../model/funnel';
import { planFunnel } from '../../model/funnelPlan';
import type { OutlineBlock } from '../types';
import { maybe, tableOrNote, teamName, text, type OutlineContext } from './context';
import type { KeysUnder, LabelledUnder } from '../../i18n';

const SQL_CRITERIA = ['authority', 'need', 'understanding', 'fit'] as const;

/** Step 2: the stages in order with definition, owner and entry criteria; then the four SQL criteria. */
export function lifecycleBlocks(ctx: OutlineContext): OutlineBlock[] {
  const { t, agreement } = ctx;
  const c = (key: KeysUnder<'document.lifecycle.columns'>) => t(`document.lifecycle.columns.${key}`);
  const rows = agreement.lifecycle.stages.map((s) => [
    s.optional ? t('document.lifecycle.optional', { name: text(ctx, s.name) }) : text(ctx, s.name),
    teamName(ctx, s.owner),
    text(ctx, s.definition),
    text(ctx, s.entryCriteria),
  ]);
  const criteria = agreement.lifecycle.sqlCriteria;
  return [
    { kind: 'paragraph', text: t('document.lifecycle.intro') },
    tableOrNote(rows, { columns: [c('stage'), c('owner'), c('definition'), c('entryCriteria')], widths: [18, 15, 34, 33] }, t('document.lifecycle.noStages')),
    { kind: 'subheading', text: t('document.lifecycle.sqlTitle') },
    { kind: 'paragraph', text: t('document.lifecycle.sqlIntro') },
    { kind: 'fields', rows: SQL_CRITERIA.map((key) => ({ label: t(`steps.lifecycle.sql.${key}.label`), value: text(ctx, criteria[key]) })) },
  ];
}

/** Step 3: monthly targets next to what the calculator derives, the calculator's inputs, the basis and the monthly meeting. */
export function goalsBlocks(ctx: OutlineContext): OutlineBlock[] {
  const { t, f, agreement } = ctx;
  const { goals } = agreement;
  const result = reverseFunnel(goals.calculator);
  // The same numbers the calculator shows on screen, custom stages included.
  const plan = planFunnel(agreement);
  const needed = (id: string): string => {
    const value = plan.stages.find((s) => s.id === id)?.needed ?? null;
    return value === null ? '—' : f.number(value);
  };
  const c = (key: KeysUnder<'document.goals.columns'>) => t(`document.goals.columns.${key}`);
  const rows = agreement.lifecycle.stages.map((s) => [
    text(ctx, s.name),
    teamName(ctx, s.owner),
    maybe(ctx, goals.targets.find((target) => target.stageId === s.id)?.monthly ?? null),
    needed(s.id),
  ]);
  const { calculator } = goals;
  const calc = (key: KeysUnder<'steps.goals.calculator'>) => t(`steps.goals.calculator.${key}`);
  const inputs = [
    { label: calc('revenueGoal'), value: maybe(ctx, calculator.revenueGoal, f.currency) },
    { label: calc('averageDealSize'), value: maybe(ctx, calculator.averageDealSize, f.currency) },
    ...RATE_KEYS.map((key) => ({ label: calc(`rates.${key}`), value: maybe(ctx, calculator.rates[key], f.percent) })),
  ];
  if (result) inputs.push({ label: t('document.goals.customersNeeded'), value: f.number(result.customers) });
  const day = goals.reviewMeeting.dayOfMonth;
  return [
    { kind: 'subheading', text: t('document.goals.targetsTitle') },
    { kind: 'paragraph', text: t('document.goals.targetsIntro') },
    tableOrNote(
      rows,
      { columns: [c('stage'), c('owner'), c('monthly'), c('needed')], widths: [40, 18, 20, 22], numeric: [false, false, true, true] },
      t('document.lifecycle.noStages'),
    ),
    { kind: 'subheading', text: t('document.goals.calculatorTitle') },
    { kind: 'paragraph', text: t('document.goals.calculatorIntro') },
    { kind: 'fields', rows: inputs },
    ...(result ? [] : [{ kind: 'note', text: t('document.goals.calculatorIncomplete') } as const]),
    { kind: 'subheading', text: t('document.goals.basisTitle') },
    { kind: 'paragraph', text: text(ctx, goals.basis) },
    { kind: 'subheading', text: t('document.goals.meetingTitle') },
    {
      kind: 'fields',
      rows: [
        { label: t('document.goals.meetingDay'), value: day === null ? t('document.notSet') : t('document.goals.meetingDayValue', { day }) },
        { label: t('steps.goals.meeting.description'), value: text(ctx, goals.reviewMeeting.description) },
      ],
    },
  ];
}

/** Step 4: where and how the lead changes hands. */
export function handoffBlocks(ctx: OutlineContext): OutlineBlock[] {
  const { t, agreement } = ctx;
  const { handoff } = agreement;
  const stage = agreement.lifecycle.stages.find((s) => s.id === handoff.stageId);
  const label = (key: LabelledUnder<'steps.handoff.fields'>) => t(`steps.handoff.fields.${key}.label`);
  return [
    {
      kind: 'fields',
      rows: [
        { label: label('stageId'), value: stage ? text(ctx, stage.name) : t('document.notSpecified') },
        { label: label('trigger'), value: text(ctx, handoff.trigger) },
        { label: label('routing'), value: t(`steps.handoff.routingOptions.${handoff.routing}`) },
        { label: label('routingDetails'), value: text(ctx, handoff.routingDetails) },
        {
          label: label('acceptWindowHours'),
          value: maybe(ctx, handoff.acceptWindowHours, (n) => t('document.handoff.hours', { count: n, value: ctx.f.number(n) })),
        },
        { label: label('owner'), value: text(ctx, handoff.owner) },
      ],
    },
  ];
}
