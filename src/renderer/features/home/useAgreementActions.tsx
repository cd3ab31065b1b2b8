import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementSummary } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/errors';
import type { Language } from '../../../shared/model/schema';
import { api, isDesktop } from '../../api/apiClient';
import { downloadSlaw, saveSlawOnDesktop } from '../../api/slawFiles';
import { notifyError, notifySuccess, showNotification } from '../../lib/notify';
import { useAppStore } from '../../store/appStore';

/**
 * Every home-screen command: call the API, tell the user what happened (errors translated, never thrown),
 * then refresh the list. Each resolves to whether it succeeded so dialogs know whether to close.
 */
export function useAgreementActions() {
  const { t } = useTranslation();
  const loadAgreements = useAppStore((s) => s.loadAgreements);
  const navigate = useAppStore((s) => s.navigate);

  return useMemo(() => {
    const fail = (error: ApiError): false => {
      notifyError(t, error);
      return false;
    };

    async function restore(agreement: AgreementSummary): Promise<boolean> {
      const result = await api().send('agreements.restore', { id: agreement.id });
      if (!result.ok) return fail(result.error);
      notifySuccess(t('ui.notify.restored', { title: agreement.title }));
      void loadAgreements();
      return true;
    }

    function showUndo(agreement: AgreementSummary): void {
      const id = `trashed-${agreement.id}-${Date.now()}`;
      showNotification({
        id,
        autoClose: 10_000,
        message: (
          <Group justify="space-between" wrap="nowrap" gap="md">
            <Text size="sm" style={{ flex: 1 }}>
              {t('ui.notify.trashed', { title: agreement.title })}
            </Text>
            <Button
              size="compact-sm"
              variant="light"
              style={{ flexShrink: 0 }}
              onClick={() => {
                notifications.hide(id);
                void restore(agreement);
              }}
            >
              {t('ui.notify.undo')}
            </Button>
          </Group>
        ),
      });
    }

    return {
      async create(source: 'blank' | 'example', language: Language, title?: string): Promise<boolean> {
        const result = await api().send('agreements.create', { source, language, ...(title ? { title } : {}) });
        if (!result.ok) return fail(result.error);
        navigate({ name: 'workshop', id: result.value.agreement.meta.id, step: 'participants' });
        return true;
      },
      async rename(agreement: AgreementSummary, title: string): Promise<boolean> {
        const result = await api().send('agreements.rename', { id: agreement.id, title: title.trim() });
        if (!result.ok) return fail(result.error);
        notifySuccess(t('ui.notify.renamed', { title: result.value.title }));
        void loadAgreements();
        return true;
      },
      async duplicate(agreement: AgreementSummary): Promise<boolean> {
        const result = await api().send('agreements.duplicate', { id: agreement.id });
        if (!result.ok) return fail(result.error);
        notifySuccess(t('ui.notify.duplicated', { title: result.value.title }));
        void loadAgreements();
        return true;
      },
      async trash(agreement: AgreementSummary): Promise<boolean> {
        const result = await api().send('agreements.trash', { id: agreement.id });
        if (!result.ok) return fail(result.error);
        showUndo(agreement);
        void loadAgreements();
        return true;
      },
      restore,
      async purge(agreement: AgreementSummary): Promise<boolean> {
        const result = await api().send('agreements.purge', { id: agreement.id });
        if (!result.ok) return fail(result.error);
        notifySuccess(t('ui.notify.purged', { title: agreement.title }));
        void loadAgreements();
        return true;
      },
      async exportSlaw(agreement: AgreementSummary): Promise<boolean> {
        const result = await api().send('slaw.export', { id: agreement.id });
        if (!result.ok) return fail(result.error);
        if (isDesktop()) {
          const outcome = await saveSlawOnDesktop(result.value);
          if (outcome.kind === 'failed') return fail(outcome.error);
          if (outcome.kind === 'saved') notifySuccess(t('ui.notify.exported', { fileName: result.value.fileName }));
          return outcome.kind === 'saved';
        }
        downloadSlaw(result.value);
        notifySuccess(t('ui.notify.downloaded', { fileName: result.value.fileName }));
        return true;
      },
      async importSlaw(content: string): Promise<boolean> {
        const result = await api().send('slaw.import', { content });
        if (!result.ok) {
          notifyError(t, result.error, 'ui.notify.importFailedTitle');
          return false;
        }
        // Say which identity rule applied (docs/FORMAT.md): a signed file kept as an unsigned copy must not pass unnoticed.
        const { summary, outcome, signaturesAdded, restoredFromTrash } = result.value;
        const said = t(`ui.notify.importOutcome.${outcome}`, { title: summary.title, version: summary.version, count: signaturesAdded });
        const message = restoredFromTrash ? `${said} ${t('ui.notify.importRestored')}` : said;
        if (outcome === 'draft_copy') showNotification({ color: 'yellow', message, autoClose: 12_000 });
        else notifySuccess(message);
        void loadAgreements();
        return true;
      },
    };
  }, [t, loadAgreements, navigate]);
}

export type AgreementActions = ReturnType<typeof useAgreementActions>;
