import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCalculator, IconCheck, IconTableImport } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RATE_KEYS, type RateKey } from '../../../../../shared/model/funnel';
import { planFunnel, plannedTargets } from '../../../../../shared/model/funnelPlan';
import { historyMarksOf } from '../../../../store/preferencesSlice';
import { useAppStore } from '../../../../store/appStore';
import { NumberField } from '../../fields/NumberField';
import { formatMonthRange } from '../../fromResults/monthRange';
import { useDraftSelector, useEdit, useReadOnly } from '../../fields/useField';
import { CalculatorProblem, CalculatorResults } from './CalculatorResults';
import { currencyAffix, useFormatters } from './format';
import { HistoryPrefill } from './HistoryPrefill';

const base = ['goals', 'calculator'] as const;

/**
 * Revenue goal ÷ average deal size = customers, then back up the funnel by each conversion rate; custom
 * stages are placed by their targets (funnelPlan.ts). "Apply to targets" copies the numbers into the
 * targets table in one edit, so a single undo takes it back.
 */
export function FunnelCalculator() {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const sessionId = useAppStore((s) => s.session?.id);
  const allMarks = useAppStore((s) => s.historyMarks);
  const edit = useEdit();
  const readOnly = useReadOnly();
  const currency = useDraftSelector((d) => d.meta.currency) ?? 'EUR';
  const calculator = useDraftSelector((d) => d.goals.calculator);
  const stages = useDraftSelector((d) => d.lifecycle.stages);
  const targets = useDraftSelector((d) => d.goals.targets);
  const plan = useMemo(
    () => (calculator && stages && targets ? planFunnel({ lifecycle: { stages }, goals: { targets, calculator } }) : null),
    [calculator, stages, targets],
  );
  const planned = plan && !plan.problem ? plannedTargets(plan) : [];
  const applied = planned.length > 0 && planned.every((p) => targets?.find((r) => r.stageId === p.stageId)?.monthly === p.monthly);
  const hasCustom = plan?.stages.some((s) => s.key === 'custom') ?? false;
  const money = currencyAffix(format.locale, currency);
  const marks = useMemo(() => (sessionId ? historyMarksOf({ historyMarks: allMarks }, sessionId) : null), [allMarks, sessionId]);
  /** "From the Jan – Jun 2027 results" under a box while it still holds the number the prefill put there. */
  const fromHistory = (field: 'averageDealSize' | RateKey, value: number | null | undefined): string | undefined =>
    marks && value !== null && value !== undefined && marks.values[field] === value
      ? t('results.workshop.prefill.fromHistory', { range: formatMonthRange(marks.from, marks.to, i18n.language) })
      : undefined;

  const apply = () =>
    edit((draft) => {
      for (const { stageId, monthly } of planned) {
        const row = draft.goals.targets.find((r) => r.stageId === stageId);
        if (row) row.monthly = monthly;
        else draft.goals.targets.push({ stageId, monthly });
      }
    });

  return (
    <Paper
      radius="lg"
      p="lg"
      withBorder
      component="section"
      aria-labelledby="calculator-title"
      style={{ borderColor: 'var(--mantine-color-indigo-3)', borderWidth: 2 }}
    >
      <Stack gap="md">
        <Group gap="xs" wrap="nowrap">
          <IconCalculator size={22} color="var(--mantine-color-indigo-7)" aria-hidden />
          <Title order={3} size="h4" id="calculator-title">
            {t('steps.goals.calculator.title')}
          </Title>
        </Group>
        <Text size="sm" c="dimmed">
          {t('steps.goals.calculator.intro')}
        </Text>
        <HistoryPrefill />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NumberField path={[...base, 'revenueGoal']} label={t('steps.goals.calculator.revenueGoal')} decimals={2} money {...money} />
          <NumberField
            path={[...base, 'averageDealSize']}
            label={t('steps.goals.calculator.averageDealSize')}
            description={fromHistory('averageDealSize', calculator?.averageDealSize)}
            decimals={2}
            money
            {...money}
          />
        </SimpleGrid>
        <Stack gap={6}>
          <Text fw={600} size="sm">
            {t('steps.goals.calculator.ratesTitle')}
          </Text>
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
            {RATE_KEYS.map((key) => (
              <NumberField
                key={key}
                path={[...base, 'rates', key]}
                label={t(`steps.goals.calculator.rates.${key}`)}
                description={fromHistory(key, calculator?.rates[key])}
                decimals={1}
                max={100}
                suffix="%"
              />
            ))}
          </SimpleGrid>
        </Stack>
        <Stack gap={8}>
          <Text fw={600} size="sm">
            {t('steps.goals.calculator.resultsTitle')}
          </Text>
          {plan?.problem && <CalculatorProblem problem={plan.problem} />}
          {plan && !plan.problem && <CalculatorResults stages={plan.stages} label={t('steps.goals.calculator.resultsTitle')} />}
          {hasCustom && !plan?.problem && (
            <Text size="xs" c="dimmed">
              {t('steps.goals.calculator.customNote')}
            </Text>
          )}
        </Stack>
        {!readOnly && (
          <Group gap="md">
            <Button leftSection={<IconTableImport size={18} />} onClick={apply} disabled={planned.length === 0}>
              {t('steps.goals.calculator.apply')}
            </Button>
            {applied ? (
              <Group gap={6} c="teal.9" wrap="nowrap">
                <IconCheck size={16} aria-hidden />
                <Text size="sm">{t('steps.goals.calculator.applied')}</Text>
              </Group>
            ) : (
              planned.length > 0 && (
                <Text size="sm" c="dimmed">
                  {t('steps.goals.calculator.applyHint')}
                </Text>
              )
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
