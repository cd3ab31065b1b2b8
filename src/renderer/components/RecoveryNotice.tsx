import { Alert, Button, Code, Divider, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StartupReport } from '../../shared/api/contract';
import { api } from '../api/apiClient';
import { UnreadableAgreements } from '../features/backups/UnreadableAgreements';
import { formatDateTime } from '../lib/formatDate';

type Recovery = NonNullable<StartupReport['recovery']>;
type Notice = Pick<StartupReport, 'unreadable'> & { recovery: Recovery | null; backupFailed: NonNullable<StartupReport['backups']['failed']> | null };

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
 * What the start-up found, shown once at start: a database found damaged (what was wrong, where the damaged
 * file went, which backup was restored — shown once per recovery), agreements whose stored data cannot be
 * read (with the backup that still holds each, restorable from here — shown at every start while they
 * last), and an automatic backup that failed.
 */
export function RecoveryNotice() {
  const { t, i18n } = useTranslation();
  const [notice, setNotice] = useState<Notice | null>(null);

  useEffect(() => {
    let active = true;
    void api()
      .send('app.startupReport', {})
      .then((reply) => {
        if (!active || !reply.ok) return;
        const { recovery, unreadable, backups } = reply.value;
        const unseen = recovery && seenStore()?.getItem(SEEN_KEY) !== recovery.damagedPath ? recovery : null;
        if (!unseen && unreadable.length === 0 && !backups.failed) return;
        setNotice({ recovery: unseen, unreadable, backupFailed: backups.failed });
      });
    return () => {
      active = false;
    };
  }, []);

  const recovery = notice?.recovery ?? null;
  const close = () => {
    if (recovery) {
      try {
        seenStore()?.setItem(SEEN_KEY, recovery.damagedPath);
      } catch {
        // Storage full or disabled: the notice may show again after a reload, nothing worse.
      }
    }
    setNotice(null);
  };

  const restored = recovery?.restoredFrom && recovery.backupTakenAt ? { path: recovery.restoredFrom, takenAt: recovery.backupTakenAt } : null;
  const unreadable = notice?.unreadable ?? [];
  const title = recovery
    ? t(restored ? 'ui.recovery.titleRestored' : 'ui.recovery.titleFresh')
    : unreadable.length > 0
      ? t('backups.notice.title', { count: unreadable.length })
      : t('backups.notice.backupFailedTitle');
  return (
    <Modal
      opened={notice !== null}
      onClose={close}
      title={title}
      centered
      size="lg"
      closeOnClickOutside={false}
      closeButtonProps={{ 'aria-label': t('ui.recovery.close') }}
    >
      {notice && (
        <Stack gap="sm">
          {recovery && (
            <>
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
            </>
          )}
          {unreadable.length > 0 && (
            <>
              {recovery && (
                <>
                  <Divider />
                  <Text fw={600} size="sm">
                    {t('backups.notice.title', { count: unreadable.length })}
                  </Text>
                </>
              )}
              <UnreadableAgreements unreadable={unreadable} />
            </>
          )}
          {notice.backupFailed && (
            <Alert
              color="orange"
              variant="light"
              icon={<IconAlertTriangle size={20} aria-hidden />}
              title={recovery || unreadable.length > 0 ? t('backups.notice.backupFailedTitle') : undefined}
            >
              {t('backups.notice.backupFailed', { when: formatDateTime(notice.backupFailed.at, i18n.language), reason: notice.backupFailed.reason })}
            </Alert>
          )}
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
