import { Box, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonthReview } from '../../../../shared/actuals/review';
import { useResultsAgreement } from '../ResultsContext';
import { useCellDrafts } from '../figures/cellDrafts';
import { FigureCell } from '../figures/FigureCell';
import { figureColumns } from '../figures/figureColumns';
import { formatInUnit, monthLabel } from './reviewModel';
import { StatusText } from './StatusText';

/** The agreement's KPIs in the month next to their targets: catalog KPIs computed, custom ones typed here. */
export function KpiSection({ review }: { review: MonthReview }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const agreement = useResultsAgreement();
  const month = monthLabel(review.month, locale);
  // A custom KPI is typed in the same box as its column of the figures grid: same reading, same kept text.
  const columns = useMemo(() => new Map(figureColumns(agreement, []).map((c) => [c.id, c])), [agreement]);
  useEffect(() => useCellDrafts.getState().load(agreement.meta.id), [agreement.meta.id]);
  return (
    <Stack gap="sm" component="section" aria-labelledby="review-kpis-title">
      <Title order={2} size="h3" id="review-kpis-title">
        {t('results.review.kpis.title')}
      </Title>
      {review.kpis.length === 0 ? (
        <Text size="sm">{t('results.review.kpis.noKpis')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped withTableBorder verticalSpacing="xs" data-testid="review-kpis-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('results.review.kpis.kpi')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('results.review.kpis.value')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('results.review.kpis.target')}
                </Table.Th>
                <Table.Th scope="col">{t('results.review.kpis.result')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {review.kpis.map((k) => (
                <Table.Tr key={k.kpiId} data-kpi={k.catalogKey ?? 'custom'}>
                  <Table.Th scope="row" fw={500}>
                    {k.name}
                    {k.catalogKey === null && (
                      <Text size="xs" c="dimmed" fw={400}>
                        {t('results.review.kpis.customHint')}
                      </Text>
                    )}
                    {k.lowerIsBetter && (
                      <Text size="xs" c="dimmed" fw={400}>
                        {t('results.review.kpis.lowerIsBetter')}
                      </Text>
                    )}
                  </Table.Th>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {k.catalogKey === null && columns.has(`kpi:${k.kpiId}`) ? (
                      <Box w={150} ms="auto">
                        <FigureCell
                          key={`${review.month}-${k.kpiId}`}
                          agreementId={agreement.meta.id}
                          month={review.month}
                          column={columns.get(`kpi:${k.kpiId}`)!}
                          label={t('results.review.kpis.customValue', { kpi: k.name, month })}
                          showTarget={false}
                        />
                      </Box>
                    ) : (
                      (formatInUnit(k.value, k.unit, locale, review.currency) ?? '—')
                    )}
                  </Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {formatInUnit(k.target, k.unit, locale, review.currency) ?? '—'}
                  </Table.Td>
                  <Table.Td>
                    <StatusText status={k.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
