import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupAgreement } from '../../../shared/api/contract';
import { formatDateTime } from '../../lib/formatDate';

/** One agreement of a backup: what it is, what restoring it would do (said before the click), and the button. */
export function BackupAgreementItem({ agreement, onRestore }: { agreement: BackupAgreement; onRestore: () => Promise<unknown> }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const title = agreement.title || t('backups.dialog.untitled');
  const restore = async () => {
    setBusy(true);
    await onRestore();
    setBusy(false);
  };
  return (
    <Paper withBorder p="sm" radius="md" component="li" data-testid={`backup-agreement-${agreement.id}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="md">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Text fw={600} size="sm">
              {title}
            </Text>
            {agreement.status && (
              <Badge variant="light" color={agreement.status === 'draft' ? 'gray' : 'teal'} size="sm">
                {t(`common.status.${agreement.status}`)}
              </Badge>
            )}
          </Group>
          {agreement.company && (
            <Text size="sm" c="dimmed">
              {agreement.company}
            </Text>
          )}
          {agreement.updatedAt && (
            <Text size="xs" c="dimmed">
              {t('backups.dialog.edited', { when: formatDateTime(agreement.updatedAt, i18n.language) })}
              {agreement.deletedAt ? ` · ${t('backups.dialog.trashed')}` : ''}
            </Text>
          )}
          <Text size="sm" data-testid="restore-outcome">
            {agreement.readable ? t(`backups.dialog.outcome.${agreement.outcome}`) : t('backups.dialog.unreadableHere')}
          </Text>
        </Stack>
        {agreement.readable && (
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconRestore size={16} aria-hidden />}
            onClick={() => void restore()}
            loading={busy}
            aria-label={t('backups.dialog.restoreNamed', { title })}
            style={{ flexShrink: 0 }}
          >
            {t('backups.dialog.restore')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
