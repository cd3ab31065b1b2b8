import { Anchor, Box, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconChartBar, IconCopy, IconDownload, IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AgreementSummary } from '../../../shared/api/contract';
import { useAppStore } from '../../store/appStore';
import { lastStepOf } from '../../store/preferencesSlice';
import { formatRoute } from '../../store/route';
import { AgreementBadges } from './AgreementBadges';
import { RelativeTime } from './RelativeTime';
import { RowAction } from './RowAction';

export interface AgreementRowActions {
  onOpen(agreement: AgreementSummary): void;
  onRename(agreement: AgreementSummary): void;
  onDuplicate(agreement: AgreementSummary): void;
  onExport(agreement: AgreementSummary): void;
  onTrash(agreement: AgreementSummary): void;
}

export function AgreementRow({ agreement, actions }: { agreement: AgreementSummary; actions: AgreementRowActions }) {
  const { t } = useTranslation();
  const progress = t('ui.row.progress', { done: agreement.stepsComplete, total: agreement.stepsTotal });
  const step = useAppStore((s) => lastStepOf(s, agreement.id));
  const navigate = useAppStore((s) => s.navigate);
  return (
    <Box component="li" data-testid="agreement-row" className="agreement-row" px="lg" py="md">
      <Group wrap="nowrap" gap="lg">
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Anchor
              href={formatRoute({ name: 'workshop', id: agreement.id, step })}
              data-testid="agreement-title"
              className="agreement-title-link"
              fw={600}
              size="md"
              truncate="end"
            >
              {agreement.title}
            </Anchor>
            <AgreementBadges agreement={agreement} />
          </Group>
          <Text size="sm" c="dimmed" truncate="end">
            {agreement.company || t('ui.row.noCompany')} · {t('ui.row.version', { version: agreement.version })}
          </Text>
        </Stack>
        <Stack gap={6} w={160} visibleFrom="sm">
          <Text size="xs" c="dimmed">
            {progress}
          </Text>
          <Progress value={(agreement.stepsComplete / agreement.stepsTotal) * 100} size="sm" radius="xl" aria-hidden />
        </Stack>
        <Text size="sm" c="dimmed" w={150} visibleFrom="md">
          <RelativeTime iso={agreement.updatedAt} labelKey="ui.row.edited" />
        </Text>
        <Group gap={4} wrap="nowrap">
          <Button variant="light" size="sm" onClick={() => actions.onOpen(agreement)}>
            {t('ui.row.open')}
          </Button>
          <RowAction label={t('results.open')} onClick={() => navigate({ name: 'results', id: agreement.id, view: 'figures' })}>
            <IconChartBar size={18} stroke={1.7} />
          </RowAction>
          <RowAction label={t('ui.row.rename')} onClick={() => actions.onRename(agreement)}>
            <IconPencil size={18} stroke={1.7} />
          </RowAction>
          <RowAction label={t('ui.row.duplicate')} onClick={() => actions.onDuplicate(agreement)}>
            <IconCopy size={18} stroke={1.7} />
          </RowAction>
          <RowAction label={t('ui.row.export')} onClick={() => actions.onExport(agreement)}>
            <IconDownload size={18} stroke={1.7} />
          </RowAction>
          <RowAction label={t('ui.row.delete')} color="red" onClick={() => actions.onTrash(agreement)}>
            <IconTrash size={18} stroke={1.7} />
          </RowAction>
        </Group>
      </Group>
    </Box>
  );
}
