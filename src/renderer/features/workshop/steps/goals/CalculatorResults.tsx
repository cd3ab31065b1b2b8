import { Alert, Box, Paper, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../../shared/model/limits';
import type { CalculatorField, FunnelProblem } from '../../../../../shared/model/funnel';
import type { PlanStage } from '../../../../../shared/model/funnelPlan';
import { useFormatters, type Formatters } from './format';

/** Big digits for short numbers, smaller ones as they grow, so "1,000,000,000,000" still fits its card. */
const numberSize = (text: string) => (text.length <= 7 ? 26 : text.length <= 10 ? 22 : text.length <= 13 ? 18 : 16);

function CustomLines({ stage, format }: { stage: PlanStage; format: Formatters }) {
  const { t } = useTranslation();
  const custom = stage.custom;
  if (!custom) return null;
  if (custom.gap) {
    return (
      <Text size="xs" c="dimmed">
        {t(custom.gap === 'noTarget' ? 'steps.goals.calculator.customNoTarget' : 'steps.goals.calculator.customNoReference')}
      </Text>
    );
  }
  const impossible = custom.rateIn !== null && custom.rateIn > 100;
  return (
    <>
      {custom.rateIn !== null && (
        <Text size="xs" c={impossible ? 'red.9' : 'dimmed'} fw={impossible ? 600 : undefined}>
          {t(impossible ? 'steps.goals.calculator.rateInImpossible' : 'steps.goals.calculator.rateIn', { rate: format.percent(custom.rateIn) })}
        </Text>
      )}
      {custom.rateOut !== null && (
        <Text size="xs" c="dimmed">
          {t('steps.goals.calculator.rateOut', { rate: format.percent(custom.rateOut) })}
        </Text>
      )}
    </>
  );
}

/**
 * The computed funnel, top to bottom, as large numbers the room can read from the back: one card per
 * stage, custom stages in their place. Cards wrap rather than shrink, and the digits get smaller as they
 * grow, so no number ever spills out of its card or is cut.
 */
export function CalculatorResults({ stages, label }: { stages: PlanStage[]; label: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Box role="list" aria-label={label} style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(164px, 1fr))', gap: 8 }}>
      {stages.map((stage, index) => {
        const inStages = stage.id !== null;
        const value = stage.needed === null ? '—' : format.number(stage.needed);
        const name =
          stage.key === 'custom' ? stage.name.trim() || t('steps.lifecycle.stages.itemN', { n: index + 1 }) : t(`steps.goals.calculator.stages.${stage.key}`);
        return (
          <Paper
            key={stage.id ?? stage.key}
            role="listitem"
            radius="md"
            p="sm"
            bg={stage.key === 'custom' ? 'grape.0' : 'indigo.0'}
            style={{ minWidth: 0, opacity: inStages ? 1 : 0.6 }}
            title={inStages ? undefined : t('steps.goals.calculator.notInStages')}
          >
            <Text size="xs" c="dimmed" fw={600} tt="uppercase" lineClamp={2}>
              {name}
            </Text>
            <Text fz={numberSize(value)} fw={700} lh={1.2} c="indigo.9" style={{ fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' }}>
              {value}
            </Text>
            <CustomLines stage={stage} format={format} />
          </Paper>
        );
      })}
    </Box>
  );
}

/** Why the calculator shows no numbers, in words that say what to change (never just "enter the goal"). */
export function CalculatorProblem({ problem }: { problem: FunnelProblem }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const field = (name: CalculatorField) =>
    t(name === 'revenueGoal' || name === 'averageDealSize' ? `steps.goals.calculator.${name}` : `steps.goals.calculator.rates.${name}`);
  if (problem.kind === 'missing') {
    const fields = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(problem.fields.map(field));
    return (
      <Text size="sm" c="dimmed" fs="italic">
        {t('steps.goals.calculator.missingFields', { fields })}
      </Text>
    );
  }
  const message =
    problem.kind === 'zeroDealSize'
      ? t('steps.goals.calculator.zeroDealSize')
      : problem.kind === 'zeroRate'
        ? t('steps.goals.calculator.zeroRate', { rate: field(problem.rate) })
        : problem.kind === 'outOfRange'
          ? t('steps.goals.calculator.outOfRange', { field: field(problem.field) })
          : problem.stage === 'custom'
            ? t('steps.goals.calculator.tooLargeCustom', { max: format.number(LIMITS.maxNumber), stage: problem.name ?? '' })
            : t('steps.goals.calculator.tooLarge', { max: format.number(LIMITS.maxNumber), stage: t(`steps.goals.calculator.stages.${problem.stage}`) });
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} role="status" data-testid="calculator-problem">
      <Text size="sm">{message}</Text>
    </Alert>
  );
}
