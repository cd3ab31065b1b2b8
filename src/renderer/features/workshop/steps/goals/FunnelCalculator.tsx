import { Box, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCalculator, IconCheck, IconChevronRight, IconTableImport } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { FUNNEL_KEYS, funnelStages, RATE_KEYS, RESULT_FIELD, reverseFunnel, type FunnelResult } from '../../../../../shared/model/funnel';
import { NumberField } from '../../fields/NumberField';
import { useDraftSelector, useEdit, useReadOnly } from '../../fields/useField';
import { currencyAffix, useFormatters } from './format';

const base = ['goals', 'calculator'];

/** The computed funnel, top to bottom, as large numbers the room can read from the back. */
function Results({ result, present }: { result: FunnelResult; present: Set<string> }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Group gap={6} wrap="nowrap" align="stretch" role="list" aria-label={t('steps.goals.calculator.resultsTitle')}>
      {FUNNEL_KEYS.map((key, index) => {
        const inStages = present.has(key);
        return (
          <Fragment key={key}>
            {index > 0 && (
              <Box c="gray.5" style={{ alignSelf: 'center' }} aria-hidden>
                <IconChevronRight size={18} />
              </Box>
            )}
            <Paper role="listitem" radius="md" p="sm" bg="indigo.0" style={{ flex: 1, minWidth: 0, opacity: inStages ? 1 : 0.6 }} title={inStages ? undefined : t('steps.goals.calculator.notInStages')}>
              <Text size="xs" c="dimmed" fw={600} truncate>
                {t(`steps.goals.calculator.stages.${key}`)}
              </Text>
              <Text fz={26} fw={700} lh={1.2} c="indigo.9" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {format.number(result[RESULT_FIELD[key]])}
              </Text>
            </Paper>
          </Fragment>
        );
      })}
    </Group>
  );
}

/**
 * Revenue goal ÷ average deal size = customers, then back up the funnel by each conversion rate. "Apply to
 * targets" copies the numbers into the targets table in one edit, so a single undo takes it back.
 */
export function FunnelCalculator() {
  const { t } = useTranslation();
  const format = useFormatters();
  const edit = useEdit();
  const readOnly = useReadOnly();
  const currency = useDraftSelector((d) => d.meta.currency) ?? 'EUR';
  const calculator = useDraftSelector((d) => d.goals.calculator);
  const lifecycle = useDraftSelector((d) => d.lifecycle);
  const goals = useDraftSelector((d) => d.goals);
  const result = calculator ? reverseFunnel(calculator) : null;
  const stages = lifecycle && goals ? funnelStages({ lifecycle, goals }) : [];
  const present = new Set<string>(stages.map((s) => s.key));
  const applied = result !== null && stages.length > 0 && stages.every((s) => s.target === result[RESULT_FIELD[s.key]]);
  const money = currencyAffix(format.locale, currency);

  const apply = () => {
    if (!result) return;
    edit((draft) => {
      for (const stage of funnelStages(draft)) {
        const monthly = result[RESULT_FIELD[stage.key]];
        const row = draft.goals.targets.find((r) => r.stageId === stage.id);
        if (row) row.monthly = monthly;
        else draft.goals.targets.push({ stageId: stage.id, monthly });
      }
    });
  };

  return (
    <Paper radius="lg" p="lg" withBorder component="section" aria-labelledby="calculator-title" style={{ borderColor: 'var(--mantine-color-indigo-3)', borderWidth: 2 }}>
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
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NumberField path={[...base, 'revenueGoal']} label={t('steps.goals.calculator.revenueGoal')} decimals={2} {...money} />
          <NumberField path={[...base, 'averageDealSize']} label={t('steps.goals.calculator.averageDealSize')} decimals={2} {...money} />
        </SimpleGrid>
        <Stack gap={6}>
          <Text fw={600} size="sm">
            {t('steps.goals.calculator.ratesTitle')}
          </Text>
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
            {RATE_KEYS.map((key) => (
              <NumberField key={key} path={[...base, 'rates', key]} label={t(`steps.goals.calculator.rates.${key}`)} decimals={1} max={100} suffix=" %" />
            ))}
          </SimpleGrid>
        </Stack>
        <Stack gap={8}>
          <Text fw={600} size="sm">
            {t('steps.goals.calculator.resultsTitle')}
          </Text>
          {result ? (
            <Results result={result} present={present} />
          ) : (
            <Text size="sm" c="dimmed" fs="italic">
              {t('steps.goals.calculator.incomplete')}
            </Text>
          )}
        </Stack>
        {!readOnly && (
          <Group gap="md">
            <Button leftSection={<IconTableImport size={18} />} onClick={apply} disabled={!result || stages.length === 0}>
              {t('steps.goals.calculator.apply')}
            </Button>
            {applied ? (
              <Group gap={6} c="teal.9" wrap="nowrap">
                <IconCheck size={16} aria-hidden />
                <Text size="sm">{t('steps.goals.calculator.applied')}</Text>
              </Group>
            ) : (
              result && (
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
