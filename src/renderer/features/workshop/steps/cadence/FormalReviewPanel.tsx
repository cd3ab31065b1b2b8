import { Alert, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPencilPlus, IconTargetArrow } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyTargetChanges, proposedChanges, reviewPeriod, type PeriodRow, type TargetChange } from '../../../../../shared/actuals/reviewPeriod';
import { describeError } from '../../../../../shared/i18n';
import { useAppStore } from '../../../../store/appStore';
import { useDraftSelector, useEdit, useReadOnly } from '../../fields/useField';
import { formatMonthRange } from '../../fromResults/monthRange';
import { useLineageActuals } from '../../fromResults/useLineageActuals';
import { useFormatters, type Formatters } from '../goals/format';
import { noticeSuccess } from '../review/notices';
import { useAmend } from '../review/useAmend';
import { holdTargetsFor, takeTargetsFor } from './pendingTargets';
import { TargetChangesModal } from './TargetChangesModal';

function ReviewRow({ row, format }: { row: PeriodRow; format: Formatters }) {
  const { t } = useTranslation();
  const none = t('results.workshop.review.none');
  const low = row.pctAchieved !== null && row.pctAchieved < 100;
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={500}>
        {row.name}
      </Table.Th>
      <Table.Td ta="right">{row.target === null ? none : format.number(row.target)}</Table.Td>
      <Table.Td ta="right">
        {row.actual === null ? none : format.number(row.actual)}
        {row.actual !== null && (
          <Text span size="xs" c="dimmed" display="block">
            {t('results.workshop.review.monthsCounted', { count: row.monthsCounted })}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right" c={low ? 'red.9' : row.pctAchieved === null ? undefined : 'teal.9'} fw={row.pctAchieved === null ? undefined : 600}>
        {row.pctAchieved === null ? none : format.percent(row.pctAchieved)}
      </Table.Td>
      <Table.Td ta="right">{row.proposed === null ? none : format.number(row.proposed)}</Table.Td>
    </Table.Tr>
  );
}

/**
 * The formal review in the cadence step: the last months of results (as many as the review interval, six or
 * two in high growth) against the targets, with targets proposed from what was achieved. On a signed version
 * "Amend" opens the amendment and writes the confirmed targets there; on a draft they are written directly.
 */
export function FormalReviewPanel() {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const edit = useEdit();
  const readOnly = useReadOnly();
  const { amend, busy } = useAmend();
  const id = useAppStore((s) => s.session?.id);
  const stages = useDraftSelector((d) => d.lifecycle.stages);
  const targets = useDraftSelector((d) => d.goals.targets);
  const calculator = useDraftSelector((d) => d.goals.calculator);
  const interval = useDraftSelector((d) => d.cadence.months) ?? 6;
  const actuals = useLineageActuals(id);
  const [dialog, setDialog] = useState<TargetChange[] | null>(null);

  const review = useMemo(
    () =>
      stages && targets && calculator && actuals.status === 'ready'
        ? reviewPeriod({ lifecycle: { stages }, goals: { targets, calculator } }, actuals.months, interval)
        : null,
    [stages, targets, calculator, actuals, interval],
  );

  // Targets confirmed on the signed version arrive here once its amendment is open: one edit, one Undo.
  useEffect(() => {
    if (!id || readOnly) return;
    const waiting = takeTargetsFor(id);
    if (!waiting) return;
    edit((draft) => applyTargetChanges(draft.goals.targets, waiting));
    noticeSuccess(t, t('results.workshop.review.applied', { count: waiting.length }));
  }, [id, readOnly, edit, t]);

  const confirm = (chosen: TargetChange[]) => {
    if (readOnly) {
      void amend('cadence', (amendmentId) => holdTargetsFor(amendmentId, chosen)).then(() => setDialog(null));
      return;
    }
    edit((draft) => applyTargetChanges(draft.goals.targets, chosen));
    noticeSuccess(t, t('results.workshop.review.applied', { count: chosen.length }));
    setDialog(null);
  };

  const changes = review ? proposedChanges(review) : [];
  const range =
    review && review.months.length ? formatMonthRange(review.months[0] as string, review.months[review.months.length - 1] as string, i18n.language) : '';

  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="formal-review-title" data-testid="formal-review">
      <Stack gap="md">
        <Group gap="xs" wrap="nowrap">
          <IconTargetArrow size={22} color="var(--mantine-color-indigo-7)" aria-hidden />
          <Title order={3} size="h4" id="formal-review-title">
            {t('results.workshop.review.title', { count: interval })}
          </Title>
        </Group>
        <Text size="sm" c="dimmed">
          {t('results.workshop.review.intro')}
        </Text>
        {actuals.status === 'loading' && (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm">{t('results.workshop.review.loading')}</Text>
          </Group>
        )}
        {actuals.status === 'failed' && (
          <Alert color="red" variant="light">
            {t('results.workshop.review.loadFailed', { reason: describeError(t, actuals.error) })}
          </Alert>
        )}
        {review && review.months.length === 0 && <Text size="sm">{t('results.workshop.review.empty')}</Text>}
        {review && review.months.length > 0 && (
          <>
            <Text size="sm" fw={500}>
              {t('results.workshop.review.period', { range, count: review.months.length })}
            </Text>
            <Table.ScrollContainer minWidth={560}>
              <Table striped withTableBorder aria-label={t('results.workshop.review.tableLabel')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('results.workshop.review.stage')}</Table.Th>
                    <Table.Th ta="right">{t('results.workshop.review.target')}</Table.Th>
                    <Table.Th ta="right">{t('results.workshop.review.actual')}</Table.Th>
                    <Table.Th ta="right">{t('results.workshop.review.achieved')}</Table.Th>
                    <Table.Th ta="right">{t('results.workshop.review.proposed')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {review.rows.map((row) => (
                    <ReviewRow key={row.stageId} row={row} format={format} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {changes.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('results.workshop.review.noChanges')}
              </Text>
            ) : (
              <Group>
                <Button leftSection={<IconPencilPlus size={18} />} onClick={() => setDialog(changes)} loading={busy}>
                  {t(readOnly ? 'results.workshop.review.amend' : 'results.workshop.review.useTargets')}
                </Button>
              </Group>
            )}
          </>
        )}
      </Stack>
      {dialog && <TargetChangesModal changes={dialog} amend={readOnly} busy={busy} onConfirm={confirm} onClose={() => setDialog(null)} />}
    </Paper>
  );
}
