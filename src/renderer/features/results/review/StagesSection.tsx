import { BarChart } from '@mantine/charts';
import { Box, Stack, Table, Title } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonthReview } from '../../../../shared/actuals/review';
import { formatInUnit, monthLabel, sameFigures } from './reviewModel';
import { StatusText } from './StatusText';

/** Target against actual for every stage of the funnel in the month: a bar chart, and the table that says the same in words. */
export const StagesSection = memo(function StagesSection({ review }: { review: Pick<MonthReview, 'month' | 'currency' | 'stages'> }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const count = (v: number | null) => formatInUnit(v, 'count', locale, review.currency) ?? '—';
  const targetLabel = t('results.review.stages.target');
  const actualLabel = t('results.review.stages.actual');
  const data = review.stages.map((s) => ({ stage: s.name, target: s.target, actual: s.actual }));
  return (
    <Stack gap="sm" component="section" aria-labelledby="review-stages-title">
      <Title order={2} size="h3" id="review-stages-title">
        {t('results.review.stages.title')}
      </Title>
      <Box role="img" aria-label={t('results.review.stages.chartLabel', { month: monthLabel(review.month, locale) })}>
        <BarChart
          h={260}
          data={data}
          dataKey="stage"
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          valueFormatter={(v) => count(v)}
          series={[
            { name: 'target', label: targetLabel, color: 'gray.5' },
            { name: 'actual', label: actualLabel, color: 'blue.7' },
          ]}
          barChartProps={{ accessibilityLayer: false }}
        />
      </Box>
      <Table.ScrollContainer minWidth={560}>
        <Table striped withTableBorder data-testid="review-stages-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('results.review.stages.stage')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {targetLabel}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {actualLabel}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('results.review.stages.pct')}
              </Table.Th>
              <Table.Th scope="col">{t('results.review.stages.result')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {review.stages.map((s) => (
              <Table.Tr key={s.stageId} data-stage={s.key}>
                <Table.Th scope="row" fw={500}>
                  {s.name}
                </Table.Th>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {count(s.target)}
                </Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {count(s.actual)}
                </Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {formatInUnit(s.pctOfTarget, 'percent', locale, review.currency) ?? '—'}
                </Table.Td>
                <Table.Td>
                  <StatusText status={s.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}, sameFigures);
