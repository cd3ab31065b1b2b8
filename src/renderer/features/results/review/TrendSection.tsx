import { LineChart } from '@mantine/charts';
import { Box, Button, Stack, Table, Title } from '@mantine/core';
import { IconTable } from '@tabler/icons-react';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonthReview } from '../../../../shared/actuals/review';
import type { Agreement } from '../../../../shared/model/schema';
import { formatInUnit, monthLabel, sameFigures } from './reviewModel';

const COLORS = ['blue.7', 'teal.7', 'grape.7', 'orange.7', 'cyan.8', 'pink.7', 'lime.8', 'indigo.7', 'red.7', 'yellow.8'];

/** How many reached each stage in the twelve months up to the reviewed one: a line chart, and its table on demand. */
export const TrendSection = memo(function TrendSection({
  review,
  agreement,
}: {
  review: Pick<MonthReview, 'month' | 'currency' | 'trend'>;
  agreement: Agreement;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [showTable, setShowTable] = useState(false);
  const stages = agreement.lifecycle.stages;
  // Series are keyed by position: a stage's name may hold characters a data key cannot.
  const data = review.trend.map((m) => ({
    month: monthLabel(m.month, locale, 'short'),
    ...Object.fromEntries(m.stages.map((s, i) => [`s${i}`, s.actual])),
  }));
  const first = review.trend[0]?.month ?? review.month;
  const tableId = `review-trend-table-${review.month}`;
  return (
    <Stack gap="sm" component="section" aria-labelledby="review-trend-title">
      <Title order={2} size="h3" id="review-trend-title">
        {t('results.review.trend.title')}
      </Title>
      <Box role="img" aria-label={t('results.review.trend.chartLabel', { from: monthLabel(first, locale), to: monthLabel(review.month, locale) })}>
        <LineChart
          h={260}
          data={data}
          dataKey="month"
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          connectNulls={false}
          valueFormatter={(v) => formatInUnit(v, 'count', locale, review.currency) ?? ''}
          series={stages.map((s, i) => ({ name: `s${i}`, label: s.name, color: COLORS[i % COLORS.length] ?? 'blue.7' }))}
          lineChartProps={{ accessibilityLayer: false }}
        />
      </Box>
      <Button
        variant="subtle"
        leftSection={<IconTable size={16} aria-hidden />}
        onClick={() => setShowTable((v) => !v)}
        aria-expanded={showTable}
        aria-controls={tableId}
        w="fit-content"
      >
        {showTable ? t('results.review.chart.hideTable') : t('results.review.chart.tableToggle')}
      </Button>
      {showTable && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped withTableBorder id={tableId} data-testid="review-trend-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('results.review.trend.month')}</Table.Th>
                {stages.map((s) => (
                  <Table.Th key={s.id} scope="col" ta="right">
                    {s.name}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {review.trend.map((m) => (
                <Table.Tr key={m.month}>
                  <Table.Th scope="row" fw={500}>
                    {monthLabel(m.month, locale)}
                  </Table.Th>
                  {m.stages.map((s) => (
                    <Table.Td key={s.stageId} ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {formatInUnit(s.actual, 'count', locale, review.currency) ?? (m.entered ? '—' : t('results.review.trend.notEntered'))}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}, sameFigures);
