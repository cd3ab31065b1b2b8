import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../../shared/api/errors';
import { describeError } from '../../../../../shared/i18n';
import type { Language } from '../../../../../shared/model/schema';
import { api, isDesktop } from '../../../../api/apiClient';
import { downloadDocx, saveDocxOnDesktop } from '../../../../api/docxFiles';
import { useAppStore } from '../../../../store/appStore';
import { notice, updateNotice } from './notices';

/**
 * Export: one notification follows the whole job (preparing → saving → saved, or why not). A draft's last
 * edits are saved first so the document shows what is on screen. Writing the file never touches the
 * agreement, so a folder that cannot be written costs nothing but a clear message.
 */
export function useExportDocument(): { exportDocument(language?: Language): Promise<void>; busy: boolean } {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);

  async function exportDocument(language?: Language): Promise<void> {
    const store = useAppStore.getState();
    const session = store.session;
    if (!session || busy) return;
    setBusy(true);
    const id = notice(t, { loading: true, title: t('steps.review.export.title'), message: t('steps.review.export.preparing'), autoClose: false, withCloseButton: false });
    const fail = (message: string) =>
      updateNotice(t, { id, loading: false, color: 'red', title: t('steps.review.export.failedTitle'), message, autoClose: 12_000, withCloseButton: true });
    const failWith = (error: ApiError) => fail(describeError(t, error));
    try {
      if (!session.readOnly && !(await store.saveNow())) {
        fail(t('steps.review.sign.notSaved'));
        return;
      }
      const result = await api().send('document.export', { id: session.id, ...(language ? { language } : {}) });
      if (!result.ok) {
        failWith(result.error);
        return;
      }
      const file = { fileName: result.value.fileName, base64: result.value.base64 };
      updateNotice(t, { id, message: t('steps.review.export.saving', { file: file.fileName }) });
      const done = (message: string) => updateNotice(t, { id, loading: false, color: 'teal', title: t('steps.review.export.title'), message, autoClose: 6_000, withCloseButton: true });
      if (!isDesktop()) {
        downloadDocx(file);
        done(t('steps.review.export.downloaded', { file: file.fileName }));
        return;
      }
      const outcome = await saveDocxOnDesktop(file);
      if (outcome.kind === 'failed') failWith(outcome.error);
      else if (outcome.kind === 'cancelled') updateNotice(t, { id, loading: false, color: 'gray', message: t('steps.review.export.cancelled'), autoClose: 4_000, withCloseButton: true });
      else done(outcome.path ? t('steps.review.export.savedTo', { path: outcome.path }) : t('steps.review.export.saved', { file: file.fileName }));
    } catch {
      failWith({ kind: 'internal', message: 'Export failed' });
    } finally {
      setBusy(false);
    }
  }

  return { exportDocument, busy };
}
