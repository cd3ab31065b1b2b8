import { ActionIcon, Collapse, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconBulb, IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/appStore';
import type { WorkshopStep } from '../../store/route';
import { HoverTooltip } from '../../components/HoverTooltip';

/** The method in plain words for this step (paraphrased from the methodology, in the interface language). */
export function GuidancePanel({ step }: { step: WorkshopStep }) {
  const { t } = useTranslation();
  const show = useAppStore((s) => s.showGuidance);
  const setShow = useAppStore((s) => s.setShowGuidance);
  const paragraphs = t(`steps.${step}.guide.body`).split(/\n\n+/);
  const toggle = show ? t('workshop.hideGuidance') : t('workshop.showGuidance');
  return (
    <Paper
      radius="lg"
      p="md"
      bg="indigo.0"
      withBorder
      style={{ borderColor: 'var(--mantine-color-indigo-1)' }}
      component="aside"
      aria-label={t('workshop.guidance')}
    >
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <IconBulb size={18} color="var(--mantine-color-indigo-7)" aria-hidden />
          <Title order={2} size="h5" c="indigo.9">
            {t(`steps.${step}.guide.title`)}
          </Title>
        </Group>
        <HoverTooltip label={toggle}>
          <ActionIcon variant="subtle" color="indigo" aria-label={toggle} aria-expanded={show} onClick={() => setShow(!show)}>
            {show ? <IconChevronUp size={16} /> : <IconChevronDown size={16} />}
          </ActionIcon>
        </HoverTooltip>
      </Group>
      <Collapse expanded={show}>
        <Stack gap={8} mt="sm">
          {paragraphs.map((paragraph, index) => (
            <Text key={index} size="sm" c="indigo.9">
              {paragraph}
            </Text>
          ))}
        </Stack>
      </Collapse>
    </Paper>
  );
}
