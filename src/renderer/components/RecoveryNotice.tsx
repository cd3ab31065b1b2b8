import { Alert, Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StartupReport } from '../../shared/api/contract';
import { api } from '../api/apiClient';
import { formatDateTime } from '../lib/formatDate';

type Recovery = NonNullable<StartupReport['recovery']>;

/** The damaged file of the recovery last acknowledged here: a reload does not show the same notice again. */
const SEEN_KEY = 'sla-workshop.recoveryNoticeSeen';

function seenStore(): Pick<Storage, 'getItem' | 'setItem'> | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/**
 * Shown once after a start-up that found the database damaged: what was wrong, where the damaged file was
 * moved (it is never deleted), and which backup was restored — or that an empty database was started.
 */
export function RecoveryNotice() {
  const { t, i18n } = useTranslation();
  const [recovery, setRecovery] = useState<Recovery | null>(null);

  useEffect(() => {
    let active = true;
    void api()
      .send('app.startupReport', {})
      .then((reply) => {
        if (!active || !reply.ok || !reply.value.recovery) return;
        if (seenStore()?.getItem(SEEN_KEY) === reply.value.recovery.damagedPath) return;
        setRecovery(reply.value.recovery);
      });
    return () => {
      active = false;
    };
  }, []);

  const close = () => {
    if (recovery) {
      try {
        seenStore()?.setItem(SEEN_KEY, recovery.damagedPath);
      } catch {
        // Storage full or disabled: the notice may show again after a reload, nothing worse.
      }
    }
    setRecovery(null);
  };

  const restored = recovery?.restoredFrom && recovery.backupTakenAt ? { path: recovery.restoredFrom, takenAt: recovery.backupTakenAt } : null;
  return (
    <Modal
      opened={recovery !== null}
      onClose={close}
      title={t(restored ? 'ui.recovery.titleRestored' : 'ui.recovery.titleFresh')}
      centered
      size="lg"
      closeOnClickOutside={false}
      closeButtonProps={{ 'aria-label': t('ui.recovery.close') }}
    >
      {recovery && (
        <Stack gap="sm">
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={20} aria-hidden />}>
            {t(`ui.recovery.reason.${recovery.reason}`)}
          </Alert>
          <Text size="sm">{restored ? t('ui.recovery.restored', { when: formatDateTime(restored.takenAt, i18n.language) }) : t('ui.recovery.fresh')}</Text>
          <Text size="sm">{t('ui.recovery.damagedFile')}</Text>
          <Code block data-testid="recovery-damaged-path">
            {recovery.damagedPath}
          </Code>
          {restored && (
            <>
              <Text size="sm">{t('ui.recovery.backupFile')}</Text>
              <Code block>{restored.path}</Code>
            </>
          )}
          <Text size="sm" c="dimmed">
            {t('ui.recovery.keep')}
          </Text>
          <Group justify="flex-end">
            <Button onClick={close} data-autofocus>
              {t('ui.recovery.ok')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
