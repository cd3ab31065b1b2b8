import { Box, Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconTrashX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AgreementSummary } from '../../../shared/api/contract';
import { AgreementBadges } from './AgreementBadges';
import { RelativeTime } from './RelativeTime';

export interface TrashRowActions {
  onRestore(agreement: AgreementSummary): void;
  onPurge(agreement: AgreementSummary): void;
}

/** A trashed agreement cannot be opened, only restored or deleted for good. */
export function TrashRow({ agreement, actions }: { agreement: AgreementSummary; actions: TrashRowActions }) {
  const { t } = useTranslation();
  return (
    <Box component="li" data-testid="agreement-row" className="agreement-row" px="lg" py="md">
      <Group wrap="nowrap" gap="lg">
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Text data-testid="agreement-title" fw={600} truncate="end">
              {agreement.title}
            </Text>
            <AgreementBadges agreement={agreement} />
          </Group>
          <Text size="sm" c="dimmed" truncate="end">
            {agreement.company || t('ui.row.noCompany')}
          </Text>
        </Stack>
        {agreement.deletedAt && (
          <Text size="sm" c="dimmed" w={170} visibleFrom="md">
            <RelativeTime iso={agreement.deletedAt} labelKey="ui.trash.deleted" />
          </Text>
        )}
        <Group gap="xs" wrap="nowrap">
          <Button variant="light" size="sm" leftSection={<IconArrowBackUp size={16} />} onClick={() => actions.onRestore(agreement)}>
            {t('ui.trash.restore')}
          </Button>
          <Button variant="subtle" color="red" size="sm" leftSection={<IconTrashX size={16} />} onClick={() => actions.onPurge(agreement)}>
            {t('ui.trash.purge')}
          </Button>
        </Group>
      </Group>
    </Box>
  );
}
