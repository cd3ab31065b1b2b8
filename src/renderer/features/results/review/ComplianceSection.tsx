import { Badge, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommitmentMeasure } from '../../../../shared/actuals/compliance';
import { inferMeasure, type CommitmentReview, type MonthReview } from '../../../../shared/actuals/review';
import type { Agreement, Commitment } from '../../../../shared/model/schema';
import { useAppStore } from '../../../store/appStore';
import { formatInUnit, measureChoices, measureFromKey, measureKey, sameFigures } from './reviewModel';
import { StatusText } from './StatusText';

const AUTO = 'auto';

function measureName(t: TFunction, measure: CommitmentMeasure, agreement: Agreement): string {
  if (measure.kind === 'stage') {
    const stage = agreement.lifecycle.stages.find((s) => s.id === measure.stageId)?.name ?? '';
    return t('results.review.compliance.measure.stage', { stage });
  }
  return t(`results.review.compliance.measure.${measure.kind}`);
}

function rangeText(t: TFunction, c: Pick<Commitment, 'min' | 'max' | 'unit'>, locale: string, currency: string): string {
  const f = (v: number | null) => formatInUnit(v, c.unit, locale, currency) ?? '';
  if (c.min !== null && c.max !== null) return t('results.review.compliance.range.between', { min: f(c.min), max: f(c.max) });
  if (c.min !== null) return t('results.review.compliance.range.atLeast', { min: f(c.min) });
  if (c.max !== null) return t('results.review.compliance.range.atMost', { max: f(c.max) });
  return t('results.review.compliance.range.none');
}

/** One commitment's light: met, missed or no data, its value against its range, and the figure that measures it. */
function CommitmentCard({ item, agreement, currency }: { item: CommitmentReview; agreement: Agreement; currency: string }) {
  const { t, i18n } = useTranslation();
  const linkMeasure = useAppStore((s) => s.linkMeasure);
  const commitment = agreement.protocol.commitments.find((c) => c.id === item.commitmentId);
  if (!commitment) return null;
  const choices = measureChoices(commitment, agreement);
  const inferred = inferMeasure(commitment, agreement);
  const autoLabel = inferred
    ? `${t('results.review.compliance.automatic')}: ${measureName(t, inferred, agreement)}`
    : t('results.review.compliance.notMeasured');
  const data = [{ value: AUTO, label: autoLabel }, ...choices.map((m) => ({ value: measureKey(m), label: measureName(t, m, agreement) }))];
  const value = item.measureSource === 'linked' && item.measure ? measureKey(item.measure) : AUTO;
  const shown = formatInUnit(item.value, item.unit, i18n.language, currency);
  const titleId = `commitment-${item.commitmentId}`;
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-labelledby={titleId} data-testid="review-commitment">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Badge variant="light" color={item.team === 'marketing' ? 'grape' : item.team === 'sales' ? 'blue' : 'gray'}>
            {t(`results.review.compliance.team.${item.team}`)}
          </Badge>
          <StatusText status={item.status} size="md" />
        </Group>
        <Text fw={600} id={titleId}>
          {item.description}
        </Text>
        <Text size="sm">
          {shown === null ? t('results.review.compliance.noValue') : t('results.review.compliance.value', { value: shown })} ·{' '}
          {rangeText(t, item, i18n.language, currency)}
        </Text>
        <Select
          size="xs"
          label={t('results.review.compliance.measuredBy')}
          description={item.measureSource === 'linked' ? t('results.review.compliance.linked') : undefined}
          data={data}
          value={value}
          allowDeselect={false}
          onChange={(key) => linkMeasure(agreement.meta.id, commitment.id, key === null || key === AUTO ? null : measureFromKey(key, choices))}
        />
      </Stack>
    </Paper>
  );
}

/** The compliance light of every commitment of the protocol step in the month. */
export const ComplianceSection = memo(function ComplianceSection({
  review,
  agreement,
}: {
  review: Pick<MonthReview, 'currency' | 'commitments'>;
  agreement: Agreement;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" component="section" aria-labelledby="review-compliance-title">
      <Title order={2} size="h3" id="review-compliance-title">
        {t('results.review.compliance.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('results.review.compliance.intro')}
      </Text>
      {review.commitments.length === 0 ? (
        <Text size="sm">{t('results.review.compliance.noCommitments')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {review.commitments.map((item) => (
            <CommitmentCard key={item.commitmentId} item={item} agreement={agreement} currency={review.currency} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}, sameFigures);
