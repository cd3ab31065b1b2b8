import { Badge, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../../store/appStore';
import { focusField } from '../../focusField';
import { MissingList } from '../../MissingList';
import { useCompleteness } from '../../useCompleteness';

/**
 * Review: where the whole agreement stands, step by step, each open item one click from its field.
 * (Reading the full agreement and signing it come with sign-off.)
 */
export function ReviewStep() {
  const { t } = useTranslation();
  const completeness = useCompleteness();
  const id = useAppStore((s) => s.session?.id);
  const navigate = useAppStore((s) => s.navigate);
  if (!completeness || !id) return null;
  const done = completeness.steps.filter((s) => s.complete).length;
  return (
    <Stack gap="md">
      <Paper withBorder radius="lg" p="lg">
        <Group justify="space-between" mb="xs">
          <Text fw={600}>{t('steps.review.progress', { done, total: completeness.steps.length })}</Text>
          <Badge color={completeness.complete ? 'teal' : 'orange'} variant="light">
            {completeness.complete ? t('steps.review.ready') : t('steps.review.notReady', { n: completeness.missingCount })}
          </Badge>
        </Group>
        <Progress value={(done / completeness.steps.length) * 100} radius="xl" aria-hidden />
      </Paper>
      {completeness.steps.map((step, index) => (
        <Paper key={step.step} withBorder radius="lg" p="lg" component="section" aria-labelledby={`review-${step.step}`}>
          <Group justify="space-between" mb="sm">
            <Title order={3} size="h5" id={`review-${step.step}`}>
              {index}. {t(`common.steps.${step.step}`)}
            </Title>
            <Badge size="sm" variant="light" color={step.complete ? 'teal' : 'orange'}>
              {step.complete ? t('workshop.stepBadge.complete') : t('workshop.stepBadge.missing', { n: step.missing.length })}
            </Badge>
          </Group>
          <MissingList
            items={step.missing}
            onGo={(item) => {
              navigate({ name: 'workshop', id, step: step.step });
              focusField(item.path);
            }}
          />
        </Paper>
      ))}
    </Stack>
  );
}
