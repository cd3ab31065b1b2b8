import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MonthReview } from '../../../../shared/actuals/review';
import { LIMITS } from '../../../../shared/model/limits';
import { useActuals } from '../ResultsContext';
import { MonthNumberInput } from './MonthNumberInput';
import { formatInUnit, monthLabel } from './reviewModel';
import { StatusText } from './StatusText';

const CUSTOM_RULES = { min: -LIMITS.maxNumber, max: LIMITS.maxNumber, decimals: 2, nullable: true };

/** The agreement's KPIs in the month next to their targets: catalog KPIs computed, custom ones typed here. */
export function KpiSection({ review }: { review: MonthReview }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const editMonth = useActuals((s) => s.editMonth);
  const month = monthLabel(review.month, locale);
  const store = (kpiId: string, value: number | null) =>
    editMonth(review.month, (m) => ({
      ...m,
      kpiValues: [...m.kpiValues.filter((k) => k.kpiId !== kpiId), ...(value === null ? [] : [{ kpiId, value }])],
    }));
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
                    {k.catalogKey === null ? (
                      <MonthNumberInput
                        key={`${review.month}-${k.kpiId}`}
                        value={k.value}
                        label={t('results.review.kpis.customValue', { kpi: k.name, month })}
                        rules={CUSTOM_RULES}
                        onCommit={(value) => store(k.kpiId, value)}
                        w={150}
                      />
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
