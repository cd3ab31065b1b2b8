import { Button, Group } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommitmentMeasure } from '../../../../shared/actuals/compliance';
import type { ApiError } from '../../../../shared/api/errors';
import { describeError } from '../../../../shared/i18n';
import type { Language } from '../../../../shared/model/schema';
import { api, isDesktop } from '../../../api/apiClient';
import { downloadBlob } from '../../../api/desktopFiles';
import { downloadDocx, saveDocxOnDesktop } from '../../../api/docxFiles';
import { notifyProblem, notifySuccess } from '../../../lib/notify';
import { useActualsStore } from '../ResultsContext';

/**
 * The month's review as a Word document or CSV, written by the core from the stored months (pending edits
 * are saved first) with the measures chosen on screen, in the interface's language. The .docx goes through
 * the desktop save dialog like the SLA's; in a browser, and the CSV everywhere, to the downloads.
 */
export function ExportButtons({ agreementId, month, links }: { agreementId: string; month: string; links: Record<string, CommitmentMeasure> }) {
  const { t, i18n } = useTranslation();
  const actuals = useActualsStore();
  const [busy, setBusy] = useState<'docx' | 'csv' | null>(null);
  const language: Language = i18n.language === 'es' ? 'es' : 'en';
  const fail = (error: ApiError) => notifyProblem(t, t('results.review.export.failed', { reason: describeError(t, error) }));

  async function exportAs(kind: 'docx' | 'csv') {
    setBusy(kind);
    try {
      await actuals.getState().flush();
      const input = { id: agreementId, month, language, links };
      if (kind === 'csv') {
        const result = await api().send('actuals.exportReviewCsv', input);
        if (!result.ok) return fail(result.error);
        downloadBlob(new Blob([result.value.text], { type: 'text/csv;charset=utf-8' }), result.value.fileName);
        notifySuccess(t('results.review.export.saved', { path: result.value.fileName }));
        return;
      }
      const result = await api().send('actuals.exportReviewDocx', input);
      if (!result.ok) return fail(result.error);
      if (!isDesktop()) {
        downloadDocx(result.value);
        notifySuccess(t('results.review.export.saved', { path: result.value.fileName }));
        return;
      }
      const outcome = await saveDocxOnDesktop(result.value);
      if (outcome.kind === 'failed') fail(outcome.error);
      else if (outcome.kind === 'saved') notifySuccess(t('results.review.export.saved', { path: outcome.path ?? result.value.fileName }));
    } finally {
      setBusy(null);
    }
  }

  return (
    <Group gap="xs">
      <Button
        variant="default"
        leftSection={<IconDownload size={16} aria-hidden />}
        loading={busy === 'docx'}
        disabled={busy !== null}
        onClick={() => void exportAs('docx')}
      >
        {t('results.review.export.docx')}
      </Button>
      <Button
        variant="default"
        leftSection={<IconDownload size={16} aria-hidden />}
        loading={busy === 'csv'}
        disabled={busy !== null}
        onClick={() => void exportAs('csv')}
      >
        {t('results.review.export.csv')}
      </Button>
    </Group>
  );
}
