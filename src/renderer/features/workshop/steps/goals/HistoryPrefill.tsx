import { Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calculatorPrefill, funnelHistory, hasFigures } from '../../../../../shared/actuals/history';
import { RATE_KEYS } from '../../../../../shared/model/funnel';
import { useAppStore } from '../../../../store/appStore';
import { useDraftSelector, useEdit, useReadOnly } from '../../fields/useField';
import { formatMonthRange } from '../../fromResults/monthRange';
import { useLineageActuals } from '../../fromResults/useLineageActuals';
import { useFormatters } from './format';

const CHOICES = [3, 6, 12] as const;

/**
 * "Prefill from the last N months": the calculator's deal size and rates as the monthly results recorded them,
 * written in one edit (one Undo takes them all back) and remembered per agreement so each box says where its
 * number came from until someone changes it. Only offered on a draft that has months with figures.
 */
export function HistoryPrefill() {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const edit = useEdit();
  const readOnly = useReadOnly();
  const id = useAppStore((s) => s.session?.id);
  const remember = useAppStore((s) => s.rememberHistoryMarks);
  const stages = useDraftSelector((d) => d.lifecycle.stages);
  const targets = useDraftSelector((d) => d.goals.targets);
  const calculator = useDraftSelector((d) => d.goals.calculator);
  const currency = useDraftSelector((d) => d.meta.currency) ?? 'EUR';
  const actuals = useLineageActuals(id);
  const months = useMemo(() => (actuals.status === 'ready' ? actuals.months : []), [actuals]);
  const available = months.filter(hasFigures).length;
  const [chosen, setChosen] = useState<number | null>(null);
  const n = chosen ?? (available >= 6 ? 6 : 3);
  const history = useMemo(
    () => (stages && targets && calculator ? funnelHistory({ lifecycle: { stages }, goals: { targets, calculator } }, months, n) : null),
    [stages, targets, calculator, months, n],
  );
  if (readOnly || !id || !history || history.months.length === 0) return null;

  const prefill = calculatorPrefill(history);
  const fields = Object.keys(prefill).length;
  const from = history.months[0] as string;
  const to = history.months[history.months.length - 1] as string;
  const range = formatMonthRange(from, to, i18n.language);
  const money = (value: number) => {
    try {
      return new Intl.NumberFormat(format.locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(value);
    } catch {
      return `${format.number(Math.round(value))} ${currency}`;
    }
  };
  const observed = [
    ...history.stages.filter((s) => s.monthlyAverage !== null).map((s) => `${s.name} ${format.number(Math.round((s.monthlyAverage as number) * 10) / 10)}`),
    ...(history.revenue ? [t('results.workshop.prefill.revenue', { value: money(history.revenue.monthlyAverage) })] : []),
  ].join(' · ');

  const apply = () => {
    edit((draft) => {
      if (prefill.averageDealSize !== undefined) draft.goals.calculator.averageDealSize = prefill.averageDealSize;
      for (const key of RATE_KEYS) {
        const value = prefill[key];
        if (value !== undefined) draft.goals.calculator.rates[key] = value;
      }
    });
    remember(id, { from, to, values: prefill });
  };

  return (
    <Paper withBorder radius="md" p="md" bg="indigo.0" component="section" aria-labelledby="prefill-title" data-testid="history-prefill">
      <Stack gap="xs">
        <Group gap="xs" wrap="nowrap">
          <IconHistory size={18} color="var(--mantine-color-indigo-9)" aria-hidden />
          <Text fw={600} size="sm" id="prefill-title">
            {t('results.workshop.prefill.title')}
          </Text>
        </Group>
        <Text size="sm">{t('results.workshop.prefill.intro')}</Text>
        <Group gap="md" align="center">
          <SegmentedControl
            aria-label={t('results.workshop.prefill.monthsLabel')}
            value={String(n)}
            onChange={(value) => setChosen(Number(value))}
            data={CHOICES.map((count) => ({ value: String(count), label: t('results.workshop.prefill.months', { count }) }))}
          />
          <Button variant="filled" color="indigo" onClick={apply} disabled={fields === 0}>
            {t('results.workshop.prefill.button', { count: n })}
          </Button>
        </Group>
        <Text size="sm" c="dark.6">
          {t('results.workshop.prefill.using', { range, count: history.months.length })}
        </Text>
        {observed && (
          <Text size="sm" c="dark.6">
            {t('results.workshop.prefill.observed', { list: observed })}
          </Text>
        )}
        {fields === 0 && (
          <Text size="sm" c="orange.9">
            {t('results.workshop.prefill.nothing')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
