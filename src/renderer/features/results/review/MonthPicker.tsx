import { ActionIcon, Group, Select, Tooltip } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { monthLabel, neighbours } from './reviewModel';

/** The month under review: a list of the months that have figures, with previous/next beside it. */
export function MonthPicker({ available, month, onChange }: { available: readonly string[]; month: string; onChange(month: string): void }) {
  const { t, i18n } = useTranslation();
  const { previous, next } = neighbours(available, month);
  const data = [...available].reverse().map((m) => ({ value: m, label: monthLabel(m, i18n.language) }));
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <Tooltip label={t('results.review.month.previous')}>
        <ActionIcon
          variant="default"
          size="lg"
          aria-label={t('results.review.month.previous')}
          disabled={previous === null}
          onClick={() => previous && onChange(previous)}
        >
          <IconChevronLeft size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Select
        label={t('results.review.month.label')}
        data={data}
        value={month}
        onChange={(value) => value && onChange(value)}
        allowDeselect={false}
        checkIconPosition="right"
        w={240}
        data-testid="review-month"
      />
      <Tooltip label={t('results.review.month.next')}>
        <ActionIcon variant="default" size="lg" aria-label={t('results.review.month.next')} disabled={next === null} onClick={() => next && onChange(next)}>
          <IconChevronRight size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
