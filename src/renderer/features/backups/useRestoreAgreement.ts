import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpOutput } from '../../../shared/api/contract';
import { api } from '../../api/apiClient';
import { formatDateTime } from '../../lib/formatDate';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useAppStore } from '../../store/appStore';

export interface BackupRef {
  name: string;
  takenAt: string;
}

/**
 * Restores one agreement from a backup and says in words what happened — it replaced an unreadable copy,
 * was added as a new draft beside the current one, or was added back — then refreshes the list.
 * Resolves to the result, or null when it failed (the error is shown, translated).
 */
export function useRestoreAgreement() {
  const { t, i18n } = useTranslation();
  const loadAgreements = useAppStore((s) => s.loadAgreements);
  return useCallback(
    async (backup: BackupRef, id: string): Promise<OpOutput<'backups.restoreAgreement'> | null> => {
      const result = await api().send('backups.restoreAgreement', { backup: backup.name, id });
      if (!result.ok) {
        notifyError(t, result.error);
        return null;
      }
      const { outcome, summary } = result.value;
      notifySuccess(
        t(`backups.done.${outcome}`, { title: summary.title || t('backups.dialog.untitled'), when: formatDateTime(backup.takenAt, i18n.language) }),
      );
      void loadAgreements();
      return result.value;
    },
    [t, i18n.language, loadAgreements],
  );
}
