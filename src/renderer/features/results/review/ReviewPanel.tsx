import { Group, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { monthReview } from '../../../../shared/actuals/review';
import { useAppStore } from '../../../store/appStore';
import { useActuals, useResultsAgreement } from '../ResultsContext';
import { ComplianceSection } from './ComplianceSection';
import { ExportButtons } from './ExportButtons';
import { KpiSection } from './KpiSection';
import { MonthPicker } from './MonthPicker';
import { NotesSection } from './NotesSection';
import { measureLinksOf, pickMonth, reviewableMonths } from './reviewModel';
import { StagesSection } from './StagesSection';
import { TrendSection } from './TrendSection';
import { useCarryDecision } from './useCarryDecision';

/**
 * The monthly review meeting's screen: one month of the lineage's actuals against the agreement — stages
 * against targets, the 12-month trend, each commitment's compliance, the KPIs, and the meeting's notes and
 * decisions. Every figure comes from `monthReview` (the same computation as the CLI and the exports).
 */
export function ReviewPanel() {
  const { t, i18n } = useTranslation();
  const agreement = useResultsAgreement();
  const months = useActuals((s) => s.months);
  const storedLinks = useAppStore((s) => s.measureLinks);
  const available = useMemo(() => reviewableMonths(months), [months]);
  const carrier = useCarryDecision(agreement);
  const [wanted, setWanted] = useState<string | null>(null);
  const month = pickMonth(available, wanted);
  const links = useMemo(() => measureLinksOf(storedLinks, agreement), [storedLinks, agreement]);
  const review = useMemo(() => (month ? monthReview(agreement, months, month, links) : null), [agreement, months, month, links]);

  if (!month || !review) return <Text>{t('results.review.empty')}</Text>;
  const imported = review.imported;
  return (
    <Stack gap="xl" data-testid="review-panel">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <MonthPicker available={available} month={month} onChange={setWanted} />
        <ExportButtons agreementId={agreement.meta.id} month={month} links={links} />
        {imported && (
          <Text size="sm" c="dimmed">
            {t('results.review.month.imported', {
              file: imported.fileName,
              date: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(imported.at)),
            })}
          </Text>
        )}
      </Group>
      <StagesSection review={{ month: review.month, currency: review.currency, stages: review.stages }} />
      <TrendSection review={{ month: review.month, currency: review.currency, trend: review.trend }} agreement={agreement} />
      <ComplianceSection review={{ currency: review.currency, commitments: review.commitments }} agreement={agreement} />
      <KpiSection review={review} />
      <NotesSection key={month} month={month} notes={review.notes} decisions={review.decisions} agreement={agreement} carrier={carrier} />
    </Stack>
  );
}
