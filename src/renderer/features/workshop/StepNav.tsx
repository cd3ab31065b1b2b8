import { Badge, NavLink, Paper, Text } from '@mantine/core';
import { IconCircleCheck, IconCircleDashed, IconSignature } from '@tabler/icons-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { WORKSHOP_STEPS, type WorkshopStep } from '../../store/route';
import { useMissingCounts } from './useCompleteness';

interface Props {
  current: WorkshopStep;
  onSelect(step: WorkshopStep): void;
}

/** Participants, the seven steps and the review, each with a badge saying what is left. */
export function StepNav({ current, onSelect }: Props) {
  // The counts keep their identity until one changes: a keystroke does not re-render the links.
  return <StepLinks current={current} onSelect={onSelect} counts={useMissingCounts()} />;
}

const StepLinks = memo(function StepLinks({ current, onSelect, counts }: Props & { counts: Record<string, number> }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="lg" p="xs" component="nav" aria-label={t('workshop.stepsNav')}>
      {WORKSHOP_STEPS.map((step, index) => {
        const missing = counts[step] ?? 0;
        const isReview = step === 'review';
        const complete = !isReview && missing === 0;
        return (
          <NavLink
            key={step}
            component="a"
            href={`#${step}`}
            active={step === current}
            aria-current={step === current ? 'step' : undefined}
            onClick={(event) => {
              event.preventDefault();
              onSelect(step);
            }}
            label={
              <Text size="sm" fw={step === current ? 600 : 500}>
                {isReview ? t('common.steps.review') : `${index}. ${t(`common.steps.${step}`)}`}
              </Text>
            }
            leftSection={
              isReview ? (
                <IconSignature size={18} aria-hidden />
              ) : complete ? (
                <IconCircleCheck size={18} color="var(--mantine-color-teal-7)" aria-hidden />
              ) : (
                <IconCircleDashed size={18} color="var(--mantine-color-gray-6)" aria-hidden />
              )
            }
            rightSection={
              isReview ? null : (
                <Badge size="sm" variant="light" color={complete ? 'teal' : 'orange'}>
                  {complete ? t('workshop.stepBadge.complete') : t('workshop.stepBadge.missing', { count: missing })}
                </Badge>
              )
            }
            // The current step keeps its tint under the pointer: the stock hover shade leaves its label below AA.
            style={{ borderRadius: 'var(--mantine-radius-md)', ...(step === current ? { '--nl-hover': 'var(--nl-bg)' } : {}) }}
          />
        );
      })}
    </Paper>
  );
});
