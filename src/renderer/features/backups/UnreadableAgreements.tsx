import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { IconCheck, IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnreadableAgreement } from '../../../shared/api/contract';
import { formatDateTime } from '../../lib/formatDate';
import { useRestoreAgreement } from './useRestoreAgreement';

/**
 * The agreements whose stored data could not be read at start-up, each with the newest backup that still
 * holds a readable copy and a button to bring it back (replacing the unreadable copy, as the text says).
 */
export function UnreadableAgreements({ unreadable }: { unreadable: UnreadableAgreement[] }) {
  const { t, i18n } = useTranslation();
  const restore = useRestoreAgreement();
  const [restored, setRestored] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<string | null>(null);

  async function bringBack(item: UnreadableAgreement) {
    if (!item.backup) return;
    setBusy(item.id);
    const result = await restore(item.backup, item.id);
    setBusy(null);
    if (result) setRestored((done) => new Set([...done, item.id]));
  }

  return (
    <Stack gap="xs">
      <Text size="sm">{t('backups.notice.intro')}</Text>
      <List spacing="sm" listStyleType="none" p={0} m={0}>
        {unreadable.map((item) => {
          const title = item.title || t('backups.notice.untitled');
          const when = item.backup ? formatDateTime(item.backup.takenAt, i18n.language) : '';
          return (
            <List.Item key={item.id} data-testid={`unreadable-${item.id}`}>
              <Stack gap={4}>
                <Text fw={600} size="sm">
                  {title}
                </Text>
                <Text size="sm">{t(`backups.notice.problem.${item.problem}`)}</Text>
                {restored.has(item.id) ? (
                  <Alert color="teal" variant="light" icon={<IconCheck size={18} aria-hidden />} p="xs">
                    {t('backups.notice.restored')}
                  </Alert>
                ) : item.backup ? (
                  <>
                    <Text size="sm">{t('backups.notice.holder', { when })}</Text>
                    <Button
                      size="compact-sm"
                      variant="light"
                      leftSection={<IconRestore size={16} aria-hidden />}
                      style={{ alignSelf: 'flex-start' }}
                      loading={busy === item.id}
                      onClick={() => void bringBack(item)}
                      aria-label={t('backups.notice.restoreNamed', { title, when })}
                    >
                      {t('backups.notice.restore')}
                    </Button>
                  </>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('backups.notice.noHolder')}
                  </Text>
                )}
              </Stack>
            </List.Item>
          );
        })}
      </List>
    </Stack>
  );
}
