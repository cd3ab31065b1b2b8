import { Alert, Button, Group, Loader, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupAgreement, BackupInfo } from '../../../shared/api/contract';
import { api } from '../../api/apiClient';
import { formatDateTime } from '../../lib/formatDate';
import { BackupAgreementItem } from './BackupAgreementItem';
import { useRestoreAgreement } from './useRestoreAgreement';

type Loaded<T> = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; value: T };

/**
 * The automatic backups and what each holds; any agreement in a backup can be brought back from here.
 * What restoring does is said beside each agreement before anything is clicked: it replaces a current copy
 * that cannot be read, is added as a new draft beside one that can, or is added back if it is gone.
 */
export function BackupsDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const restore = useRestoreAgreement();
  const [backups, setBackups] = useState<Loaded<BackupInfo[]>>({ state: 'loading' });
  const [chosen, setChosen] = useState<string | null>(null);
  const [contents, setContents] = useState<Loaded<BackupAgreement[]>>({ state: 'loading' });
  const [reload, setReload] = useState(0);
  const headingId = useId();

  useEffect(() => {
    if (!opened) return;
    let active = true;
    setBackups({ state: 'loading' });
    void api()
      .send('backups.list', {})
      .then((reply) => {
        if (!active) return;
        if (!reply.ok) return setBackups({ state: 'failed' });
        setBackups({ state: 'ready', value: reply.value });
        setChosen(reply.value.find((b) => b.ok)?.name ?? null);
      });
    return () => {
      active = false;
    };
  }, [opened]);

  useEffect(() => {
    if (!opened || !chosen) return;
    let active = true;
    setContents({ state: 'loading' });
    void api()
      .send('backups.agreements', { backup: chosen })
      .then((reply) => {
        if (active) setContents(reply.ok ? { state: 'ready', value: reply.value } : { state: 'failed' });
      });
    return () => {
      active = false;
    };
  }, [opened, chosen, reload]);

  const list = backups.state === 'ready' ? backups.value : [];
  const backup = list.find((b) => b.name === chosen) ?? null;
  const label = (b: BackupInfo) => {
    const when = formatDateTime(b.takenAt, i18n.language);
    if (!b.ok) return t('backups.dialog.damaged', { when });
    return t('backups.dialog.option', { when, count: b.agreements }) + (b.unreadable ? t('backups.dialog.someUnreadable', { count: b.unreadable }) : '');
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('backups.dialog.title')}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('backups.dialog.close') }}
    >
      <Stack gap="md">
        <Text size="sm">{t('backups.dialog.intro')}</Text>
        {backups.state === 'loading' && <Loader size="sm" aria-label={t('backups.dialog.loading')} />}
        {backups.state === 'failed' && <Alert color="red">{t('backups.dialog.loadFailed')}</Alert>}
        {backups.state === 'ready' && list.length === 0 && <Text size="sm">{t('backups.dialog.none')}</Text>}
        {list.length > 0 && (
          <NativeSelect
            label={t('backups.dialog.backup')}
            value={chosen ?? ''}
            onChange={(event) => setChosen(event.currentTarget.value)}
            data={list.map((b) => ({ value: b.name, label: label(b), disabled: !b.ok }))}
            data-autofocus
          />
        )}
        {backup && (
          <section aria-labelledby={headingId}>
            <Text component="h3" id={headingId} fw={600} size="sm" mt={0} mb="xs">
              {t('backups.dialog.agreements')}
            </Text>
            {contents.state === 'loading' && <Loader size="sm" aria-label={t('backups.dialog.loading')} />}
            {contents.state === 'failed' && <Alert color="red">{t('backups.dialog.loadFailed')}</Alert>}
            {contents.state === 'ready' && contents.value.length === 0 && <Text size="sm">{t('backups.dialog.empty')}</Text>}
            {contents.state === 'ready' && contents.value.length > 0 && (
              <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
                {contents.value.map((agreement) => (
                  <BackupAgreementItem
                    key={agreement.id}
                    agreement={agreement}
                    onRestore={async () => {
                      if (await restore(backup, agreement.id)) setReload((n) => n + 1);
                    }}
                  />
                ))}
              </Stack>
            )}
          </section>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('backups.dialog.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
