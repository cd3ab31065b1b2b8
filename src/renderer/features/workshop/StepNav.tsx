import { Badge, NavLink, Paper, Text } from '@mantine/core';
import { IconCircleCheck, IconCircleDashed } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { StepCompleteness } from '../../../shared/model/completeness';
import type { StepId } from '../../../shared/model/schema';

interface Props {
  steps: StepCompleteness[];
  selected: StepId;
  onSelect(step: StepId): void;
}

/** The eight steps in workshop order, each saying at a glance whether anything is still missing. */
export function StepNav({ steps, selected, onSelect }: Props) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="lg" p="xs" component="nav" aria-label={t('ui.workshop.steps')}>
      {steps.map((step, index) => (
        <NavLink
          key={step.step}
          component="button"
          active={step.step === selected}
          aria-current={step.step === selected ? 'step' : undefined}
          onClick={() => onSelect(step.step)}
          label={
            <Text size="sm" fw={step.step === selected ? 600 : 500}>
              {index}. {t(`common.steps.${step.step}`)}
            </Text>
          }
          leftSection={
            step.complete ? (
              <IconCircleCheck size={18} color="var(--mantine-color-teal-6)" aria-hidden />
            ) : (
              <IconCircleDashed size={18} color="var(--mantine-color-gray-5)" aria-hidden />
            )
          }
          rightSection={
            <Badge size="sm" variant="light" color={step.complete ? 'teal' : 'orange'}>
              {step.complete ? t('ui.workshop.complete') : t('ui.workshop.missingCount', { n: step.missing.length })}
            </Badge>
          }
          style={{ borderRadius: 'var(--mantine-radius-md)' }}
        />
      ))}
    </Paper>
  );
}
