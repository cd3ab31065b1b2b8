import { Button, Group } from '@mantine/core';
import { IconCopy, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { fileNameFromTitle } from '../../../shared/fileName';
import { downloadBlob } from '../../api/desktopFiles';
import { notifyProblem, notifySuccess } from '../../lib/notify';
import { useAppStore } from '../../store/appStore';
import { decisionLogCsv, decisionLogTsv, type DecisionLogExport } from './decisionLogExport';
import { useSessionClock } from './useSessionClock';

/**
 * The decision log with the session clock (planned against actual minutes per step), for the minutes of the
 * meeting: copied as a table for pasting, or downloaded as a CSV file. In the desktop app the download goes
 * through Chromium's own save dialog, in a browser to its downloads.
 */
export function DecisionLogExportButtons() {
  const { t, i18n } = useTranslation();
  const { times } = useSessionClock();
  const count = useAppStore((s) => s.session?.draft.decisions.length ?? 0);
  const input = (): DecisionLogExport => ({ decisions: useAppStore.getState().session?.draft.decisions ?? [], times, t, locale: i18n.language });

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(decisionLogTsv(input()));
      notifySuccess(t('facilitation.export.copied'));
    } catch {
      notifyProblem(t, t('facilitation.export.copyFailed'));
    }
  };
  const download = () => {
    const title = useAppStore.getState().session?.draft.meta.title ?? '';
    downloadBlob(
      new Blob([decisionLogCsv(input())], { type: 'text/csv;charset=utf-8' }),
      fileNameFromTitle(`${title} ${t('facilitation.export.fileName')}`, '.csv'),
    );
  };

  return (
    <Group gap="xs">
      <Button
        variant="default"
        size="xs"
        leftSection={<IconCopy size={14} />}
        onClick={() => void copy()}
        disabled={count === 0 && times.every((time) => !time.started)}
      >
        {t('facilitation.export.copy')}
      </Button>
      <Button
        variant="default"
        size="xs"
        leftSection={<IconDownload size={14} />}
        onClick={download}
        disabled={count === 0 && times.every((time) => !time.started)}
      >
        {t('facilitation.export.download')}
      </Button>
    </Group>
  );
}
