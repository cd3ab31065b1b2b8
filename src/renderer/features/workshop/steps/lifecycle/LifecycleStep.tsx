import { Group, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { StepSection } from '../../fields/StepSection';
import { SqlCriteria } from './SqlCriteria';
import { StageList } from './StageList';

/** Step 2: the funnel's stages in order, then what makes a lead sales-ready. */
export function LifecycleStep() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <StepSection title={t('steps.lifecycle.stages.title')} description={t('steps.lifecycle.stages.intro')}>
        <Group gap="xs" wrap="nowrap" align="flex-start" mb="md">
          <IconInfoCircle size={18} color="var(--mantine-color-indigo-6)" aria-hidden style={{ flexShrink: 0, marginTop: 1 }} />
          <Text size="sm" c="indigo.9">
            {t('steps.lifecycle.stages.requiredNote')}
          </Text>
        </Group>
        <StageList />
      </StepSection>
      <SqlCriteria />
    </Stack>
  );
}
