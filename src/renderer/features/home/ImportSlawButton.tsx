import { Button } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isDesktop } from '../../api/apiClient';
import { openSlawFromDesktop, readPickedFile } from '../../api/slawFiles';
import { notifyError, notifyProblem } from '../../lib/notify';

/**
 * Electron uses the native open dialog (the preload reads the file); browser mode uses a hidden file input,
 * refusing oversized files before reading them.
 */
export function ImportSlawButton({ onContent }: { onContent: (content: string) => Promise<boolean> }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  async function run(task: () => Promise<void>) {
    setBusy(true);
    try {
      await task();
    } finally {
      setBusy(false);
    }
  }

  function startImport() {
    if (!isDesktop()) return input.current?.click();
    void run(async () => {
      const opened = await openSlawFromDesktop();
      if (opened.kind === 'file') await onContent(opened.file.content);
      else if (opened.kind === 'failed') notifyError(t, opened.error, 'ui.notify.importFailedTitle');
    });
  }

  function onFilePicked(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    // Reset so picking the same file again (after fixing it) fires another change event.
    event.currentTarget.value = '';
    if (!file) return;
    void run(async () => {
      const read = await readPickedFile(file);
      if (read.kind === 'too_large') notifyProblem(t, t('ui.import.tooLarge', { name: file.name, limitMb: read.limitMb }));
      else if (read.kind === 'unreadable') notifyProblem(t, t('ui.import.unreadable'));
      else await onContent(read.file.content);
    });
  }

  return (
    <>
      <Button variant="default" leftSection={<IconUpload size={16} />} onClick={startImport} loading={busy}>
        {t('ui.home.import')}
      </Button>
      <input
        ref={input}
        type="file"
        accept=".slaw,application/json"
        aria-label={t('ui.import.fileInput')}
        data-testid="import-file-input"
        hidden
        onChange={onFilePicked}
      />
    </>
  );
}
