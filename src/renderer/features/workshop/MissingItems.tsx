import { Group, List, Paper, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconPoint } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { StepCompleteness } from '../../../shared/model/completeness';

/** What the group still has to settle in one step, in the words of the `missing` messages. */
export function MissingItems({ step }: { step: StepCompleteness }) {
  const { t } = useTranslation();
  const heading = t(`common.steps.${step.step}`);
  return (
    <Paper withBorder radius="lg" p="xl">
      <Title order={2} size="h3" mb="xs">
        {heading}
      </Title>
      {step.complete ? (
        <Group gap="xs">
          <ThemeIcon size={22} radius="xl" color="teal" variant="light" aria-hidden>
            <IconCheck size={14} />
          </ThemeIcon>
          <Text c="teal.8" size="sm">
            {t('ui.workshop.nothingMissing')}
          </Text>
        </Group>
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="md">
            {t('ui.workshop.stillMissing')}
          </Text>
          <List
            spacing="xs"
            size="sm"
            icon={
              <ThemeIcon size={20} radius="xl" variant="light" color="orange" aria-hidden>
                <IconPoint size={14} />
              </ThemeIcon>
            }
          >
            {step.missing.map((item) => (
              <List.Item key={`${item.key}:${item.path.join('.')}`}>{t(item.key, item.params)}</List.Item>
            ))}
          </List>
        </>
      )}
    </Paper>
  );
}
